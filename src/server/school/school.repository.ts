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

  findByInstitutionNumber(number: string) {
    return this.db.selectFrom('schools').selectAll().where('institution_number', '=', number).executeTakeFirst();
  }
}
