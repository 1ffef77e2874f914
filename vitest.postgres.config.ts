import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';
import base from './vitest.config.ts';

/**
 * The PostgreSQL pass (`scripts/test-postgres.sh npx vitest run --config vitest.postgres.config.ts`):
 * every suite that touches a database, found by what it calls, so a new suite joins without
 * being listed. The API and CLI suites all do; a unit test beside the code does when it opens a
 * database through `startTestApp` or `createTestDatabase`. Pure unit tests run once, on SQLite.
 */
const usesDatabase = /\b(startTestApp|createTestDatabase)\b/;

function testFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.test\.tsx?$/.test(file))
    .map((file) => join(dir, file).replaceAll('\\', '/'));
}

const databaseSuites = testFiles('src').filter((file) => usesDatabase.test(readFileSync(file, 'utf8')));

export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: ['test/api/**/*.test.ts', 'test/cli/**/*.test.ts', ...databaseSuites],
  },
});
