import type { Kysely } from 'kysely';
import type { FlandersSchool } from '../../../shared/digisnap/flanders-picture';
import type { TeacherPage } from '../../../shared/digisnap/teacher-pages';
import { precompiled } from '../../platform/db/precompiled';
import { memberRanges, RANGE_SIZE } from '../member-ranges';
import type { SchoolDatabase as Database } from '../school.tables';

/** Every school with the facts the knowledge centre's Flanders-wide figures are broken down by. */
export class FlandersSchoolsRepository {
  /** Behind every read of the centre's overview: compiled once. */
  private readonly versionRow;
  private readonly frontsVersionRows;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly rangeSize = RANGE_SIZE,
  ) {
    this.versionRow = precompiled(db, () => db.selectFrom('school_data_versions').select('version').where('name', '=', 'schools'), 0);
    this.frontsVersionRows = precompiled(db, () => db.selectFrom('school_data_versions').select('version').where('name', 'in', ['schools', 'fronts']), 0);
  }

  /** Changes with every change to schools, policy plans, cyber checks or reflections (triggers bump both rows): the centre's fronts of the school module. */
  async frontsVersion(): Promise<number> {
    const rows = await this.frontsVersionRows();
    return rows.reduce((sum, row) => sum + Number(row.version), 0);
  }

  /** Changes with every change to schools, memberships or campaigns (triggers bump it); 0 before the first. */
  async version(): Promise<number> {
    const [row] = await this.versionRow();
    return row ? Number(row.version) : 0;
  }

  ranges(): AsyncGenerator<Pick<TeacherPage<unknown>, 'after' | 'upTo'>> {
    return memberRanges(this.db, this.rangeSize);
  }

  /** The teachers in a range with their schools, by teacher, the school with the smallest id first. */
  async teacherSchools(range: Pick<TeacherPage<unknown>, 'after' | 'upTo'>): Promise<Array<{ user_id: string; school_id: string }>> {
    let query = this.db.selectFrom('memberships').select(['user_id', 'school_id']).where('role', '=', 'teacher').where('user_id', '>', range.after);
    if (range.upTo !== null) query = query.where('user_id', '<=', range.upTo);
    return query.orderBy('user_id').orderBy('school_id').execute();
  }

  /**
   * Every school, its number of teachers, and whether a Digisnap round of it finished in the window: closed
   * from `from` on, or its last day (`fromDate` or later) past before `today`.
   */
  async schools(window: { from: string; fromDate: string; today: string }): Promise<FlandersSchool[]> {
    const [schools, finished] = await Promise.all([
      this.db.selectFrom('schools').select(['id', 'province', 'education_level', 'network']).orderBy('id').execute(),
      this.db
        .selectFrom('campaigns')
        .select('school_id')
        .distinct()
        .where((eb) =>
          eb.or([
            eb.and([eb('closed_at', 'is not', null), eb('closed_at', '>=', window.from)]),
            eb.and([eb('closed_at', 'is', null), eb('closes_on', '>=', window.fromDate), eb('closes_on', '<', window.today)]),
          ]),
        )
        .execute(),
    ]);
    const teachers = await this.db
      .selectFrom('memberships')
      .select((eb) => ['school_id', eb.fn.countAll<number | string>().as('teachers')])
      .where('role', '=', 'teacher')
      .groupBy('school_id')
      .execute();
    const teachersOf = new Map(teachers.map((row) => [row.school_id, Number(row.teachers)]));
    const withRound = new Set(finished.map((row) => row.school_id));
    return schools.map((school) => ({
      id: school.id,
      province: school.province,
      level: school.education_level,
      network: school.network,
      teachers: teachersOf.get(school.id) ?? 0,
      finishedRound: withRound.has(school.id),
    }));
  }
}
