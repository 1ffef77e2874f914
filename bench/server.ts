import { writeHeapSnapshot } from 'node:v8';
import { buildApp } from '../src/server/app';
import { configFromEnv } from '../src/server/config';

/**
 * The real server, in a process of its own so its memory is measured alone. Started by run.ts
 * with BENCH_DATABASE_URL; listens on a free loopback port and tells the parent which one.
 * The constant /bench/ceiling route exists only in this build: the most a route can do here.
 */
const databaseUrl = process.env.BENCH_DATABASE_URL;
if (!databaseUrl) throw new Error('BENCH_DATABASE_URL is not set; start this through `npm run bench`');

const app = await buildApp(
  { ...configFromEnv(), databaseUrl, demo: false, logLevel: process.env.LOG_LEVEL || 'warn' },
  {
    extend: (instance) => instance.get('/bench/ceiling', { schema: { operationId: 'ceiling', hide: true } }, async () => ({ ok: true })),
  },
);
await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
const port = typeof address === 'object' && address ? address.port : 0;
process.send?.({ port });

// `npm run bench -- --heap-snapshot`: the parent asks for a heap snapshot at the end of the run.
process.on('message', (message: { heapSnapshot?: string }) => {
  if (message?.heapSnapshot) process.send?.({ heapSnapshotWritten: writeHeapSnapshot(message.heapSnapshot) });
});

// autocannon ends a run by closing its sockets, not by waiting for answers: requests already read
// may still wait on PostgreSQL, so they get a moment to finish before the database is closed.
const GRACE_MS = 1_000;
const stop = () => new Promise((resolve) => setTimeout(resolve, GRACE_MS)).then(() => app.close()).then(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
// The parent went away without saying so: do not linger as an orphan.
process.once('disconnect', stop);
