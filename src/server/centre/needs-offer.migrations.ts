import type { Kysely, Migration } from 'kysely';

export const needsOfferMigrations: Record<string, Migration> = {
  '20270131_02_centre_targets': {
    async up(db: Kysely<any>) {
      // The level the centre wants teachers to reach per competence; a competence without a row has B1.
      await db.schema
        .createTable('centre_targets')
        .addColumn('competence', 'text', (c) => c.primaryKey())
        .addColumn('level', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('updated_by', 'text')
        .execute();
    },
  },
};
