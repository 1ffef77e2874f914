import type { Kysely, Migration } from 'kysely';

export const passwordResetMigrations: Record<string, Migration> = {
  '20261217_21_platform_password_resets': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('password_resets')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        // Only the sha-256 of the link's token is kept, as for invitations and sessions.
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('used_at', 'text')
        .execute();
      await db.schema.createIndex('password_resets_user_idx').on('password_resets').column('user_id').execute();
    },
  },
};
