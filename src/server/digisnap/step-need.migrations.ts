import { type Kysely, type Migration, PostgresAdapter, sql } from 'kysely';

/** The version of the submitted scans and the released step needs (step-need.service.ts). */
export const stepNeedMigrations: Record<string, Migration> = {
  '20270131_01_digisnap_scan_version': {
    async up(db: Kysely<any>) {
      // Scans are submitted by the digisnap module, but also go with their account (a cascade),
      // and bench and demo data write them in bulk: triggers bump the version on every change
      // to a submitted scan, whoever makes it, so one indexed read tells a reader that they changed.
      await db.schema
        .createTable('scan_data_version')
        .addColumn('id', 'integer', (c) => c.primaryKey())
        .addColumn('version', 'integer', (c) => c.notNull())
        .execute();
      await db.insertInto('scan_data_version').values({ id: 1, version: 0 }).execute();
      const bump = 'UPDATE scan_data_version SET version = version + 1 WHERE id = 1';
      if (db.getExecutor().adapter instanceof PostgresAdapter) {
        await sql
          .raw(
            "CREATE FUNCTION bump_scan_data_version() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF (TG_OP <> 'DELETE' AND NEW.status = 'submitted') " +
              `OR (TG_OP <> 'INSERT' AND OLD.status = 'submitted') THEN ${bump}; END IF; RETURN NULL; END $$`,
          )
          .execute(db);
        await sql.raw('CREATE TRIGGER scans_data_version AFTER INSERT OR UPDATE OR DELETE ON scans FOR EACH ROW EXECUTE FUNCTION bump_scan_data_version()').execute(db);
      } else {
        await sql.raw(`CREATE TRIGGER scans_data_version_insert AFTER INSERT ON scans WHEN NEW.status = 'submitted' BEGIN ${bump}; END`).execute(db);
        await sql.raw(`CREATE TRIGGER scans_data_version_delete AFTER DELETE ON scans WHEN OLD.status = 'submitted' BEGIN ${bump}; END`).execute(db);
        await sql.raw(`CREATE TRIGGER scans_data_version_update AFTER UPDATE ON scans WHEN NEW.status = 'submitted' OR OLD.status = 'submitted' BEGIN ${bump}; END`).execute(db);
      }
      // The released step needs: one row, the noise drawn once per data version and served again.
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
