import type { Kysely } from 'kysely';
import type { Database } from '../platform/db/schema';

export interface NewSchool {
  id: string;
  name: string;
  institutionNumber: string | null;
  educationLevel: string | null;
  province: string | null;
  createdAt: string;
}

export class SchoolRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(school: NewSchool): Promise<void> {
    await this.db
      .insertInto('schools')
      .values({
        id: school.id,
        name: school.name,
        institution_number: school.institutionNumber,
        education_level: school.educationLevel,
        province: school.province,
        created_at: school.createdAt,
      })
      .execute();
  }

  async exists(id: string): Promise<boolean> {
    const row = await this.db.selectFrom('schools').select('id').where('id', '=', id).executeTakeFirst();
    return row !== undefined;
  }

  /** The schools the given users belong to (any role), by name. */
  async schoolsOfUsers(userIds: readonly string[]): Promise<Array<{ userId: string; schoolId: string; name: string; province: string | null }>> {
    if (userIds.length === 0) return [];
    const rows = await this.db
      .selectFrom('memberships')
      .innerJoin('schools', 'schools.id', 'memberships.school_id')
      .select(['memberships.user_id', 'schools.id', 'schools.name', 'schools.province'])
      .distinct()
      .where('memberships.user_id', 'in', [...new Set(userIds)])
      .orderBy('memberships.user_id')
      .orderBy('schools.name')
      .execute();
    return rows.map((r) => ({ userId: r.user_id, schoolId: r.id, name: r.name, province: r.province }));
  }

  findByInstitutionNumber(number: string) {
    return this.db.selectFrom('schools').selectAll().where('institution_number', '=', number).executeTakeFirst();
  }
}
