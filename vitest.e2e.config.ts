import { defineConfig } from 'vitest/config';

/** Browser tests: a real server on a temporary SQLite file (or PostgreSQL database, see test/e2e/browser.ts), driven through Debian's Chromium. */
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
