import type { Compilable, CompiledQuery, Kysely } from 'kysely';
import { pgRunner, sqliteRunner } from './database';

/**
 * Kysely builds and compiles a query on every call, which costs as much as running a short
 * indexed read. For the hottest queries, `precompiled` builds the query once with marker values
 * and afterwards only swaps each call's values into the compiled parameters. Every argument must
 * appear as exactly one bound value (checked here, once); the SQL text never changes. Arguments
 * may be of any type the driver binds (strings, numbers, null); the query is
 * built with a string marker in each argument's place. On SQLite a read outside a transaction,
 * and any query inside one (`query.on(trx)`), runs straight on better-sqlite3 (see `sqliteRunner`).
 * On PostgreSQL a query outside a transaction runs as a named prepared statement straight on the
 * pool (see `pgRunner`); inside one it goes through Kysely on the transaction's connection, still
 * as that named prepared statement (see `namePreparedStatements`); `binary` reads its rows in
 * PostgreSQL's binary format there (see `pgRunner`).
 */
export function precompiled<Row, Args extends unknown[]>(
  db: Kysely<any>,
  build: (...args: Args) => Compilable<Row>,
  arity: Args['length'],
  options: { binary?: boolean } = {},
): Precompiled<Row, Args> {
  const markers = Array.from({ length: arity }, (_, i) => `\u0000precompiled-argument-${i}\u0000`) as Args;
  const compiled: CompiledQuery<Row> = build(...markers).compile();
  const slots = compiled.parameters.map((value) => markers.indexOf(value));
  markers.forEach((_, i) => {
    if (slots.filter((slot) => slot === i).length !== 1) {
      throw new Error(`precompiled: argument ${i} must be bound exactly once in: ${compiled.sql}`);
    }
  });
  const on = (executor: Kysely<any>) => {
    const direct = sqliteRunner(executor, compiled.sql);
    const prepared = direct ? null : pgRunner(executor, compiled.sql, options.binary);
    return async (...args: Args): Promise<Row[]> => {
      const parameters = compiled.parameters.map((value, i) => (slots[i] >= 0 ? args[slots[i]] : value));
      if (prepared) return (await prepared(parameters)) as Row[];
      const rows = direct?.(parameters);
      if (rows) return rows as Row[];
      const result = await executor.executeQuery<Row>({ ...compiled, parameters });
      return result.rows;
    };
  };
  return Object.assign(on(db), { on });
}

/** A compiled query: call it to run it on its database, or `query.on(trx)(…)` to run it inside a transaction. */
export type Precompiled<Row, Args extends unknown[]> = ((...args: Args) => Promise<Row[]>) & {
  on(executor: Kysely<any>): (...args: Args) => Promise<Row[]>;
};
