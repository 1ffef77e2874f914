import type { Kysely, Migration } from 'kysely';

export const schoolMigrations: Record<string, Migration> = {
  '20261129_02_school_schools': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('schools')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('institution_number', 'text', (c) => c.unique())
        .addColumn('education_level', 'text')
        .addColumn('province', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('memberships')
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id').onDelete('cascade'))
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('memberships_pk', ['user_id', 'school_id', 'role'])
        .execute();
      await db.schema.createIndex('memberships_school_idx').on('memberships').column('school_id').execute();
    },
  },
};
