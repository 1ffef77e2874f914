import type { Kysely, Migration } from 'kysely';

export const trainingPlanMigrations: Record<string, Migration> = {
  '20261210_01_school_study_days': {
    async up(db: Kysely<any>) {
      // training_id and session_id name catalogue rows but hold no foreign key: a module owns its tables.
      await db.schema
        .createTable('study_days')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id').onDelete('cascade'))
        .addColumn('on_date', 'text', (c) => c.notNull())
        .addColumn('training_id', 'text', (c) => c.notNull())
        .addColumn('training_title', 'text', (c) => c.notNull())
        .addColumn('session_id', 'text')
        .addColumn('campaign_id', 'text', (c) => c.references('campaigns.id').onDelete('set null'))
        .addColumn('participants', 'integer', (c) => c.notNull())
        .addColumn('price_per_person_cents', 'integer', (c) => c.notNull())
        .addColumn('team_price_cents', 'integer')
        .addColumn('cost_cents', 'integer', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('note', 'text')
        .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('cancelled_at', 'text')
        .addColumn('cancelled_by', 'text', (c) => c.references('users.id').onDelete('set null'))
        .execute();
      await db.schema.createIndex('study_days_school_idx').on('study_days').columns(['school_id', 'on_date']).execute();
    },
  },
};
