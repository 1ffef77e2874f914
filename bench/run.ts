import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Presets, SingleBar } from 'cli-progress';
import { generateBenchData, parseGenerateArgs } from './generate';
import { measure } from './load';
import { MemoryWatch } from './memory';
import { type Results, type ScenarioResult, machine, printReport, toResult, writeResults } from './report';
import { type Scenario, ceiling, getMyProfile, submitScan } from './scenarios';

/**
 * npm run bench: generate Flanders-scale data, start the real server in a child process,
 * load each scenario with autocannon on loopback, report req/s, latency, the ratio to the
 * constant ceiling route and the server's peak memory; write bench/results/latest.json.
 *
 * Options: --duration 10 --warmup 2 --connections 20 --teachers 10000 --submit-scans N --schools 40
 */

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const { values } = parseArgs({
  options: { duration: { type: 'string' }, warmup: { type: 'string' }, connections: { type: 'string' } },
  strict: false,
});
const seconds = Number(values.duration ?? 10);
const warmupSeconds = Number(values.warmup ?? 2);
const connections = Number(values.connections ?? 20);
// Enough answered scans that submitScan runs its full warm-up and measurement at the measured rate.
const generateOptions = parseGenerateArgs(process.argv.slice(2), { out: here('./data/bench.db'), submitScans: 40_000 });

console.log(`Generating ${generateOptions.teachers} teachers and ${generateOptions.submitScans} scans to submit…`);
const { manifest } = await generateBenchData(generateOptions);

const server = await startServer(manifest.database);
const memory = new MemoryWatch(server.process.pid!);
try {
  const scenarios = [ceiling(), getMyProfile(manifest), submitScan(manifest)];
  const measured = await runScenarios(server.url, scenarios);
  const ceilingRps = measured.get('ceiling')!.rps;
  const results: Results = {
    measured_at: new Date().toISOString(),
    machine: machine(),
    ceiling_rps: Math.round(ceilingRps),
    peak_rss_mb: memory.stop(),
    scenarios: scenarios.map((s): ScenarioResult => toResult(s.name, s.operationId, measured.get(s.name)!, ceilingRps)),
  };
  printReport(results);
  const file = here('./results/latest.json');
  writeResults(file, results);
  console.log(`\nwritten to ${file}`);
} finally {
  await stopServer(server.process);
}

async function runScenarios(url: string, scenarios: Scenario[]) {
  const total = scenarios.length * (warmupSeconds + seconds);
  const bar = new SingleBar({ format: 'measuring {bar} {value}/{total} s | {scenario}' }, Presets.shades_classic);
  let elapsed = 0;
  bar.start(total, 0, { scenario: '' });
  const measured = new Map<string, Awaited<ReturnType<typeof measure>>>();
  for (const scenario of scenarios) {
    const tick = setInterval(() => bar.update(Math.min(total, ++elapsed), { scenario: scenario.name }), 1000);
    // The warm-up lets V8 optimise and SQLite fill its page cache; its figures are dropped.
    if (warmupSeconds > 0) await measure(url, scenario, { connections, seconds: warmupSeconds });
    measured.set(scenario.name, await measure(url, scenario, { connections, seconds }));
    clearInterval(tick);
    elapsed = scenarios.indexOf(scenario) * (warmupSeconds + seconds) + warmupSeconds + seconds;
    bar.update(elapsed, { scenario: scenario.name });
  }
  bar.stop();
  return measured;
}

/** Runs bench/server.ts under plain node with the tsx loader, so the child's pid is the server itself. */
async function startServer(databaseFile: string): Promise<{ process: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', here('./server.ts')], {
    env: { ...process.env, BENCH_DATABASE_URL: `sqlite:${databaseFile}` },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const started = new Promise<{ port: number }>((resolve, reject) => {
    child.once('message', (message) => resolve(message as { port: number }));
    child.once('exit', (code) => reject(new Error(`the bench server exited with code ${code} before listening`)));
  });
  const { port } = await withTimeout(started, 60_000, 'the bench server did not start within 60 s');
  const url = `http://127.0.0.1:${port}`;
  await waitForHealth(url);
  return { process: child, url };
}

async function waitForHealth(url: string): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const response = await fetch(`${url}/api/health`).catch(() => undefined);
    if (response?.ok) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url}/api/health did not answer 200`);
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  child.kill('SIGTERM');
  await withTimeout(once(child, 'exit'), 10_000, 'the bench server did not stop').catch(() => child.kill('SIGKILL'));
}

function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(message)), ms);
    }),
  ]);
}
