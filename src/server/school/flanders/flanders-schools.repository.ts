import type { Kysely } from 'kysely';
import type { FlandersSchool } from '../../../shared/digisnap/flanders-picture';
import { precompiled } from '../../platform/db/precompiled';
import type { SchoolDatabase as Database } from '../school.tables';

/** Every school with the facts the knowledge centre's Flanders-wide figures are broken down by. */
export class FlandersSchoolsRepository {
  /** Behind every read of the centre's overview: compiled once. */
  private readonly versionRow;

  constructor(private readonly db: Kysely<Database>) {
    this.versionRow = precompiled(db, () => db.selectFrom('school_data_versions').select('version').where('name', '=', 'schools'), 0);
  }

  /** Changes with every change to schools, memberships or campaigns (triggers bump it); 0 before the first. */
  async version(): Promise<number> {
    const [row] = await this.versionRow();
    return row ? Number(row.version) : 0;
  }

  /**
   * Every school, its teachers, and whether a Digisnap round of it finished in the window: closed
   * from `from` on, or its last day (`fromDate` or later) past before `today`.
   */
  async schools(window: { from: string; fromDate: string; today: string }): Promise<FlandersSchool[]> {
    const [schools, teachers, finished] = await Promise.all([
      this.db.selectFrom('schools').select(['id', 'province', 'education_level', 'network']).orderBy('id').execute(),
      this.db.selectFrom('memberships').select(['school_id', 'user_id']).where('role', '=', 'teacher').orderBy('school_id').orderBy('user_id').execute(),
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
    const teachersOf = new Map<string, string[]>();
    for (const row of teachers) {
      const list = teachersOf.get(row.school_id);
      if (list) list.push(row.user_id);
      else teachersOf.set(row.school_id, [row.user_id]);
    }
    const withRound = new Set(finished.map((row) => row.school_id));
    return schools.map((school) => ({
      id: school.id,
      province: school.province,
      level: school.education_level,
      network: school.network,
      teacherIds: teachersOf.get(school.id) ?? [],
      finishedRound: withRound.has(school.id),
    }));
  }
}
