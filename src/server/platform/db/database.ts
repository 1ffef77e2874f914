import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, type SqliteDatabase, SqliteDialect } from 'kysely';
import type pg from 'pg';
import type { PlatformTables } from './schema';

export type Dialect = 'sqlite' | 'postgres';

/**
 * The open database. The platform types only its own tables; the app opens it typed with the
 * tables of every module it lists, and each module's repositories see the platform's and its own.
 */
export interface Db<Tables extends object = PlatformTables> {
  kysely: Kysely<Tables>;
  dialect: Dialect;
  close(): Promise<void>;
  /**
   * PostgreSQL only: LISTEN on a channel over a connection of its own (see `Listener`). The
   * process hears what any process on the database NOTIFYs there; ended by `close()`.
   */
  listen?(channel: string, events: ListenerEvents): Listener;
}

/** What a listening connection tells: each notification's payload, and whether it is listening now. */
export interface ListenerEvents {
  message(payload: string): void;
  /** True once LISTEN took effect (again); false when the connection is lost, until it listens again. */
  listening(on: boolean): void;
}

export interface Listener {
  close(): Promise<void>;
}

/**
 * node-postgres, loaded when a PostgreSQL database is opened: a server on SQLite never needs it,
 * and loading it costs every such process about 4 MB of memory.
 */
function nodePostgres(): typeof pg {
  const loaded = createRequire(import.meta.url)('pg') as typeof pg;
  // count(*) and bigint sums come back as int8 strings from node-postgres; ours fit in a double.
  loaded.types.setTypeParser(20, (value) => Number(value));
  loaded.types.setTypeParser(1700, (value) => Number(value));
  // bytea read in binary (`precompiled`'s `binary`): the Buffer as received (typed as a string here), not hex text to decode.
  loaded.types.setTypeParser(17, 'binary', (value) => value);
  return loaded;
}

/** Connections per server process to PostgreSQL unless PG_POOL_SIZE says otherwise. */
export const DEFAULT_PG_POOL_SIZE = 10;

/**
 * SQLite's page cache per connection, in KiB. better-sqlite3 builds SQLite with 16 MB, and on a
 * large database it fills up and stays in the server's memory; the operating system caches the
 * file's pages as well, so a page SQLite no longer holds costs a read from memory, not the disk.
 */
const SQLITE_PAGE_CACHE_KIB = 4096;

export function dialectOf(databaseUrl: string): Dialect {
  if (databaseUrl.startsWith('postgres://') || databaseUrl.startsWith('postgresql://')) return 'postgres';
  if (databaseUrl.startsWith('sqlite:')) return 'sqlite';
  throw new Error(`DATABASE_URL must start with sqlite: or postgres:// (got "${databaseUrl}")`);
}

export function openDatabase<Tables extends object = PlatformTables>(databaseUrl: string): Db<Tables> {
  const dialect = dialectOf(databaseUrl);
  if (dialect === 'postgres') {
    const pool = new (nodePostgres().Pool)({ connectionString: databaseUrl, max: Number(process.env.PG_POOL_SIZE || DEFAULT_PG_POOL_SIZE) });
    let closing = false;
    // An idle connection the server ends (restart, failover; in tests DROP DATABASE … WITH (FORCE)
    // right after close, since pool.end() resolves before its sockets are closed) would otherwise be
    // an uncaught 'error' that stops the process. The pool drops it and connects anew when needed.
    pool.on('error', (error) => {
      if (!closing) console.warn(`PostgreSQL: an idle connection was lost (${error.message})`);
    });
    const kysely = new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) });
    pgPools.set(kysely.getExecutor(), pool);
    namePreparedStatements(pool);
    const listeners = new Set<Listener>();
    return {
      kysely,
      dialect,
      close: async () => {
        closing = true;
        await Promise.all([...listeners].map((listener) => listener.close()));
        return kysely.destroy();
      },
      listen(channel, events) {
        const listener = listenOn(databaseUrl, channel, events);
        listeners.add(listener);
        return listener;
      },
    };
  }
  const file = databaseUrl.slice('sqlite:'.length) || ':memory:';
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // A checkpoint every 4,000 WAL pages (16 MB) rather than 1,000: a page written by many commits
  // in between (the tables' last pages, their indexes' inner pages, the header) is copied back
  // once. A submitted scan writes 16 pages; its commit costs 135 µs of CPU instead of 163, and
  // the longest commit, the one that checkpoints, stays as long as at 1,000 (at 10,000: 126 µs,
  // but commits that checkpoint took up to twice as long).
  sqlite.pragma('wal_autocheckpoint = 4000');
  sqlite.pragma(`cache_size = -${SQLITE_PAGE_CACHE_KIB}`);
  const kysely = new Kysely<Tables>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  sqliteHandles.set(kysely.getExecutor().adapter, sqlite);
  return { kysely, dialect, close: () => kysely.destroy() };
}

/**
 * SQLite: a number that changes whenever another connection (another process: the CLI) has
 * committed to the database file since the last call (`PRAGMA data_version`), for a cache that
 * must drop what others changed. Null on PostgreSQL. The pragma opens a read transaction (file
 * locks: a few microseconds), so its answer is read once per request (`newReadTurn`) and turn of
 * the event loop, and shared by every cache of the connection: a request's session, roles and
 * versions check it once. Another process's commit is seen by the next request.
 */
export function sqliteOtherWrites(kysely: Kysely<any>): (() => number) | null {
  const sqlite = sqliteHandles.get(kysely.getExecutor().adapter);
  if (!sqlite) return null;
  let reader = dataVersionReaders.get(sqlite);
  if (!reader) dataVersionReaders.set(sqlite, (reader = dataVersionOncePerTurn(sqlite)));
  return reader;
}

/** Starts a new turn for `sqliteOtherWrites`: called as each request comes in. */
export function newReadTurn(): void {
  readTurn += 1;
}

let readTurn = 0;
const dataVersionReaders = new WeakMap<SQLite.Database, () => number>();

function dataVersionOncePerTurn(sqlite: SQLite.Database): () => number {
  const statement = sqlite.prepare('PRAGMA data_version').pluck();
  let value = 0;
  let readIn = -1;
  return () => {
    if (readIn !== readTurn) {
      value = statement.get() as number;
      readIn = readTurn;
      setImmediate(newReadTurn);
    }
    return value;
  };
}

/**
 * SQLite: a stamp that changes with every committed write to the database file, by this
 * connection (`total_changes()`, which takes no lock) or by another (`sqliteOtherWrites`), for a
 * cache of reads that stays valid while nothing was written at all. Null on PostgreSQL.
 */
export function sqliteWriteStamp(kysely: Kysely<any>): (() => string) | null {
  const sqlite = sqliteHandles.get(kysely.getExecutor().adapter);
  const otherWrites = sqliteOtherWrites(kysely);
  if (!sqlite || !otherWrites) return null;
  const ownWrites = sqlite.prepare('SELECT total_changes()').pluck();
  return () => `${otherWrites()}:${ownWrites.get() as number}`;
}

/** The better-sqlite3 handle behind a Kysely instance (and those made from it: `withTables`, transactions), by their shared adapter. */
const sqliteHandles = new WeakMap<object, SQLite.Database>();

/**
 * A query of fixed SQL straight on better-sqlite3, without Kysely's connection hand-off (a few
 * microseconds a query): for `precompiled` queries on hot paths. Null when the database is not
 * SQLite or the Kysely instance has plugins (they may transform results). Inside a Kysely
 * transaction every statement, reads and writes, runs straight on the connection: SQLite has one,
 * and the transaction holds it until it ends. Outside one, the runner answers undefined, and the
 * caller goes through Kysely, when the statement writes or a transaction is open on the
 * connection: Kysely then runs the query inside that transaction or after it, as always, so a
 * direct read never sees uncommitted rows.
 */
export function sqliteRunner(kysely: Kysely<any>, sql: string): ((parameters: readonly unknown[]) => unknown[] | undefined) | null {
  const executor = kysely.getExecutor();
  const sqlite = executor.plugins.length === 0 ? sqliteHandles.get(executor.adapter) : undefined;
  if (!sqlite) return null;
  const statement = () => preparedStatement(sqlite, sql);
  if (kysely.isTransaction) {
    return (parameters) => {
      const prepared = statement();
      if (prepared.reader) return prepared.all(parameters as unknown[]);
      prepared.run(parameters as unknown[]);
      return [];
    };
  }
  return (parameters) => {
    if (sqlite.inTransaction) return undefined;
    const prepared = statement();
    return prepared.reader ? prepared.all(parameters as unknown[]) : undefined;
  };
}

/** The statements `sqliteRunner` runs, prepared once per database: a fixed set, the `precompiled` queries. */
const sqliteStatements = new WeakMap<SQLite.Database, Map<string, SQLite.Statement>>();

function preparedStatement(sqlite: SQLite.Database, sql: string): SQLite.Statement {
  let statements = sqliteStatements.get(sqlite);
  if (!statements) sqliteStatements.set(sqlite, (statements = new Map()));
  let statement = statements.get(sql);
  if (!statement) statements.set(sql, (statement = sqlite.prepare(sql)));
  return statement;
}

/**
 * The pool behind a PostgreSQL Kysely instance, by its executor: the instance `openDatabase`
 * made and those made from it by `withTables`, which share the executor. A transaction, a
 * `connection()` or an instance with plugins has an executor of its own, so is not found here.
 */
const pgPools = new WeakMap<object, pg.Pool>();

/**
 * A query of fixed SQL straight on the PostgreSQL pool as a named prepared statement: each
 * connection parses and plans it once, later calls only bind and execute (PostgreSQL spends
 * more on parsing and planning a short indexed read than on running it), and the call skips
 * Kysely's connection hand-off. For `precompiled` queries on hot paths. Null when the database
 * is not PostgreSQL, or the Kysely instance is a transaction (or a single connection: the query
 * must run on that connection, through Kysely) or has plugins (they may transform results).
 * Rows come back through node-postgres's type parsers, as through Kysely (int8 → number).
 * `binary` asks for every column in PostgreSQL's binary format: a large bytea then travels as
 * its bytes rather than as twice as many characters of hex. node-postgres reads each binary field
 * as UTF-8 text before parsing it, so only text and bytea holding UTF-8 (JSON) come back intact.
 */
export function pgRunner(kysely: Kysely<any>, sql: string, binary = false): ((parameters: readonly unknown[]) => Promise<unknown[]>) | null {
  const pool = pgPools.get(kysely.getExecutor());
  if (!pool) return null;
  // The name is the text's hash: one name never stands for two texts on a connection.
  const name = `precompiled_${createHash('sha256').update(sql).digest('hex').slice(0, 24)}`;
  pgStatementNames.get(pool)?.set(sql, name);
  // node-postgres reads `binary` from a query's config; its types leave it out.
  return async (parameters) => (await pool.query({ name, text: sql, values: parameters as unknown[], binary } as pg.QueryConfig)).rows;
}

/** Per pool, the names of the `precompiled` queries' texts, for `namePreparedStatements`. */
const pgStatementNames = new WeakMap<pg.Pool, Map<string, string>>();

/**
 * Makes each new connection of the pool run the `precompiled` queries as their named prepared
 * statements when Kysely sends their text, as it does inside a transaction (`query.on(trx)`), where
 * the query must run on the transaction's connection: parsed and planned once per connection there
 * too. Any other text runs as before.
 */
function namePreparedStatements(pool: pg.Pool): void {
  const names = new Map<string, string>();
  pgStatementNames.set(pool, names);
  pool.on('connect', (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    client.query = ((config: unknown, ...rest: unknown[]) => {
      const name = typeof config === 'string' ? names.get(config) : undefined;
      return name ? query({ name, text: config, values: rest[0] }, ...rest.slice(1)) : query(config, ...rest);
    }) as typeof client.query;
  });
}

/** How long a lost listening connection waits before it connects again. */
const RELISTEN_MS = 1000;

/**
 * LISTEN on `channel` over a client of its own (a pooled connection would be handed to other
 * queries). A lost connection reports `listening(false)` at once and connects again after
 * RELISTEN_MS; `listening(true)` follows each LISTEN that took effect.
 */
function listenOn(databaseUrl: string, channel: string, events: ListenerEvents): Listener {
  let closed = false;
  let client: pg.Client | null = null;
  let retry: NodeJS.Timeout | null = null;
  const connect = () => {
    retry = null;
    if (closed) return;
    const current = new (nodePostgres().Client)({ connectionString: databaseUrl });
    client = current;
    let lost = false;
    const lose = () => {
      if (lost) return;
      lost = true;
      events.listening(false);
      current.end().catch(() => {});
      if (!closed) retry = setTimeout(connect, RELISTEN_MS);
    };
    current.on('notification', (message) => {
      if (message.channel === channel) events.message(message.payload ?? '');
    });
    current.on('error', lose);
    current.on('end', lose);
    current
      .connect()
      .then(() => current.query(`LISTEN "${channel.replaceAll('"', '""')}"`))
      .then(() => {
        if (!lost && !closed) events.listening(true);
      })
      .catch(lose);
  };
  connect();
  return {
    async close() {
      closed = true;
      if (retry) clearTimeout(retry);
      events.listening(false);
      await client?.end().catch(() => {});
    },
  };
}

/**
 * Kysely asks the driver to prepare every query anew, and preparing costs about as much as
 * running a short indexed read. Statements are kept by their SQL text and reused: Kysely runs
 * one query at a time on the single connection, so a statement is never in use twice at once.
 * Bounded, oldest first out, for queries whose text varies (e.g. `in (?, ?, …)` lists).
 */
function withStatementCache(sqlite: SQLite.Database, max = 500): SqliteDatabase {
  const statements = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql) {
      let statement = statements.get(sql);
      if (!statement) {
        statement = sqlite.prepare(sql);
        if (statements.size >= max) statements.delete(statements.keys().next().value!);
        statements.set(sql, statement);
      }
      return statement;
    },
  };
}
