import { type AppTables, createServices, modules, type Services } from '../server/app';
import type { Config } from '../server/config';
import { type Db, openDatabase } from '../server/platform/db/database';
import { migrateToLatest } from '../server/platform/db/migrations';
import { AppError } from '../shared/errors';

/**
 * Opens the database the server would use, migrates it, runs one command against the same
 * services the API uses, and closes. A known error prints its id and field and exits 2.
 */
export async function withServices(config: Config, command: (context: { services: Services; db: Db<AppTables>; migrated: string[] }) => Promise<void>): Promise<void> {
  const db = openDatabase<AppTables>(config.databaseUrl);
  let services: Services | undefined;
  try {
    const migrated = await migrateToLatest(db.kysely, modules);
    services = createServices(config, db, modules);
    await command({ services, db, migrated });
  } catch (error) {
    if (error instanceof AppError) {
      console.error(`error ${error.id}${error.field ? ` (${error.field})` : ''}: ${error.message}`);
      process.exitCode = 2;
    } else {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    }
  } finally {
    // Mails a command sent are delivered (and marked) before the database closes.
    await services?.mail.close();
    await db.close();
  }
}
