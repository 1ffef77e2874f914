import { defineConfig } from 'vitest/config';

/** Browser tests: a real server on a temporary SQLite file, driven through Debian's Chromium. */
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
