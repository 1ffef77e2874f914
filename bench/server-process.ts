import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildServer } from '../scripts/build-server';
import { mapProfilesToSources } from './profile-sources';

export interface BenchServer {
  child: ChildProcess;
  pid: number;
  url: string;
  /** With --cpu-prof: where the server writes its profile when it stops, and the bundle it ran. */
  profile?: { dir: string; bundle: string };
}

/**
 * Starts bench/server.ts as the server ships: bundled like dist/server/main.js (scripts/build-server.ts)
 * and run by plain node with the environment and node flags of `npm run serve`, so the child's pid
 * is the server itself and /proc measures it alone.
 */
export async function startServer(databaseUrl: string, options: { cpuProfileDir?: string; env?: Record<string, string> } = {}): Promise<BenchServer> {
  const flags = options.cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfileDir}`] : [];
  const bundle = await buildServer('bench/server.ts', 'dist/bench/server.js');
  const shipped = shippedCommand();
  const child = spawn(process.execPath, [...shipped.flags, ...flags, bundle], {
    // The project root: where the bundle's packages resolve, and what the config's default paths assume.
    cwd: fileURLToPath(new URL('..', import.meta.url)),
    env: { ...process.env, ...shipped.env, ...options.env, BENCH_DATABASE_URL: databaseUrl },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const listening = new Promise<{ port: number }>((resolve, reject) => {
    child.once('message', (message) => resolve(message as { port: number }));
    child.once('exit', (code) => reject(new Error(`the bench server exited with code ${code} before listening`)));
  });
  const { port } = await withTimeout(listening, 60_000, 'the bench server did not start within 60 s');
  const url = `http://127.0.0.1:${port}`;
  await waitForHealth(url);
  return { child, pid: child.pid!, url, profile: options.cpuProfileDir ? { dir: options.cpuProfileDir, bundle } : undefined };
}

/** Asks the server to write a V8 heap snapshot to `file` (its memory as the run left it); resolves once written. */
export async function writeServerHeapSnapshot(server: BenchServer, file: string): Promise<string> {
  const written = new Promise<string>((resolve) => {
    const onMessage = (message: { heapSnapshotWritten?: string }) => {
      if (!message?.heapSnapshotWritten) return;
      server.child.off('message', onMessage);
      resolve(message.heapSnapshotWritten);
    };
    server.child.on('message', onMessage);
  });
  server.child.send({ heapSnapshot: file });
  return withTimeout(written, 120_000, 'the bench server did not write its heap snapshot within 120 s');
}

/**
 * What `npm run serve` (and so `npm start`) gives the server: the environment set before `node`
 * (malloc's arenas) and node's flags (its heap sizes).
 */
function shippedCommand(): { env: Record<string, string>; flags: string[] } {
  const { scripts } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { scripts: Record<string, string> };
  const words = scripts.serve.split(/\s+/);
  const assignments = words.slice(0, words.indexOf('node')).map((word) => word.split('='));
  return { env: Object.fromEntries(assignments), flags: words.filter((word) => word.startsWith('--')) };
}

export async function stopServer(server: BenchServer): Promise<void> {
  if (server.child.exitCode !== null) return;
  server.child.kill('SIGTERM');
  await withTimeout(once(server.child, 'exit'), 10_000, 'the bench server did not stop').catch(() => server.child.kill('SIGKILL'));
  if (server.profile) mapProfilesToSources(server.profile.dir, server.profile.bundle);
}

async function waitForHealth(url: string): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const response = await fetch(`${url}/api/health`).catch(() => undefined);
    if (response?.ok) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url}/api/health did not answer 200`);
}

function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
