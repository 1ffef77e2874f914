import { type Kysely, type Migration, sql } from 'kysely';

export const cyberCheckMigrations: Record<string, Migration> = {
  '20261216_01_school_cyber_checks': {
    async up(db: Kysely<any>) {
      // One row per check of a school; the result is worked out from the answers and the
      // instrument version, which stays loaded, so nothing derived is stored.
      await db.schema
        .createTable('cyber_checks')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id').onDelete('cascade'))
        .addColumn('instrument_id', 'text', (c) => c.notNull())
        .addColumn('instrument_version', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('started_at', 'text', (c) => c.notNull())
        .addColumn('started_by', 'text', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('updated_by', 'text', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('submitted_at', 'text')
        .addColumn('submitted_by', 'text', (c) => c.references('users.id').onDelete('set null'))
        .execute();
      await db.schema.createIndex('cyber_checks_school_idx').on('cyber_checks').columns(['school_id', 'started_at']).execute();
      // At most one check in progress per school, even when two managers press "start" at once.
      await db.schema.createIndex('cyber_checks_one_open_idx').on('cyber_checks').column('school_id').unique().where(sql.ref('status'), '=', 'in_progress').execute();
      await db.schema
        .createTable('cyber_check_answers')
        .addColumn('check_id', 'text', (c) => c.notNull().references('cyber_checks.id').onDelete('cascade'))
        .addColumn('item_id', 'text', (c) => c.notNull())
        .addColumn('option_index', 'integer', (c) => c.notNull())
        .addColumn('answered_at', 'text', (c) => c.notNull())
        .addColumn('answered_by', 'text', (c) => c.references('users.id').onDelete('set null'))
        .addPrimaryKeyConstraint('cyber_check_answers_pk', ['check_id', 'item_id'])
        .execute();
    },
  },
};
