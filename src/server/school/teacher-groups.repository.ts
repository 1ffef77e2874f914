import { type Kysely, sql } from 'kysely';
import type { SchoolDatabase as Database } from './school.tables';

/** Where teachers teach, by province and education level: for Flanders-wide counts that never name a school. */
export class TeacherGroupsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Moves whenever a membership changes (the triggers of school_membership_versions), or a school comes or goes. */
  async version(): Promise<string> {
    const row = await this.db
      .selectFrom('school_membership_versions')
      .select([sql<number>`count(*)`.as('schools'), sql<number>`coalesce(sum(version), 0)`.as('changes')])
      .executeTakeFirst();
    return `${Number(row?.schools ?? 0)}.${Number(row?.changes ?? 0)}`;
  }

  /** Each member's schools with a province and an education level, by member, the school with the smallest id first. */
  async memberSchools(): Promise<Array<{ user_id: string; province: string; education_level: string }>> {
    const rows = await this.db
      .selectFrom('memberships as m')
      .innerJoin('schools as s', 's.id', 'm.school_id')
      .select(['m.user_id', 's.province', 's.education_level'])
      .where('s.province', 'is not', null)
      .where('s.education_level', 'is not', null)
      .orderBy('m.user_id')
      .orderBy('s.id')
      .execute();
    return rows as Array<{ user_id: string; province: string; education_level: string }>;
  }
}
