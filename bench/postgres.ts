import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { type AppTables, modules } from '../src/server/app';
import { migrateToLatest } from '../src/server/platform/db/migrations';

/**
 * A throw-away PostgreSQL on loopback for `npm run bench -- --database postgres`, the recipe of
 * scripts/test-postgres.sh: initdb as the postgres user in a temporary directory, a free port,
 * the socket in that directory; stopped and removed by `stop()`, and by an exit hook should the
 * run end any other way (an error, Ctrl-C).
 *
 * Durability comparable to SQLite's WAL with synchronous=NORMAL, which the server uses: a commit
 * does not wait for its WAL to reach the disk (`synchronous_commit=off`), so a crash can lose the
 * last moments of commits but never corrupts the database. fsync stays on: `fsync=off` would
 * flatter every write beyond what a real deployment could run with.
 */
export interface BenchPostgres {
  url: string;
  version: string;
  /** CPU time (user and system) PostgreSQL has used so far in ms: the postmaster, its live backends and the ended ones. */
  cpuMs(): number;
  /** Stops it cleanly (a checkpoint) and starts it again with the measuring settings, POSTGRES_SETTINGS. */
  restartForMeasuring(): Promise<void>;
  /** With `statements`: pg_stat_statements, emptied by `resetStatements` and read by `statements`. */
  resetStatements(): Promise<void>;
  statements(): Promise<StatementStats>;
  stop(): void;
}

/** Settings beyond the defaults, each `-c name=value` at start-up. */
export const POSTGRES_SETTINGS: Record<string, string> = {
  listen_addresses: '127.0.0.1',
  synchronous_commit: 'off',
  max_connections: '200',
  // The generated data (about 1 GB with indexes) mostly in PostgreSQL's own cache, as SQLite has the page cache.
  shared_buffers: '512MB',
  max_wal_size: '4GB',
};

/**
 * While the generated data is copied in, and only then: no fsync and no WAL for the copied rows,
 * as SQLite's generator writes with synchronous=OFF. A clean restart with POSTGRES_SETTINGS
 * follows before anything is measured.
 */
export const LOADING_SETTINGS: Record<string, string> = {
  ...POSTGRES_SETTINGS,
  fsync: 'off',
  full_page_writes: 'off',
  wal_level: 'minimal',
  max_wal_senders: '0',
  autovacuum: 'off',
  maintenance_work_mem: '256MB',
};

/** The statements PostgreSQL ran since the last reset: how many, and the costliest in all. */
export interface StatementStats {
  calls: number;
  top: Array<{ query: string; calls: number; mean_ms: number; total_ms: number }>;
}

/**
 * `statements`: load pg_stat_statements for the measurement, so the run can report the queries
 * (round trips) per request and the costliest statements of each scenario; it costs PostgreSQL a
 * little CPU of its own, so it is off by default.
 */
export async function startPostgres(options: { statements?: boolean } = {}): Promise<BenchPostgres> {
  const bindir = postgresBinDir();
  const dir = mkdtempSync('/tmp/digisprong-bench-pg.');
  const asPostgres = (command: string) => execFileSync('su', ['postgres', '-s', '/bin/bash', '-c', command], { stdio: ['ignore', 'pipe', 'pipe'] }).toString();
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    try {
      asPostgres(`'${bindir}/pg_ctl' -D '${dir}/data' -m immediate stop`);
    } catch {
      // not started, or already gone
    }
    rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', stop);
  try {
    const pgUid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const pgGid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(dir, pgUid, pgGid);
    const port = await freePort();
    asPostgres(`'${bindir}/initdb' -D '${dir}/data' -A trust -U postgres --no-sync`);
    const start = (settings: Record<string, string>) => {
      const options = [`-p ${port}`, `-k ${dir}`, ...Object.entries(settings).map(([name, value]) => `-c ${name}=${value}`)].join(' ');
      asPostgres(`'${bindir}/pg_ctl' -D '${dir}/data' -l '${dir}/server.log' -w -o "${options}" start`);
      return Number(readFileSync(`${dir}/data/postmaster.pid`, 'utf8').split('\n')[0]);
    };
    let postmaster = start(LOADING_SETTINGS);
    // `postgres (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)`: the version is the first number.
    const version = /\d+(?:\.\d+)*/.exec(execFileSync(`${bindir}/postgres`, ['--version']).toString())?.[0] ?? '?';
    const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
    const query = async <R extends pg.QueryResultRow>(text: string) => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        return (await client.query<R>(text)).rows;
      } finally {
        await client.end();
      }
    };
    const own = `query not like '%pg_stat_statements%'`;
    return {
      url,
      version,
      cpuMs: () => processTreeCpuMs(postmaster),
      restartForMeasuring: async () => {
        asPostgres(`'${bindir}/pg_ctl' -D '${dir}/data' -m fast -w stop`);
        // What fsync=off left in the page cache is not synced: the database is thrown away after the run.
        postmaster = start(options.statements ? { ...POSTGRES_SETTINGS, shared_preload_libraries: 'pg_stat_statements' } : POSTGRES_SETTINGS);
        if (options.statements) await query('create extension if not exists pg_stat_statements');
      },
      resetStatements: async () => {
        if (options.statements) await query('select pg_stat_statements_reset()');
      },
      statements: async () => {
        if (!options.statements) return { calls: Number.NaN, top: [] };
        const [{ calls }] = await query<{ calls: number | null }>(`select sum(calls)::float8 as calls from pg_stat_statements where ${own}`);
        const top = await query<StatementStats['top'][number]>(
          `select left(regexp_replace(query, '\\s+', ' ', 'g'), 160) as query, calls::float8 as calls, round(mean_exec_time::numeric, 3)::float8 as mean_ms,
                  round(total_exec_time::numeric, 1)::float8 as total_ms
             from pg_stat_statements where ${own} order by total_exec_time desc limit 5`,
        );
        return { calls: calls ?? 0, top };
      },
      stop,
    };
  } catch (error) {
    stop();
    throw error;
  }
}

/**
 * A process's CPU time with that of its children (Linux /proc, clock ticks of 10 ms): its own
 * utime and stime, the cutime and cstime of children it has reaped, and the live children's own.
 */
function processTreeCpuMs(pid: number): number {
  const fieldsOf = (id: number | string) => readFileSync(`/proc/${id}/stat`, 'utf8').split(') ')[1].split(' ');
  try {
    const own = fieldsOf(pid);
    // After the command name: ppid is the 2nd field; utime, stime, cutime, cstime the 12th to 15th.
    let ticks = Number(own[11]) + Number(own[12]) + Number(own[13]) + Number(own[14]);
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const fields = fieldsOf(entry);
        if (Number(fields[1]) === pid) ticks += Number(fields[11]) + Number(fields[12]);
      } catch {
        // ended meanwhile
      }
    }
    return ticks * 10;
  } catch {
    return Number.NaN;
  }
}

function postgresBinDir(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((name) => existsSync(`${root}/${name}/bin/pg_ctl`)) : [];
  if (versions.length === 0) throw new Error('PostgreSQL is not installed (apt-get install -y postgresql): --database postgres needs it');
  versions.sort((a, b) => Number(a) - Number(b));
  return `${root}/${versions[versions.length - 1]}/bin`;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Rows per multi-row insert (one `insert … select … from json_populate_recordset(…)` each), or fewer when their text is long. */
const COPY_BATCH = 20_000;
const COPY_BATCH_CHARS = 16_000_000;

export interface CopiedTable {
  table: string;
  rows: number;
}

/**
 * Copies a generated SQLite bench database into an empty PostgreSQL: migrates it with the app's own
 * migrations, then every table of the migrated schema gets the SQLite table's rows in big multi-row
 * inserts (one array per column, unnested). Foreign keys are not checked while copying (`session_replication_role = replica`):
 * the rows come from a database that held them. No table has an identity column or sequence to
 * move on; should one appear, the copy refuses rather than leave it behind. VACUUM ANALYZE at the end.
 */
export async function copySqliteToPostgres(sqliteFile: string, url: string, onTable?: (copied: CopiedTable) => void): Promise<CopiedTable[]> {
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  const kysely = new Kysely<AppTables>({ dialect: new PostgresDialect({ pool }) });
  const sqlite = new SQLite(sqliteFile, { readonly: true });
  try {
    await migrateToLatest(kysely, modules);
    const columns = await pool.query<{ table_name: string; column_name: string; udt_name: string; is_generated: string; is_identity: string; column_default: string | null }>(
      `select c.table_name, c.column_name, c.udt_name, c.is_generated, c.is_identity, c.column_default
         from information_schema.columns c join information_schema.tables t using (table_schema, table_name)
        where c.table_schema = 'public' and t.table_type = 'BASE TABLE' and c.table_name not like 'kysely_migration%'
        order by c.table_name, c.ordinal_position`,
    );
    const tables = new Map<string, typeof columns.rows>();
    for (const row of columns.rows) tables.set(row.table_name, [...(tables.get(row.table_name) ?? []), row]);
    const sqliteTables = new Set(sqlite.prepare(`select name from sqlite_master where type = 'table'`).pluck().all() as string[]);
    const unmatched = [...sqliteTables].filter((name) => !tables.has(name) && !isSqliteOnly(name));
    if (unmatched.length > 0) throw new Error(`SQLite tables without a PostgreSQL counterpart: ${unmatched.join(', ')}`);

    const copied: CopiedTable[] = [];
    const client = await pool.connect();
    try {
      await client.query('set session_replication_role = replica');
      // One transaction that first truncates every table: under wal_level=minimal (LOADING_SETTINGS)
      // the rows of a table truncated in the transaction that fills it are written without WAL.
      await client.query('begin');
      await client.query(`truncate ${[...tables.keys()].map((table) => `"${table}"`).join(', ')}`);
      for (const [table, tableColumns] of tables) {
        const sequenced = tableColumns.filter((c) => c.is_identity === 'YES' || c.column_default?.startsWith('nextval('));
        if (sequenced.length > 0) throw new Error(`${table}.${sequenced[0].column_name} draws from a sequence: the copy would have to move it on`);
        const stored = tableColumns.filter((c) => c.is_generated !== 'ALWAYS');
        if (!sqliteTables.has(table)) throw new Error(`${table} is in the PostgreSQL schema but not in the SQLite database`);
        const present = new Set((sqlite.prepare(`select name from pragma_table_info(?)`).pluck().all(table) as string[]) ?? []);
        const missing = stored.filter((c) => !present.has(c.column_name));
        if (missing.length > 0) throw new Error(`${table}: SQLite lacks ${missing.map((c) => c.column_name).join(', ')}`);
        const names = stored.map((c) => `"${c.column_name}"`).join(', ');
        // One JSON array of row objects per batch: JSON.stringify is native, where array literals are built in JS.
        const insert = `insert into "${table}" (${names}) select ${names} from json_populate_recordset(null::"${table}", $1::json)`;
        // Answers kept to be sent again (bytes, which the JSON batches do not carry) are not data: the servers store them anew.
        const read = sqlite.prepare(`select ${names} from "${table}"${KEPT_ANSWERS.has(table) ? ' where false' : ''}`);
        let rows = 0;
        let batch: unknown[] = [];
        let chars = 0;
        const flush = async () => {
          if (batch.length === 0) return;
          await client.query(insert, [JSON.stringify(batch)]);
          rows += batch.length;
          batch = [];
          chars = 0;
        };
        for (const row of read.iterate() as Iterable<Record<string, unknown>>) {
          batch.push(row);
          for (const value of Object.values(row)) if (typeof value === 'string') chars += value.length;
          if (batch.length === COPY_BATCH || chars > COPY_BATCH_CHARS) await flush();
        }
        await flush();
        copied.push({ table, rows });
        onTable?.({ table, rows });
      }
      await client.query('commit');
      await client.query('set session_replication_role = origin');
      // VACUUM as well as ANALYZE: the visibility map and hint bits are set now, so neither autovacuum
      // nor the first reads of the copied rows write pages while a scenario is measured.
      await client.query('vacuum analyze');
    } finally {
      client.release();
    }
    return copied;
  } finally {
    sqlite.close();
    await kysely.destroy();
  }
}

/** Tables of answers a server keeps to send again (device.service.ts), left empty in the copy. */
const KEPT_ANSWERS = new Set(['infra_device_pages']);

/** SQLite's own tables and the migrations' bookkeeping. */
const isSqliteOnly = (name: string) => name.startsWith('sqlite_') || name.startsWith('kysely_migration');
