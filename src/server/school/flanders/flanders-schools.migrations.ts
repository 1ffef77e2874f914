import { type Kysely, type Migration, sql } from 'kysely';
import { isPostgres } from '../../platform/db/dialect';
import { addVersionTriggers } from '../../platform/db/version-triggers';

export const flandersSchoolsMigrations: Record<string, Migration> = {
  '20270129_02_school_data_versions': {
    async up(db: Kysely<any>) {
      // Schools, memberships and campaigns change through several modules and cascades; triggers bump
      // this version on every change, whoever makes it, so the knowledge centre's Flanders-wide figures
      // learn with one read whether the schools they were counted for changed.
      await db.schema
        .createTable('school_data_versions')
        .addColumn('name', 'text', (c) => c.primaryKey())
        .addColumn('version', 'integer', (c) => c.notNull())
        .execute();
      const bump = "INSERT INTO school_data_versions (name, version) VALUES ('schools', 1) ON CONFLICT (name) DO UPDATE SET version = school_data_versions.version + 1";
      const tables = ['schools', 'memberships', 'campaigns'];
      if (isPostgres(db)) {
        await sql.raw(`CREATE FUNCTION bump_school_data_version() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN ${bump}; RETURN NULL; END $$`).execute(db);
        for (const table of tables) {
          // Once per statement: a bulk insert bumps the version once.
          await sql.raw(`CREATE TRIGGER ${table}_data_version AFTER INSERT OR UPDATE OR DELETE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION bump_school_data_version()`).execute(db);
        }
        return;
      }
      for (const table of tables) {
        for (const event of ['INSERT', 'UPDATE', 'DELETE']) {
          await sql.raw(`CREATE TRIGGER ${table}_data_version_${event.toLowerCase()} AFTER ${event} ON ${table} BEGIN ${bump}; END`).execute(db);
        }
      }
    },
  },
  '20270208_03_school_fronts_version': {
    async up(db: Kysely<any>) {
      // The knowledge centre's policy plan, cyber check and reflection fronts: their own row, so a
      // change to one shows at the next read instead of after a minute (with 'schools', whose count
      // the policy plans' share is of).
      await addVersionTriggers(db, { table: 'school_data_versions', name: 'fronts' }, [
        'policy_plans',
        'cyber_checks',
        'cyber_check_answers',
        'reflection_rounds',
        'reflection_publications',
      ]);
    },
  },
};
