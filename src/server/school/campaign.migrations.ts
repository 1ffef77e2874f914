import type { Kysely, Migration } from 'kysely';

export const campaignMigrations: Record<string, Migration> = {
  '20261206_10_school_campaigns': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('campaigns')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id').onDelete('cascade'))
        .addColumn('framework_id', 'text', (c) => c.notNull())
        .addColumn('framework_version', 'text', (c) => c.notNull())
        .addColumn('opens_on', 'text', (c) => c.notNull())
        .addColumn('closes_on', 'text', (c) => c.notNull())
        .addColumn('team_moment', 'text')
        .addColumn('min_group_size', 'integer', (c) => c.notNull())
        // The school's education level when the campaign opened: what the comparison groups by.
        .addColumn('education_level', 'text')
        .addColumn('opened_by', 'text', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('closed_at', 'text')
        .addColumn('reminder_rounds', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('reminders_sent', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('reminded_at', 'text')
        .execute();
      await db.schema.createIndex('campaigns_school_idx').on('campaigns').columns(['school_id', 'opens_on']).execute();
      await db.schema.createIndex('campaigns_framework_idx').on('campaigns').columns(['framework_id', 'framework_version']).execute();
      // Every state of a report that was ever shown, in order: a later one only when the group changed enough.
      await db.schema
        .createTable('campaign_reports')
        .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id').onDelete('cascade'))
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('published_at', 'text', (c) => c.notNull())
        .addColumn('respondents', 'integer', (c) => c.notNull())
        // Opaque keys (a hash of campaign and user), to count how many came or went; never shown.
        .addColumn('respondent_keys', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('campaign_reports_pk', ['campaign_id', 'seq'])
        .execute();
    },
  },
};
