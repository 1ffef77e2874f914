import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

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
