import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { buildApp } from '../../src/server/app';
import { configFromEnv } from '../../src/server/config';
import { createTestDatabase, type TestDatabase } from './dialects';

const run = promisify(execFile);
const bin = new URL('../../bin/digisprong.js', import.meta.url).pathname;

/**
 * A test of the CLI starts a process per command (several seconds each on a busy machine, more
 * on PostgreSQL), so its suite gets this timeout: `describe(name, { timeout: CLI_TEST_TIMEOUT }, …)`.
 */
export const CLI_TEST_TIMEOUT = 120_000;

/** The CLI as an admin runs it: its own process, on the database DATABASE_URL names. */
export async function digisprong(databaseUrl: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], { env: { ...process.env, DATABASE_URL: databaseUrl } });
    return { code: 0, stdout: stdout.trim(), stderr: stderr.trim() };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout.trim(), stderr: failed.stderr.trim() };
  }
}

/** A database the CLI's own process can open: an SQLite file, or PostgreSQL when TEST_DATABASE_URL is set. */
export interface CliDatabase {
  /** For DATABASE_URL and `digisprong(url, …)`. */
  readonly url: string;
  /** The server on the same database, to see what the CLI wrote. */
  openApp(): Promise<FastifyInstance>;
}

/** Creates the suite's CLI database before its tests and drops it after them. */
export function useCliDatabase(): CliDatabase {
  let database: TestDatabase | undefined;
  beforeAll(async () => {
    database = await createTestDatabase({ file: true });
  });
  afterAll(() => database?.drop());
  const current = () => {
    if (!database) throw new Error('the CLI database is made before the first test');
    return database;
  };
  return {
    get url() {
      return current().url;
    },
    openApp: () => buildApp({ ...configFromEnv({}), databaseUrl: current().url, demo: false, webDir: '/nonexistent' }, { logger: false }),
  };
}
