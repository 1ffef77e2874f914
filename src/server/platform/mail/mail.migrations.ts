import type { Kysely, Migration } from 'kysely';

export const mailMigrations: Record<string, Migration> = {
  '20261206_02_platform_outbox': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('outbox')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('to_address', 'text', (c) => c.notNull())
        .addColumn('subject', 'text', (c) => c.notNull())
        .addColumn('text_body', 'text', (c) => c.notNull())
        .addColumn('html_body', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('error', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('sent_at', 'text')
        .execute();
      await db.schema.createIndex('outbox_created_idx').on('outbox').column('created_at').execute();
    },
  },
  '20261206_11_platform_outbox_confidential': {
    async up(db: Kysely<any>) {
      await db.schema
        .alterTable('outbox')
        .addColumn('confidential', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
    },
  },
};
