import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { defineConfig } from 'vitest/config';
import base from './vitest.config.ts';

/**
 * The PostgreSQL pass (`scripts/test-postgres.sh npx vitest run --config vitest.postgres.config.ts`):
 * every suite that touches a database, found by what it calls, so a new suite joins without
 * being listed. A suite touches a database when it, or a module it imports by a relative path,
 * calls `startTestApp` or `createTestDatabase` (test/support/). The API and CLI suites are all
 * included as well. Pure unit tests run once, on SQLite; the browser tests have their own config.
 */
const usesDatabase = /\b(startTestApp|createTestDatabase)\b/;
const relativeImport = /from\s+'(\.{1,2}\/[^']+)'/g;
const support = resolve('test/support');

function testFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((file) => join(dir, file).replaceAll('\\', '/'))
    .filter((file) => /\.test\.tsx?$/.test(file) && !file.startsWith('test/e2e/'));
}

/** The text of a relatively imported module (`./x` → x.ts, x.tsx or x/index.ts); empty if none. */
function sourceOf(path: string): string {
  const file = [path, `${path}.ts`, `${path}.tsx`, join(path, 'index.ts')].find((candidate) => existsSync(candidate) && statSync(candidate).isFile());
  return file ? readFileSync(file, 'utf8') : '';
}

/** Calls the helpers itself, or imports a fixture module that does (test/support's own helpers are found by name). */
function touchesDatabase(file: string): boolean {
  const text = readFileSync(file, 'utf8');
  if (usesDatabase.test(text)) return true;
  return [...text.matchAll(relativeImport)].map(([, path]) => resolve(dirname(file), path)).some((path) => !path.startsWith(support) && usesDatabase.test(sourceOf(path)));
}

const databaseSuites = [...testFiles('src'), ...testFiles('test')].filter(touchesDatabase);

export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: ['test/api/**/*.test.ts', 'test/cli/**/*.test.ts', ...databaseSuites],
  },
});
