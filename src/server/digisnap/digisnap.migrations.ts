import type { Kysely, Migration } from 'kysely';

export const digisnapMigrations: Record<string, Migration> = {
  '20261129_03_digisnap_scans': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('scans')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('framework_id', 'text', (c) => c.notNull())
        .addColumn('framework_version', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('background', 'text', (c) => c.notNull().defaultTo('{}'))
        .addColumn('started_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('submitted_at', 'text')
        .addColumn('total', 'integer')
        .addColumn('level', 'text')
        .addColumn('band', 'text')
        .addColumn('result', 'text')
        .execute();
      await db.schema.createIndex('scans_user_idx').on('scans').columns(['user_id', 'status', 'submitted_at']).execute();
      await db.schema
        .createTable('scan_answers')
        .addColumn('scan_id', 'text', (c) => c.notNull().references('scans.id').onDelete('cascade'))
        .addColumn('competence_code', 'text', (c) => c.notNull())
        .addColumn('option_index', 'integer', (c) => c.notNull())
        .addColumn('answered_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('scan_answers_pk', ['scan_id', 'competence_code'])
        .execute();
    },
  },
  '20261129_05_digisnap_profiles': {
    async up(db: Kysely<any>) {
      // Filled at submit; a teacher whose profile is missing gets it rebuilt on first read.
      await db.schema
        .createTable('profiles')
        .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
        .addColumn('scan_id', 'text', (c) => c.notNull().references('scans.id').onDelete('cascade'))
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
    },
  },
};
