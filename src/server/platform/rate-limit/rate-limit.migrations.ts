import type { Kysely, Migration } from 'kysely';

export const rateLimitMigrations: Record<string, Migration> = {
  // One row per limited key (a hash of policy, address and IP): every server process counts in it.
  '20261217_01_platform_rate_limits': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('rate_limits')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('window_start', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('rate_limits_window_idx').on('rate_limits').column('window_start').execute();
    },
  },
};
