import type { Kysely, Migration } from 'kysely';

/** The released step needs (step-need.service.ts). */
export const stepNeedMigrations: Record<string, Migration> = {
  '20270131_01_digisnap_step_need_releases': {
    async up(db: Kysely<any>) {
      // One row per scope: the release's noise drawn once per data version and served again, in any process.
      await db.schema
        .createTable('step_need_releases')
        .addColumn('scope', 'text', (c) => c.primaryKey())
        .addColumn('signature', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('released_at', 'text', (c) => c.notNull())
        .execute();
    },
  },
};
