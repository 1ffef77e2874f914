import type { Kysely, Migration } from 'kysely';

export const trainingBudgetMigrations: Record<string, Migration> = {
  '20261210_02_school_budget_settings': {
    async up(db: Kysely<any>) {
      // One row per school that changed a setting; a school without a row uses defaultBudgetSettings.
      await db.schema
        .createTable('school_budget_settings')
        .addColumn('school_id', 'text', (c) => c.primaryKey().references('schools.id').onDelete('cascade'))
        .addColumn('top_up_per_staff_cents', 'integer', (c) => c.notNull())
        .addColumn('top_up_ends_on', 'text', (c) => c.notNull())
        .addColumn('regular_per_staff_cents', 'integer', (c) => c.notNull())
        .addColumn('staff_count_override', 'integer')
        .addColumn('updated_by', 'text', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
    },
  },
  '20261221_01_ict_envelope_posts': {
    async up(db: Kysely<any>) {
      // The €120 envelope is data now (training-funds.ts): the school enters its count of full-time
      // posts on 1 February 2021 instead of an amount and a last day. In hundredths, so 23.75 posts
      // are stored exactly on both databases. One statement each: SQLite alters one thing at a time.
      await db.schema.alterTable('school_budget_settings').addColumn('envelope_posts_hundredths', 'integer').execute();
      await db.schema.alterTable('school_budget_settings').dropColumn('top_up_per_staff_cents').execute();
      await db.schema.alterTable('school_budget_settings').dropColumn('top_up_ends_on').execute();
    },
  },
};
