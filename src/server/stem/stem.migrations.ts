import type { Kysely, Migration } from 'kysely';

export const stemMigrations: Record<string, Migration> = {
  '20270121_01_stem_counts': {
    async up(db: Kysely<any>) {
      // The lines as imported, school-level ones kept as they came; a school year is replaced whole, so the only index is the year.
      const dimensions = (table: string) =>
        db.schema
          .createTable(table)
          .addColumn('school_year', 'text', (c) => c.notNull())
          .addColumn('level', 'text', (c) => c.notNull())
          .addColumn('moment', 'text', (c) => c.notNull())
          .addColumn('programme_type', 'text', (c) => c.notNull())
          .addColumn('province', 'text', (c) => c.notNull())
          .addColumn('stem_category', 'text', (c) => c.notNull())
          // 0 for a programme without a study domain: a key column cannot be null on PostgreSQL.
          .addColumn('domain', 'integer', (c) => c.notNull())
          .addColumn('gender', 'text', (c) => c.notNull());
      await dimensions('stem_counts')
        .addColumn('school_number', 'text', (c) => c.notNull())
        .addColumn('count', 'integer', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('stem_counts_year').on('stem_counts').column('school_year').execute();
      // The sums over schools, written with every import: what the indicators are computed from, a few thousand rows a year.
      await dimensions('stem_count_sums')
        .addColumn('count', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('stem_count_sums_pk', ['school_year', 'level', 'moment', 'programme_type', 'province', 'stem_category', 'domain', 'gender'])
        .execute();
      await db.schema
        .createTable('stem_years')
        .addColumn('school_year', 'text', (c) => c.primaryKey())
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('rows', 'integer', (c) => c.notNull())
        .addColumn('pupils', 'bigint', (c) => c.notNull())
        .addColumn('imported_at', 'text', (c) => c.notNull())
        .execute();
      // One row, bumped by every import in its transaction: the answers kept per process are good while it stays.
      await db.schema
        .createTable('stem_data_version')
        .addColumn('id', 'integer', (c) => c.primaryKey())
        .addColumn('version', 'integer', (c) => c.notNull())
        .execute();
      await db.insertInto('stem_data_version').values({ id: 1, version: 0 }).execute();
    },
  },
};
