import { type Kysely, type Migration, sql } from 'kysely';
import { isPostgres } from '../platform/db/dialect';

/** `catalogue_version`'s row that moves with the seats taken: what the centre's needs against the offer are kept by. */
export const SEATS_VERSION_ID = 2;

export const seatsVersionMigrations: Record<string, Migration> = {
  '20270208_01_catalogue_seats_version': {
    async up(db: Kysely<any>) {
      // Enrolments and cancellations change a session's free seats without a catalogue write
      // (which would rebuild every process's search index): a trigger bumps a row of their own,
      // whoever changes the count, so free seats taken show at the next read in any process.
      await db.insertInto('catalogue_version').values({ id: SEATS_VERSION_ID, version: 0 }).execute();
      const bump = `UPDATE catalogue_version SET version = version + 1 WHERE id = ${SEATS_VERSION_ID}`;
      if (isPostgres(db)) {
        await sql.raw(`CREATE FUNCTION bump_catalogue_seats_version() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN ${bump}; RETURN NULL; END $$`).execute(db);
        await sql
          .raw(
            'CREATE TRIGGER training_sessions_seats_version AFTER UPDATE OF enrolled_count ON training_sessions FOR EACH ROW ' +
              'WHEN (NEW.enrolled_count IS DISTINCT FROM OLD.enrolled_count) EXECUTE FUNCTION bump_catalogue_seats_version()',
          )
          .execute(db);
      } else {
        await sql
          .raw(
            `CREATE TRIGGER training_sessions_seats_version AFTER UPDATE OF enrolled_count ON training_sessions WHEN NEW.enrolled_count IS NOT OLD.enrolled_count BEGIN ${bump}; END`,
          )
          .execute(db);
      }
    },
  },
};
