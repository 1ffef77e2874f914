import { type Kysely, PostgresAdapter } from 'kysely';

/** For migrations, which get a bare Kysely: does this database speak PostgreSQL (else SQLite)? */
export const isPostgres = (db: Kysely<any>) => db.getExecutor().adapter instanceof PostgresAdapter;
