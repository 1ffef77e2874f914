import type { Kysely, Migration } from 'kysely';

export const adminMigrations: Record<string, Migration> = {
  '20270125_01_platform_account_blocks': {
    async up(db: Kysely<any>) {
      // An administrator's block: no login and no session while set.
      await db.schema.alterTable('users').addColumn('blocked_at', 'text').execute();
    },
  },
};
