import { type Kysely, sql } from 'kysely';
import { isPostgres } from './dialect';

/**
 * Triggers that bump one named row of a module's version table (`name` text key, `version`
 * integer) on every change to the given tables, whoever makes it: once per statement on
 * PostgreSQL, per row on SQLite (which has no statement triggers). A process keeping figures made
 * of those tables rechecks the row, one indexed read, and sees a change made by any process.
 */
export async function addVersionTriggers(db: Kysely<any>, target: { table: string; name: string }, tables: readonly string[]): Promise<void> {
  const bump = `INSERT INTO ${target.table} (name, version) VALUES ('${target.name}', 1) ON CONFLICT (name) DO UPDATE SET version = ${target.table}.version + 1`;
  if (isPostgres(db)) {
    const bumper = `bump_${target.table}_${target.name}`;
    await sql.raw(`CREATE FUNCTION ${bumper}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN ${bump}; RETURN NULL; END $$`).execute(db);
    for (const table of tables) {
      await sql.raw(`CREATE TRIGGER ${table}_${target.name}_version AFTER INSERT OR UPDATE OR DELETE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION ${bumper}()`).execute(db);
    }
    return;
  }
  for (const table of tables) {
    for (const event of ['INSERT', 'UPDATE', 'DELETE']) {
      await sql.raw(`CREATE TRIGGER ${table}_${target.name}_version_${event.toLowerCase()} AFTER ${event} ON ${table} BEGIN ${bump}; END`).execute(db);
    }
  }
}
