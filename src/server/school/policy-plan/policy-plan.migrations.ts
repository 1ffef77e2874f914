import type { Kysely, Migration } from 'kysely';

export const policyPlanMigrations: Record<string, Migration> = {
  '20261216_08_school_policy_plan': {
    async up(db: Kysely<any>) {
      // One plan per school; `version` rises with every save of the vision (optimistic concurrency).
      await db.schema
        .createTable('policy_plans')
        .addColumn('school_id', 'text', (c) => c.primaryKey().references('schools.id').onDelete('cascade'))
        .addColumn('vision', 'text', (c) => c.notNull())
        .addColumn('period_from', 'text', (c) => c.notNull())
        .addColumn('period_to', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('updated_by', 'text', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('policy_goals')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id').onDelete('cascade'))
        .addColumn('term', 'text', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('success_criterion', 'text')
        .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('policy_goals_school_idx').on('policy_goals').column('school_id').execute();
      // source_id names a campaign, survey or check of another module: no foreign key, a module owns its tables.
      await db.schema
        .createTable('policy_actions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id').onDelete('cascade'))
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('description', 'text')
        .addColumn('owner_user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('owner_name', 'text')
        .addColumn('deadline', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('front', 'text', (c) => c.notNull())
        .addColumn('target_kind', 'text')
        .addColumn('target_code', 'text')
        .addColumn('target_label_nl', 'text')
        .addColumn('target_label_en', 'text')
        .addColumn('goal_id', 'text', (c) => c.references('policy_goals.id').onDelete('set null'))
        .addColumn('source_kind', 'text')
        .addColumn('source_id', 'text')
        .addColumn('source_key', 'text')
        .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_by', 'text', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('policy_actions_school_idx').on('policy_actions').column('school_id').execute();
      // A suggestion of a result becomes one action at most, even when two requests race.
      await db.schema.createIndex('policy_actions_source_uq').on('policy_actions').columns(['school_id', 'source_kind', 'source_id', 'source_key']).unique().execute();
    },
  },
  '20270128_01_policy_goal_stem_indicator': {
    async up(db: Kysely<any>) {
      // The STEM indicator a goal names: an id of the monitor's content, not a foreign key.
      await db.schema.alterTable('policy_goals').addColumn('stem_indicator', 'text').execute();
    },
  },
};
