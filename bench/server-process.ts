import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

export interface BenchServer {
  child: ChildProcess;
  pid: number;
  url: string;
}

/**
 * Starts bench/server.ts under plain node with the tsx loader (not the tsx CLI, which would put a
 * wrapper process in between), so the child's pid is the server itself and /proc measures it alone.
 */
export async function startServer(databaseUrl: string, options: { cpuProfileDir?: string; env?: Record<string, string> } = {}): Promise<BenchServer> {
  const flags = options.cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfileDir}`] : [];
  const child = spawn(process.execPath, [...flags, '--import', 'tsx', fileURLToPath(new URL('./server.ts', import.meta.url))], {
    // The project root: where `--import tsx` resolves, and what the config's default paths assume.
    cwd: fileURLToPath(new URL('..', import.meta.url)),
    env: { ...process.env, ...options.env, BENCH_DATABASE_URL: databaseUrl },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const listening = new Promise<{ port: number }>((resolve, reject) => {
    child.once('message', (message) => resolve(message as { port: number }));
    child.once('exit', (code) => reject(new Error(`the bench server exited with code ${code} before listening`)));
  });
  const { port } = await withTimeout(listening, 60_000, 'the bench server did not start within 60 s');
  const url = `http://127.0.0.1:${port}`;
  await waitForHealth(url);
  return { child, pid: child.pid!, url };
}

export async function stopServer(server: BenchServer): Promise<void> {
  if (server.child.exitCode !== null) return;
  server.child.kill('SIGTERM');
  await withTimeout(once(server.child, 'exit'), 10_000, 'the bench server did not stop').catch(() => server.child.kill('SIGKILL'));
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
