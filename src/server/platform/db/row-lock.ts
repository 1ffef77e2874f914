import type { Kysely, SelectQueryBuilder, Transaction } from 'kysely';
import type { Dialect } from './database';

/**
 * Row locks for read-check-write transactions (the last seat of a session, overlapping
 * campaigns, one reflection answer at a time). PostgreSQL takes the row with `SELECT … FOR
 * UPDATE`, so a second transaction on the same row waits until the first commits. SQLite needs
 * no lock: one connection runs one transaction at a time, so the query is the same without
 * `FOR UPDATE`.
 */

/** Adds `FOR UPDATE` on PostgreSQL: `query.$call(forUpdate(dialect))`. */
export function forUpdate(dialect: Dialect) {
  return <Q extends SelectQueryBuilder<any, any, any>>(query: Q): Q => (dialect === 'postgres' ? (query.forUpdate() as Q) : query);
}

/** Holds the row of `table` whose `id` column is `id` until the transaction ends (PostgreSQL). */
export async function lockRow<DB>(trx: Transaction<DB>, dialect: Dialect, table: keyof DB & string, id: string): Promise<void> {
  const db = trx as unknown as Kysely<any>;
  await db
    .selectFrom(table as string)
    .select('id')
    .where('id', '=', id)
    .$call(forUpdate(dialect))
    .execute();
}
