import type { Kysely, Migration } from 'kysely';

export const followUpStepsMigrations: Record<string, Migration> = {
  '20270206_01_centre_follow_up_steps': {
    async up(db: Kysely<any>) {
      // Every saved version of the steps, the last one current; none: content/follow-up/steps.json.
      // The version is the key, so two saves of the same version cannot both land (409 for the second).
      await db.schema
        .createTable('centre_follow_up_steps')
        .addColumn('version', 'integer', (c) => c.primaryKey())
        .addColumn('steps', 'text', (c) => c.notNull())
        .addColumn('saved_by', 'text')
        .addColumn('saved_at', 'text', (c) => c.notNull())
        .execute();
    },
  },
};
