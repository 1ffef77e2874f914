import { type Kysely, type Migration, type MigrationProvider, Migrator } from 'kysely';
import { adminMigrations } from '../admin/admin.migrations';
import { oidcMigrations } from '../auth/oidc.migrations';
import { passwordResetMigrations } from '../auth/password-reset.migrations';
import { mailMigrations } from '../mail/mail.migrations';
import type { AnyServerModule } from '../module';
import { platformMigrations } from '../platform.migrations';
import { rateLimitMigrations } from '../rate-limit/rate-limit.migrations';

/** The platform's own migrations: accounts, sessions, audit log, outbox, identity provider logins, password reset links, rate limits. */
export const ownMigrations: Record<string, Migration> = {
  ...platformMigrations,
  ...mailMigrations,
  ...oidcMigrations,
  ...passwordResetMigrations,
  ...rateLimitMigrations,
  ...adminMigrations,
};

/**
 * The platform's migrations and those of every module listed. Kysely's Migrator runs them in
 * the order of their names (`<yyyymmdd>_<nn>_<module>_<what>`), whichever module brings them,
 * so a module's place in the list does not matter; names never change once released.
 */
export function migrationsOf(modules: readonly AnyServerModule[]): Record<string, Migration> {
  const all: Record<string, Migration> = { ...ownMigrations };
  for (const module of modules) {
    for (const [name, migration] of Object.entries(module.migrations)) {
      if (name in all) throw new Error(`Migration ${name} of module ${module.name} has the name of another migration`);
      all[name] = migration;
    }
  }
  return all;
}

export async function migrateToLatest(db: Kysely<any>, modules: readonly AnyServerModule[]): Promise<string[]> {
  const all = migrationsOf(modules);
  const provider: MigrationProvider = { getMigrations: async () => all };
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
