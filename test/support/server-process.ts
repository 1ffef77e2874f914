import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';

const main = new URL('../../src/server/main.ts', import.meta.url).pathname;
const root = new URL('../..', import.meta.url).pathname;

/** The real server in a process of its own, from its sources (`tsx src/server/main.ts`; production runs the same code bundled, see scripts/build-server.ts). */
export interface ServerProcess {
  /** `http://127.0.0.1:<port>` */
  url: string;
  child: ChildProcess;
  /** Ends the process with the signal and waits until it has gone. */
  kill(signal: NodeJS.Signals): Promise<void>;
  /** What the process wrote, for a failure's message. */
  output(): string;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * Starts the server on the database `databaseUrl` names, without demo data, and waits until
 * `/api/health` answers. `env` adds settings (rate limits, …).
 */
export async function startServerProcess(databaseUrl: string, env: Record<string, string> = {}): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', main], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), HOST: '127.0.0.1', DEMO: '0', LOG_LEVEL: 'warn', WEB_DIR: '/nonexistent', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server process ended at start: ${output}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the server process did not answer /api/health in 90 s: ${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    child,
    async kill(signal) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
    output: () => output,
  };
}

/** A logged-in caller of a server process: its cookie and CSRF token on every request. */
export interface HttpSession {
  request(method: string, path: string, body?: unknown): Promise<Response>;
  cookie: string;
  csrfToken: string;
}

export async function loginOver(url: string, email: string, password: string, headers: Record<string, string> = {}): Promise<HttpSession> {
  const response = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ email, password }) });
  if (response.status !== 200) throw new Error(`login of ${email} failed: ${response.status} ${await response.text()}`);
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0];
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return sessionOf(url, cookie, csrfToken);
}

/** A session (cookie and CSRF token) used against a server, possibly another than the one it came from. */
export function sessionOf(url: string, cookie: string, csrfToken: string): HttpSession {
  return {
    cookie,
    csrfToken,
    request: (method, path, body) =>
      fetch(`${url}${path}`, {
        method,
        headers: { cookie, 'x-csrf-token': csrfToken, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
  };
}
