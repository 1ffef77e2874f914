import type { Migration } from 'kysely';

/** The centre module's migrations: each part spreads its own here, named `<yyyymmdd>_<nn>_centre_<what>`. */
export const centreMigrations: Record<string, Migration> = {};
