import type { Kysely } from 'kysely';
import type { TeacherPage } from '../../shared/digisnap/teacher-pages';
import { precompiled } from '../platform/db/precompiled';
import { memberRanges, RANGE_SIZE } from './member-ranges';
import type { SchoolDatabase as Database } from './school.tables';

/** Where teachers teach, by province and education level: for Flanders-wide counts that never name a school. */
export class TeacherGroupsRepository {
  private readonly versionRow;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly rangeSize = RANGE_SIZE,
  ) {
    this.versionRow = precompiled(db, () => db.selectFrom('school_data_versions').select('version').where('name', '=', 'schools'), 0);
  }

  /** Moves with every change to schools and memberships (the triggers of school_data_versions): one indexed read. */
  async version(): Promise<string> {
    const [row] = await this.versionRow();
    return String(row ? Number(row.version) : 0);
  }

  ranges(): AsyncGenerator<Pick<TeacherPage<unknown>, 'after' | 'upTo'>> {
    return memberRanges(this.db, this.rangeSize);
  }

  /** The schools with a province and an education level of the members in a range, by member, the school with the smallest id first. */
  async memberSchools(range: Pick<TeacherPage<unknown>, 'after' | 'upTo'>): Promise<Array<{ user_id: string; province: string; education_level: string }>> {
    let query = this.db
      .selectFrom('memberships as m')
      .innerJoin('schools as s', 's.id', 'm.school_id')
      .select(['m.user_id', 's.province', 's.education_level'])
      .where('s.province', 'is not', null)
      .where('s.education_level', 'is not', null)
      .where('m.user_id', '>', range.after);
    if (range.upTo !== null) query = query.where('m.user_id', '<=', range.upTo);
    const rows = await query.orderBy('m.user_id').orderBy('s.id').execute();
    return rows as Array<{ user_id: string; province: string; education_level: string }>;
  }
}
