import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/**
 * Which database a test run uses: PostgreSQL when TEST_DATABASE_URL names a server (as
 * `scripts/test-postgres.sh` sets it), SQLite otherwise. Every suite that opens a database goes
 * through `createTestDatabase`, so the PostgreSQL pass in `.ci/run` runs it there too.
 */
export type TestDialect = 'sqlite' | 'postgres';

/** Both dialects, for tests that need no live database (e.g. compiled SQL). */
export const DIALECTS: readonly TestDialect[] = ['sqlite', 'postgres'];

/** The dialect of this run's live databases. */
export const TEST_DIALECT: TestDialect = process.env.TEST_DATABASE_URL ? 'postgres' : 'sqlite';

export interface TestDatabase {
  /** A DATABASE_URL for it: `sqlite:<file>`, `sqlite::memory:`, or `postgres://…/<name>`. */
  url: string;
  dialect: TestDialect;
  /** Removes the database (the SQLite file's folder, or DROP DATABASE … WITH (FORCE)). */
  drop(): Promise<void>;
}

/**
 * An empty database of the suite's own. On SQLite, in memory unless `file` is asked for (a
 * second process, e.g. the CLI, must open the same database); on PostgreSQL, a database created
 * on the TEST_DATABASE_URL server now and dropped by `drop()`.
 */
export async function createTestDatabase(options: { file?: boolean } = {}): Promise<TestDatabase> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (adminUrl) {
    const name = `digisprong_test_${randomBytes(6).toString('hex')}`;
    await withAdmin(adminUrl, (client) => client.query(`CREATE DATABASE ${name}`));
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    return {
      url: url.toString(),
      dialect: 'postgres',
      drop: () => withAdmin(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => {}),
    };
  }
  if (!options.file) return { url: 'sqlite::memory:', dialect: 'sqlite', drop: async () => {} };
  const dir = mkdtempSync(join(tmpdir(), 'digisprong-test-'));
  return { url: `sqlite:${join(dir, 'test.db')}`, dialect: 'sqlite', drop: async () => rmSync(dir, { recursive: true, force: true }) };
}

async function withAdmin<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
