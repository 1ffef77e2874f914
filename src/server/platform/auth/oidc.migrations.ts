import type { Kysely, Migration } from 'kysely';

export const oidcMigrations: Record<string, Migration> = {
  '20261214_01_platform_oidc': {
    async up(db: Kysely<any>) {
      // A login under way at the identity provider: what the callback needs to check the answer.
      // In the database, not in memory, so the callback may reach another server process.
      await db.schema
        .createTable('oidc_logins')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('nonce', 'text', (c) => c.notNull())
        .addColumn('code_verifier', 'text', (c) => c.notNull())
        .addColumn('invitation_token', 'text')
        .addColumn('next_path', 'text')
        .addColumn('locale', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('oidc_logins_expires_idx').on('oidc_logins').column('expires_at').execute();
      // Which account a person at the provider is: the (issuer, subject) pair never changes, an address may.
      await db.schema
        .createTable('oidc_identities')
        .addColumn('issuer', 'text', (c) => c.notNull())
        .addColumn('subject', 'text', (c) => c.notNull())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('oidc_identities_pk', ['issuer', 'subject'])
        .execute();
      await db.schema.createIndex('oidc_identities_user_idx').on('oidc_identities').column('user_id').execute();
    },
  },
};
