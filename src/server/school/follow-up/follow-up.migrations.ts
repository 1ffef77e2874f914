import type { Kysely, Migration } from 'kysely';

export const followUpMigrations: Record<string, Migration> = {
  '20270206_02_school_campaign_follow_up': {
    async up(db: Kysely<any>) {
      // A ticked step of the knowledge centre's steps after a round; unticking deletes the row (the
      // audit log keeps both). A step the centre removed keeps its rows: they count again if it returns.
      await db.schema
        .createTable('campaign_follow_up_ticks')
        .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id').onDelete('cascade'))
        .addColumn('step_key', 'text', (c) => c.notNull())
        .addColumn('done_on', 'text', (c) => c.notNull())
        .addColumn('note', 'text')
        .addColumn('ticked_by', 'text', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('ticked_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('campaign_follow_up_ticks_pk', ['campaign_id', 'step_key'])
        .execute();
    },
  },
};
