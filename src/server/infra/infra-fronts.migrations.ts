import type { Kysely, Migration } from 'kysely';
import { addVersionTriggers } from '../platform/db/version-triggers';

export const infraFrontsMigrations: Record<string, Migration> = {
  '20270208_02_infra_data_versions': {
    async up(db: Kysely<any>) {
      // The knowledge centre's ICT park and funding fronts add up every school: one version for
      // all of Flanders, bumped by any change to what they count, tells a process to count anew.
      await db.schema
        .createTable('infra_data_versions')
        .addColumn('name', 'text', (c) => c.primaryKey())
        .addColumn('version', 'integer', (c) => c.notNull())
        .execute();
      await addVersionTriggers(db, { table: 'infra_data_versions', name: 'fronts' }, ['devices', 'loans', 'pupil_counts', 'funding_terms', 'funding_spending']);
    },
  },
};
