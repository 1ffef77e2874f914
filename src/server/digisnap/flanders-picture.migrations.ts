import { type Kysely, type Migration, sql } from 'kysely';
import { isPostgres } from '../platform/db/dialect';

/** The tables of the knowledge centre's Flanders picture (flanders-picture.service.ts). */
export const flandersPictureMigrations: Record<string, Migration> = {
  '20270129_01_digisnap_flanders_picture': {
    async up(db: Kysely<any>) {
      // Submits and erasures reach scans through several services; triggers bump this version on
      // every change to a submitted scan, whoever makes it, so the picture learns with one read
      // whether its counts may have changed.
      await db.schema
        .createTable('digisnap_data_versions')
        .addColumn('name', 'text', (c) => c.primaryKey())
        .addColumn('version', 'integer', (c) => c.notNull())
        .execute();
      const bump = "INSERT INTO digisnap_data_versions (name, version) VALUES ('scans', 1) ON CONFLICT (name) DO UPDATE SET version = digisnap_data_versions.version + 1";
      if (isPostgres(db)) {
        await sql.raw(`CREATE FUNCTION bump_digisnap_scans_version() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN ${bump}; RETURN NULL; END $$`).execute(db);
        await sql
          .raw(
            'CREATE TRIGGER scans_version_update AFTER UPDATE OF status ON scans FOR EACH ROW ' +
              "WHEN (NEW.status = 'submitted' OR OLD.status = 'submitted') EXECUTE FUNCTION bump_digisnap_scans_version()",
          )
          .execute(db);
        await sql
          .raw("CREATE TRIGGER scans_version_delete AFTER DELETE ON scans FOR EACH ROW WHEN (OLD.status = 'submitted') EXECUTE FUNCTION bump_digisnap_scans_version()")
          .execute(db);
      } else {
        await sql.raw(`CREATE TRIGGER scans_version_update AFTER UPDATE OF status ON scans WHEN NEW.status = 'submitted' OR OLD.status = 'submitted' BEGIN ${bump}; END`).execute(db);
        await sql.raw(`CREATE TRIGGER scans_version_insert AFTER INSERT ON scans WHEN NEW.status = 'submitted' BEGIN ${bump}; END`).execute(db);
        await sql.raw(`CREATE TRIGGER scans_version_delete AFTER DELETE ON scans WHEN OLD.status = 'submitted' BEGIN ${bump}; END`).execute(db);
      }
      // One row per release: its noisy counts, drawn once and served on every read of the same data.
      await db.schema
        .createTable('flanders_picture_releases')
        .addColumn('data_hash', 'text', (c) => c.primaryKey())
        .addColumn('id', 'text', (c) => c.notNull().unique())
        .addColumn('released_at', 'text', (c) => c.notNull())
        .addColumn('window_from', 'text', (c) => c.notNull())
        .addColumn('framework_id', 'text', (c) => c.notNull())
        .addColumn('framework_version', 'text', (c) => c.notNull())
        .addColumn('epsilon', 'double precision', (c) => c.notNull())
        .addColumn('noisy', 'text', (c) => c.notNull())
        .execute();
    },
  },
  '20270208_04_digisnap_scans_version_on_insert': {
    async up(db: Kysely<any>) {
      // PostgreSQL lacked the insert trigger SQLite has: scans imported as submitted (insertSubmittedScans)
      // left the version, and so the centre's picture and needs, as they were. Once per statement, as a
      // bulk import of 200 scans is one change.
      if (!isPostgres(db)) return;
      await sql
        .raw(
          "CREATE FUNCTION bump_digisnap_scans_version_on_insert() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF EXISTS (SELECT 1 FROM inserted WHERE status = 'submitted') THEN " +
            "INSERT INTO digisnap_data_versions (name, version) VALUES ('scans', 1) ON CONFLICT (name) DO UPDATE SET version = digisnap_data_versions.version + 1; END IF; RETURN NULL; END $$",
        )
        .execute(db);
      await sql
        .raw('CREATE TRIGGER scans_version_insert AFTER INSERT ON scans REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION bump_digisnap_scans_version_on_insert()')
        .execute(db);
    },
  },
};
