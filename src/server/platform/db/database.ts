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
  return loaded;
}

export function dialectOf(databaseUrl: string): Dialect {
  if (databaseUrl.startsWith('postgres://') || databaseUrl.startsWith('postgresql://')) return 'postgres';
  if (databaseUrl.startsWith('sqlite:')) return 'sqlite';
  throw new Error(`DATABASE_URL must start with sqlite: or postgres:// (got "${databaseUrl}")`);
}

export function openDatabase<Tables extends object = PlatformTables>(databaseUrl: string): Db<Tables> {
  const dialect = dialectOf(databaseUrl);
  if (dialect === 'postgres') {
    const pool = new (nodePostgres().Pool)({ connectionString: databaseUrl, max: Number(process.env.PG_POOL_SIZE || 10) });
    let closing = false;
    // An idle connection the server ends (restart, failover; in tests DROP DATABASE … WITH (FORCE)
    // right after close, since pool.end() resolves before its sockets are closed) would otherwise be
    // an uncaught 'error' that stops the process. The pool drops it and connects anew when needed.
    pool.on('error', (error) => {
      if (!closing) console.warn(`PostgreSQL: an idle connection was lost (${error.message})`);
    });
    const kysely = new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) });
    return {
      kysely,
      dialect,
      close: () => {
        closing = true;
        return kysely.destroy();
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
  const kysely = new Kysely<Tables>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  return { kysely, dialect, close: () => kysely.destroy() };
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
