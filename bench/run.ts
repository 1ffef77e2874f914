import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Presets, SingleBar } from 'cli-progress';
import { checkCatalogueContracts, checkContracts, checkReportContract } from './contract';
import { generateBenchData, type Manifest, manifestPathOf, parseGenerateArgs } from './generate';
import { type Measurement, measure } from './load';
import { machine, printReport, type Results, toResult, writeResults } from './report';
import { ceiling, getMyProfile, getMyRecommendations, getSchoolReport, type Scenario, searchTrainings, submitScan } from './scenarios';
import { type BenchServer, startServer, stopServer, writeServerHeapSnapshot } from './server-process';
import { ServerWatch } from './server-watch';

/**
 * npm run bench: generate Flanders-scale data, start the real server in a child process, load
 * each scenario with autocannon on loopback, and report req/s, latency, the ratio to the constant
 * ceiling route, server CPU per request and the server's peak memory; write bench/results/latest.json.
 * `searchTrainings (uncached)` runs last, on a second server whose search cache is off.
 *
 *   --duration 10 --warmup 2 --connections 20       the measurement
 *   --teachers 10000 --submit-scans 20000 --schools 40 --trainings 20000   the data (see generate.ts)
 *   --report-teachers 170000                        teachers with a scan each, for getSchoolReport (0: skip it)
 *   --cpu-prof                                      also write the server's CPU profile to bench/data/
 *   --heap-snapshot                                 also write each server's V8 heap snapshot at the end of its
 *                                                   run to bench/data/ (open in Chrome DevTools → Memory)
 *   --only getSchoolReport,getMyProfile             measure only these scenarios (and the ceiling); the
 *                                                   uncached search runs only when named
 *   --reuse                                         skip generating: measure the database and manifest of
 *                                                   the last run again (submitScan is left out then: its
 *                                                   scans were submitted by that run)
 *
 * Quick iterations on the team report:
 *   npm run bench -- --only getSchoolReport --teachers 0 --submit-scans 0 --trainings 0 --report-teachers 20000
 */

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const { values } = parseArgs({
  options: {
    duration: { type: 'string' },
    warmup: { type: 'string' },
    connections: { type: 'string' },
    'cpu-prof': { type: 'boolean' },
    'heap-snapshot': { type: 'boolean' },
    only: { type: 'string' },
    reuse: { type: 'boolean' },
  },
  strict: false,
});
const seconds = Number(values.duration ?? 10);
const warmupSeconds = Number(values.warmup ?? 2);
const connections = Number(values.connections ?? 20);
// Enough answered scans for submitScan's warm-up and measurement at well over today's rate;
// should the server outrun them, the run ends early and req/s is taken over the time it ran.
const generateOptions = parseGenerateArgs(process.argv.slice(2), { out: here('./data/bench.db'), submitScans: 20_000 });
const CONTRACT_SAMPLE = 5;
const only = typeof values.only === 'string' ? new Set(values.only.split(',').map((name) => name.trim())) : null;
const reuse = values.reuse === true;
/** Whether a scenario is measured in this run: every one by default, or those named by --only. */
const wanted = (name: string) => (only === null || only.has(name)) && !(reuse && name === 'submitScan');

const manifest = reuse ? reusedManifest(generateOptions.out) : await generate();

const loadAverage = machine().load_average_1m;
const cpuProfileDir = values['cpu-prof'] ? here('./data/profiles') : undefined;
/** With --heap-snapshot: the server's heap as its last scenario left it, in bench/data/. */
const heapSnapshot = async (server: BenchServer, label: string) => {
  if (!values['heap-snapshot']) return;
  const file = await writeServerHeapSnapshot(server, here(`./data/${label}-${new Date().toISOString().replace(/[:.]/g, '-')}.heapsnapshot`));
  console.log(`heap snapshot written to ${file}`);
};
// The realistic server keeps search results for the default 30 s, whatever this shell's environment says.
const server = await startServer(manifest.database, { cpuProfileDir, env: { SEARCH_CACHE_SECONDS: '30' } });
const watch = new ServerWatch(server.pid);
let results: Results;
// The better ceiling run: every ratio, the uncached search's on the second server too, is to it.
let best: Measurement;
try {
  const submittable = manifest.submitScans.slice(CONTRACT_SAMPLE);
  await checkContracts(server.url, manifest.profileUsers.slice(0, CONTRACT_SAMPLE), reuse ? [] : manifest.submitScans.slice(0, CONTRACT_SAMPLE));
  await checkCatalogueContracts(
    server.url,
    wanted('searchTrainings') ? sample(manifest.searchQueries, CONTRACT_SAMPLE) : [],
    wanted('getMyRecommendations') ? sample(manifest.profileUsers, CONTRACT_SAMPLE) : [],
  );
  if (manifest.report && wanted('getSchoolReport')) await checkReportContract(server.url, manifest.report);
  // The ceiling is measured first and last: other work on a shared machine can pull one run
  // down, and a low ceiling would flatter every ratio, so the better of the two counts.
  const top = ceiling();
  const scenarios = [
    ...(wanted('getMyProfile') ? [getMyProfile(manifest.profileUsers)] : []),
    ...(wanted('submitScan') ? [submitScan(submittable)] : []),
    ...(wanted('searchTrainings') ? [searchTrainings(manifest.searchQueries)] : []),
    ...(wanted('getMyRecommendations') ? [getMyRecommendations(manifest.profileUsers)] : []),
    ...(manifest.report && wanted('getSchoolReport') ? [getSchoolReport(manifest.report)] : []),
  ];
  const runs = await runScenarios(server, watch, [top, ...scenarios, top]);
  const ceilingRuns = runs.filter((run) => run.scenario === top).map((run) => run.measurement);
  best = ceilingRuns.reduce((a, b) => (b.rps > a.rps ? b : a));
  results = {
    measured_at: new Date().toISOString(),
    machine: { ...machine(), load_average_1m: loadAverage },
    ceiling_rps: Math.round(best.rps),
    ceiling_runs_rps: ceilingRuns.map((m) => Math.round(m.rps)),
    peak_rss_mb: watch.peakRssMb(),
    scenarios: [toResult(top.name, top.operationId, best, best), ...scenarios.map((s) => toResult(s.name, s.operationId, runs.find((run) => run.scenario === s)!.measurement, best))],
  };
  await heapSnapshot(server, 'server');
} finally {
  watch.stop();
  await stopServer(server);
}

// Every search a miss: the same queries against a second server started with its search cache
// off, so each request runs the SQL and builds the JSON. Compared to the same ceiling as the rest.
if (wanted('searchTrainings (uncached)')) await measureUncachedSearch(results, best);

printReport(results);
const file = here('./results/latest.json');
writeResults(file, results);
console.log(`\nwritten to ${file}`);

/** searchTrainings once more, on a second server whose search cache is off. */
async function measureUncachedSearch(results: Results, best: Measurement) {
  const uncachedServer = await startServer(manifest.database, { cpuProfileDir, env: { SEARCH_CACHE_SECONDS: '0' } });
  const uncachedWatch = new ServerWatch(uncachedServer.pid);
  try {
    await checkCatalogueContracts(uncachedServer.url, sample(manifest.searchQueries, CONTRACT_SAMPLE), []);
    const uncached = searchTrainings(manifest.searchQueries, 'searchTrainings (uncached)');
    const [run] = await runScenarios(uncachedServer, uncachedWatch, [uncached]);
    results.scenarios.push(toResult(uncached.name, uncached.operationId, run.measurement, best));
    results.peak_rss_mb_uncached_search = uncachedWatch.peakRssMb();
    await heapSnapshot(uncachedServer, 'server-uncached-search');
  } finally {
    uncachedWatch.stop();
    await stopServer(uncachedServer);
  }
}

async function generate(): Promise<Manifest> {
  console.log(
    `Generating ${generateOptions.teachers} teachers, ${generateOptions.submitScans} answered scans to submit, ${generateOptions.trainings} trainings ` +
      `and ${generateOptions.reportTeachers} report teachers…`,
  );
  const started = Date.now();
  const { manifest } = await generateBenchData(generateOptions);
  console.log(
    `  done in ${((Date.now() - started) / 1000).toFixed(1)} s` +
      (manifest.report ? `, of which ${manifest.report.seconds.toFixed(1)} s for ${manifest.report.teachers} report teachers over ${manifest.report.schools} schools` : ''),
  );
  return manifest;
}

/** The manifest of an earlier run's database, for --reuse. */
function reusedManifest(databaseFile: string): Manifest {
  const path = manifestPathOf(databaseFile);
  if (!existsSync(path)) throw new Error(`--reuse: no ${path}; run once without --reuse first`);
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as Manifest;
  console.log(`Reusing ${manifest.database} (generated ${manifest.generatedAt}); submitScan is not measured`);
  return manifest;
}

/** `count` items spread over the list, first and last included: not only the first few. */
function sample<T>(list: readonly T[], count: number): T[] {
  if (list.length <= count) return [...list];
  return Array.from({ length: count }, (_, i) => list[Math.round((i * (list.length - 1)) / (count - 1))]);
}

/** One scenario after another, each warmed up first; the warm-up's figures are dropped. */
async function runScenarios(server: BenchServer, watch: ServerWatch, scenarios: Scenario[]) {
  const runs: Array<{ scenario: Scenario; measurement: Measurement }> = [];
  const perScenario = warmupSeconds + seconds;
  const bar = new SingleBar({ format: 'measuring {bar} {value}/{total} s | {scenario}' }, Presets.shades_classic);
  bar.start(scenarios.length * perScenario, 0, { scenario: '' });
  for (const [i, scenario] of scenarios.entries()) {
    let elapsed = 0;
    const tick = setInterval(() => bar.update(i * perScenario + Math.min(perScenario, ++elapsed), { scenario: scenario.name }), 1000);
    // The warm-up lets V8 optimise the route and SQLite fill its page cache.
    if (warmupSeconds > 0) await measure(server.url, scenario, { connections, seconds: warmupSeconds });
    const cpuBefore = watch.cpuMs();
    const measurement = await measure(server.url, scenario, { connections, seconds });
    measurement.server_cpu_us_per_request = ((watch.cpuMs() - cpuBefore) * 1000) / Math.max(1, measurement.requests);
    runs.push({ scenario, measurement });
    clearInterval(tick);
    bar.update((i + 1) * perScenario, { scenario: scenario.name });
  }
  bar.stop();
  return runs;
}
