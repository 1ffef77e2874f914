import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Presets, SingleBar } from 'cli-progress';
import { DEFAULT_PG_POOL_SIZE } from '../src/server/platform/db/database';
import { type CentreAnalyst, writeCentreAnalyst } from './centre-analyst';
import { checkGapsContract, getNeedsVersusOffer } from './centre-gaps';
import { checkCentreContract, getCentreOverview } from './centre-scenarios';
import { checkCatalogueContracts, checkContracts, checkReportContract } from './contract';
import { checkDeviceContracts, getBoardInfraIndicators, getInfraIndicators, listBoardDevices, listDevices, warmDeviceLists, warmIndicators } from './device-scenarios';
import { generateBenchData, type Manifest, manifestPathOf, parseGenerateArgs } from './generate';
import { BENCH_DATABASES, type BenchDatabase, passed } from './goals';
import { type Measurement, measureAll } from './load';
import { type BenchPostgres, copySqliteToPostgres, POSTGRES_SETTINGS, startPostgres } from './postgres';
import { machine, printReport, type Results, toResult, writeResults } from './report';
import { ceiling, getMyProfile, getMyRecommendations, getSchoolReport, type Scenario, searchTrainings, submitScan } from './scenarios';
import { searchPath } from './search-queries';
import { type BenchServer, startServer, stopServer, writeServerHeapSnapshot } from './server-process';
import { ServerWatch } from './server-watch';
import { stemImportLine } from './stem';
import { checkStemContracts, getStemIndicators, uploadStemYear } from './stem-scenarios';

/**
 * npm run bench: generate Flanders-scale data, start the real server in a child process, load
 * each scenario with autocannon on loopback, and report req/s, latency, the ratio to the constant
 * ceiling route, server CPU per request and the server's peak memory; write bench/results/latest.json.
 * `searchTrainings (uncached)` runs last, on a second server whose search cache is off.
 *
 *   --duration 10 --warmup 2 --connections 20       the measurement
 *   --teachers 10000 --submit-scans 20000 --schools 40 --trainings 20000   the data (see generate.ts)
 *   --report-teachers 170000                        teachers with a scan each, for getSchoolReport (0: skip it)
 *   --devices 1000000 --device-schools 3900         the ICT park, in boards of 25 schools, for listDevices, listBoardDevices,
 *                                                   getInfraIndicators and getBoardInfraIndicators (0: skip them)
 *   --stem-rows 5000000                             STEM counts at school level over 15 school years, for
 *                                                   getStemIndicators (0: skip it)
 *   --cpu-prof                                      also write the server's CPU profile to bench/data/
 *   --heap-snapshot                                 also write each server's V8 heap snapshot at the end of its
 *                                                   run to bench/data/ (open in Chrome DevTools → Memory)
 *   --only getSchoolReport,getMyProfile             measure only these scenarios (and the ceiling); the
 *                                                   uncached search runs only when named
 *   --reuse                                         skip generating: measure the database and manifest of
 *                                                   the last run again (submitScan is left out once a run
 *                                                   has submitted the SQLite file's scans; a fresh
 *                                                   PostgreSQL copy of them can still be submitted)
 *   --database postgres                             a throw-away PostgreSQL on loopback (postgres.ts): the
 *                                                   generated SQLite data copied into it, the servers on it;
 *                                                   PG_POOL_SIZE sets each server's pool (default 10)
 *   --postgres-url postgres://…                     with --database postgres: a PostgreSQL already filled
 *                                                   from this data (kept from an earlier run), instead of a
 *                                                   fresh one; for trying settings such as PG_POOL_SIZE
 *   --pg-statements                                 with --database postgres: load pg_stat_statements and report
 *                                                   the queries per request and each scenario's costliest
 *   --accept-encoding "gzip, deflate, br, zstd"     sent with every measured request, as a browser sends it: the
 *                                                   answers then come compressed where the server compresses
 *   --servers 2                                     that many server processes on the one database, each with
 *                                                   its own autocannon of --connections at once; req/s summed
 *
 * Every goal of goals.ts for the database gets PASS or MISS; the process ends with exit code 1
 * when one misses, a contract check fails, or any answer is not 2xx, so the benchmark is a check.
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
    database: { type: 'string' },
    servers: { type: 'string' },
    'postgres-url': { type: 'string' },
    'pg-statements': { type: 'boolean' },
    'accept-encoding': { type: 'string' },
  },
  strict: false,
});
const seconds = Number(values.duration ?? 10);
const warmupSeconds = Number(values.warmup ?? 2);
const connections = Number(values.connections ?? 20);
const acceptEncoding = typeof values['accept-encoding'] === 'string' ? values['accept-encoding'] : undefined;
// Enough answered scans for submitScan's warm-up and measurement at well over today's rate;
// should the server outrun them, the run ends early and req/s is taken over the time it ran.
const generateOptions = parseGenerateArgs(process.argv.slice(2), { out: here('./data/bench.db'), submitScans: 20_000 });
const CONTRACT_SAMPLE = 5;
const only = typeof values.only === 'string' ? new Set(values.only.split(',').map((name) => name.trim())) : null;
const reuse = values.reuse === true;
const database = (values.database ?? 'sqlite') as BenchDatabase;
if (!BENCH_DATABASES.includes(database)) throw new Error(`--database must be one of ${BENCH_DATABASES.join(', ')} (got ${values.database})`);
const serverCount = Number(values.servers ?? 1);
if (!Number.isInteger(serverCount) || serverCount < 1) throw new Error(`--servers must be a whole number of at least 1 (got ${values.servers})`);
const poolSize = Number(process.env.PG_POOL_SIZE || DEFAULT_PG_POOL_SIZE);
/** Whether a scenario is measured in this run: every one by default, or those named by --only. */
const manifest = reuse ? reusedManifest(generateOptions.out) : await generate();
/** Whether the answered scans can still be submitted: not when a run on the SQLite file or on a kept PostgreSQL may have used them. */
const scansFresh = !reuse || (database === 'postgres' && values['postgres-url'] === undefined && manifest.submitScansUsedAt === undefined);
const wanted = (name: string) => (only === null || only.has(name)) && !(name === 'submitScan' && !scansFresh);
if (database === 'sqlite' && wanted('submitScan')) {
  // The SQLite file's scans are submitted from here on: a later --reuse leaves submitScan out.
  writeFileSync(manifestPathOf(generateOptions.out), JSON.stringify({ ...manifest, submitScansUsedAt: new Date().toISOString() }));
}

/** The one knowledge centre analyst of the centre's and the STEM upload's scenarios: into the SQLite file before PostgreSQL copies it, or into the PostgreSQL given. */
const postgresUrl = database === 'postgres' && typeof values['postgres-url'] === 'string' ? values['postgres-url'] : undefined;
const analyst =
  wanted('getCentreOverview') || wanted('getNeedsVersusOffer') || (manifest.stem && wanted('getStemIndicators'))
    ? await writeCentreAnalyst(postgresUrl ? { postgres: postgresUrl } : { sqlite: manifest.database }, generateOptions.sessionIdleHours)
    : undefined;

const loadAverage = machine().load_average_1m;
const cpuProfileDir = values['cpu-prof'] ? here('./data/profiles') : undefined;
let postgres: BenchPostgres | undefined;
// Ctrl-C: the exit hook of postgres.ts stops and removes the database; the servers follow their parent.
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));
/** With --heap-snapshot: a server's heap as its last scenario left it, in bench/data/. */
const heapSnapshot = async (server: BenchServer, label: string) => {
  if (!values['heap-snapshot']) return;
  const file = await writeServerHeapSnapshot(server, here(`./data/${label}-${new Date().toISOString().replace(/[:.]/g, '-')}.heapsnapshot`));
  console.log(`heap snapshot written to ${file}`);
};
let results: Results;
try {
  let databaseUrl = `sqlite:${manifest.database}`;
  if (database === 'postgres' && typeof values['postgres-url'] === 'string') {
    databaseUrl = values['postgres-url'];
  } else if (database === 'postgres') {
    postgres = await startPostgres({ statements: values['pg-statements'] === true });
    const started = Date.now();
    console.log(`PostgreSQL ${postgres.version} on ${postgres.url}: copying the generated data into it…`);
    const copied = await copySqliteToPostgres(manifest.database, postgres.url);
    const rows = copied.reduce((sum, table) => sum + table.rows, 0);
    await postgres.restartForMeasuring();
    console.log(`  ${rows.toLocaleString('en')} rows in ${copied.length} tables in ${((Date.now() - started) / 1000).toFixed(1)} s, restarted with the measuring settings`);
    databaseUrl = postgres.url;
  }
  results = await measureEverything(databaseUrl);
} finally {
  postgres?.stop();
}

const verdicts = printReport(results);
const files = writeResults(here('./results'), { ...results, goals: verdicts, passed: passed(verdicts) });
console.log(`\nwritten to ${files.join(' and ')}`);
if (!passed(verdicts)) process.exitCode = 1;

/** The contract checks, then every wanted scenario on the measuring server(s), then the uncached search on servers of its own. */
async function measureEverything(databaseUrl: string): Promise<Results> {
  // The realistic server keeps search results for the default 30 s, whatever this shell's environment says.
  const servers = await startServers(databaseUrl, { SEARCH_CACHE_SECONDS: '30' });
  const watches = servers.map((server) => new ServerWatch(server.pid));
  let results: Results;
  // The better ceiling run: every ratio, the uncached search's on the second server too, is to it.
  let best: Measurement;
  try {
    const submittable = manifest.submitScans.slice(CONTRACT_SAMPLE);
    // Every server answers the checks; the sample's scans are submitted through the first (each can be submitted once).
    for (const [i, server] of servers.entries()) {
      await checkContracts(server.url, manifest.profileUsers.slice(0, CONTRACT_SAMPLE), !scansFresh || i > 0 ? [] : manifest.submitScans.slice(0, CONTRACT_SAMPLE));
    }
    for (const server of servers) {
      await checkCatalogueContracts(
        server.url,
        wanted('searchTrainings') ? sample(manifest.searchQueries, CONTRACT_SAMPLE) : [],
        wanted('getMyRecommendations') ? sample(manifest.profileUsers, CONTRACT_SAMPLE) : [],
      );
    }
    if (manifest.report && wanted('getSchoolReport')) for (const server of servers) await checkReportContract(server.url, manifest.report);
    const park = manifest.devices;
    if (park) for (const server of servers) await checkDeviceContracts(server.url, park, 3);
    if (park && (wanted('getInfraIndicators') || wanted('getBoardInfraIndicators'))) {
      for (const server of servers) {
        const first = await warmIndicators(server.url, park);
        console.log(`indicators read once per school and board (${first.reads}), as each first view of the day: ${first.meanMs.toFixed(2)} ms per read`);
      }
    }
    if (park && (wanted('listDevices') || wanted('listBoardDevices'))) {
      for (const server of servers) {
        const first = await warmDeviceLists(server.url, park);
        console.log(`device lists opened once per school and board (${first.reads}), as each first view since a write: ${first.meanMs.toFixed(2)} ms per read`);
      }
    }
    if (manifest.stem && wanted('getStemIndicators')) {
      for (const server of servers) {
        const { firstReadMs } = await checkStemContracts(server.url, manifest.stem);
        console.log(
          `STEM indicators by province computed once per school year (${manifest.stem.years.length}), as each first read after an import: ${firstReadMs.toFixed(2)} ms per read`,
        );
      }
    }
    if (analyst && wanted('getCentreOverview')) {
      for (const server of servers) {
        const { firstReadMs } = await checkCentreContract(server.url, analyst);
        console.log(`centre overview computed once for the release (every teacher's latest scan counted), as the first read after a change: ${firstReadMs.toFixed(0)} ms`);
      }
    }
    if (analyst && wanted('getNeedsVersusOffer')) {
      for (const server of servers) {
        const { firstReadMs } = await checkGapsContract(server.url, analyst);
        console.log(`needs against the offer counted from every teacher's latest scan, as the first read after a submit or a session change: ${firstReadMs.toFixed(0)} ms`);
      }
    }
    // The ceiling is measured first and last: other work on a shared machine can pull one run
    // down, and a low ceiling would flatter every ratio, so the better of the two counts.
    const top = ceiling();
    const scenarios = [
      ...(wanted('getMyProfile') ? [getMyProfile(manifest.profileUsers)] : []),
      ...(wanted('submitScan') ? [submitScan(submittable)] : []),
      ...(wanted('searchTrainings') ? [searchTrainings(manifest.searchQueries)] : []),
      ...(wanted('getMyRecommendations') ? [getMyRecommendations(manifest.profileUsers)] : []),
      ...(manifest.report && wanted('getSchoolReport') ? [getSchoolReport(manifest.report)] : []),
      ...(park ? [listDevices, listBoardDevices, getInfraIndicators, getBoardInfraIndicators].filter((s) => wanted(s.name)).map((s) => s(park)) : []),
      ...(manifest.stem && wanted('getStemIndicators') ? [getStemIndicators(manifest.stem)] : []),
      ...(analyst && wanted('getCentreOverview') ? [getCentreOverview(analyst)] : []),
      ...(analyst && wanted('getNeedsVersusOffer') ? [getNeedsVersusOffer(analyst)] : []),
    ];
    const startPeaks = watches.map((watch) => watch.peakRssMb());
    const runs = await runScenarios(servers, watches, [top, ...scenarios, top]);
    const ceilingRuns = runs.filter((run) => run.scenario === top).map((run) => run.measurement);
    best = ceilingRuns.reduce((a, b) => (b.rps > a.rps ? b : a));
    const peaks = watches.map((watch) => watch.peakRssMb());
    results = {
      measured_at: new Date().toISOString(),
      database,
      servers: serverCount,
      ...(acceptEncoding === undefined ? {} : { accept_encoding: acceptEncoding }),
      ...(database === 'postgres' ? { postgres: { version: postgres?.version ?? 'given', pool_size: poolSize, settings: postgres ? POSTGRES_SETTINGS : {} } } : {}),
      machine: { ...machine(), load_average_1m: loadAverage },
      ceiling_rps: Math.round(best.rps),
      ceiling_runs_rps: ceilingRuns.map((m) => Math.round(m.rps)),
      peak_rss_mb: Math.max(...peaks),
      peak_rss_mb_per_server: peaks,
      peak_rss_mb_before_load: Math.max(...startPeaks),
      distinct_search_queries: new Set(manifest.searchQueries.map(searchPath)).size,
      scenarios: [toResult(top.name, top.operationId, best, best), ...scenarios.map((s) => toResult(s.name, s.operationId, runs.find((run) => run.scenario === s)!.measurement, best))],
    };
    if (manifest.stem && analyst && wanted('getStemIndicators')) results.stem_upload = await uploadStem(servers[0], watches[0], manifest.stem, analyst);
    for (const [i, server] of servers.entries()) await heapSnapshot(server, `server-${i + 1}`);
  } finally {
    for (const watch of watches) watch.stop();
    await Promise.all(servers.map(stopServer));
  }
  // Every search a miss: the same queries against servers started with their search cache
  // off, so each request runs the SQL and builds the JSON. Compared to the same ceiling as the rest.
  if (wanted('searchTrainings (uncached)')) await measureUncachedSearch(databaseUrl, results, best);
  return results;
}

/** The STEM upload of stem-scenarios.ts, with the server's CPU (and PostgreSQL's) and memory it took; after the goals' memory is taken, so it is not held to their limit. */
async function uploadStem(server: BenchServer, watch: ServerWatch, stem: NonNullable<Manifest['stem']>, analyst: CentreAnalyst): Promise<NonNullable<Results['stem_upload']>> {
  watch.startWindow();
  const cpuBefore = watch.cpuMs();
  const databaseCpuBefore = postgres?.cpuMs();
  const upload = await uploadStemYear(server.url, stem, analyst);
  const seconds = (ms: number) => Math.round(ms / 100) / 10;
  const measured = {
    ...upload,
    server_cpu_seconds: seconds(watch.cpuMs() - cpuBefore),
    peak_rss_mb: watch.windowPeakRssMb(),
    ...(postgres && databaseCpuBefore !== undefined ? { database_cpu_seconds: seconds(postgres.cpuMs() - databaseCpuBefore) } : {}),
  };
  console.log(
    `STEM counts of ${upload.year} uploaded through importStemCounts (${upload.lines} lines, ${upload.megabytes} MB): ${upload.seconds} s, ` +
      `${measured.server_cpu_seconds} s of the server's CPU${measured.database_cpu_seconds === undefined ? '' : ` and ${measured.database_cpu_seconds} s of PostgreSQL's`}, the server's memory at most ${measured.peak_rss_mb} MB`,
  );
  return measured;
}

/** `serverCount` server processes on the database, started one after the other (each migrates at start). */
async function startServers(databaseUrl: string, env: Record<string, string>): Promise<BenchServer[]> {
  const servers: BenchServer[] = [];
  try {
    for (let i = 0; i < serverCount; i += 1) servers.push(await startServer(databaseUrl, { cpuProfileDir, env }));
    return servers;
  } catch (error) {
    await Promise.all(servers.map(stopServer));
    throw error;
  }
}

/** searchTrainings once more, on servers whose search cache is off. */
async function measureUncachedSearch(databaseUrl: string, results: Results, best: Measurement) {
  const servers = await startServers(databaseUrl, { SEARCH_CACHE_SECONDS: '0' });
  const watches = servers.map((server) => new ServerWatch(server.pid));
  try {
    for (const server of servers) await checkCatalogueContracts(server.url, sample(manifest.searchQueries, CONTRACT_SAMPLE), []);
    const uncached = searchTrainings(manifest.searchQueries, 'searchTrainings (uncached)');
    const [run] = await runScenarios(servers, watches, [uncached]);
    results.scenarios.push(toResult(uncached.name, uncached.operationId, run.measurement, best));
    const peaks = watches.map((watch) => watch.peakRssMb());
    results.peak_rss_mb_uncached_search = Math.max(...peaks);
    results.peak_rss_mb_per_uncached_server = peaks;
    for (const [i, server] of servers.entries()) await heapSnapshot(server, `server-uncached-search-${i + 1}`);
  } finally {
    for (const watch of watches) watch.stop();
    await Promise.all(servers.map(stopServer));
  }
}

async function generate(): Promise<Manifest> {
  console.log(
    `Generating ${generateOptions.teachers} teachers, ${generateOptions.submitScans} answered scans to submit, ${generateOptions.trainings} trainings, ` +
      `${generateOptions.reportTeachers} report teachers, ${generateOptions.devices} devices and ${generateOptions.stemRows} STEM counts…`,
  );
  const started = Date.now();
  const { manifest } = await generateBenchData(generateOptions);
  console.log(
    `  done in ${((Date.now() - started) / 1000).toFixed(1)} s` +
      (manifest.report ? `, of which ${manifest.report.seconds.toFixed(1)} s for ${manifest.report.teachers} report teachers over ${manifest.report.schools} schools` : '') +
      (manifest.devices ? `, ${manifest.devices.seconds.toFixed(1)} s for ${manifest.devices.devices} devices over ${manifest.devices.schools} schools` : '') +
      (manifest.stem
        ? `, ${manifest.stem.seconds.toFixed(1)} s for ${manifest.stem.rows} STEM counts over ${manifest.stem.schools} school locations (${stemImportLine(manifest.stem)})`
        : ''),
  );
  return manifest;
}

/** The manifest of an earlier run's database, for --reuse. */
function reusedManifest(databaseFile: string): Manifest {
  const path = manifestPathOf(databaseFile);
  if (!existsSync(path)) throw new Error(`--reuse: no ${path}; run once without --reuse first`);
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as Manifest;
  const scans =
    database === 'postgres' && values['postgres-url'] === undefined && manifest.submitScansUsedAt === undefined
      ? 'submitScan on a fresh copy of its scans'
      : 'submitScan is not measured';
  console.log(`Reusing ${manifest.database} (generated ${manifest.generatedAt}); ${scans}`);
  return manifest;
}

/** `count` items spread over the list, first and last included: not only the first few. */
function sample<T>(list: readonly T[], count: number): T[] {
  if (list.length <= count) return [...list];
  return Array.from({ length: count }, (_, i) => list[Math.round((i * (list.length - 1)) / (count - 1))]);
}

/**
 * One scenario after another, each warmed up first; the warm-up's figures are dropped. With
 * several servers, each gets its own autocannon at once and the figures are summed; CPU per
 * request is that of every server process (and on PostgreSQL, the database's beside it).
 */
async function runScenarios(servers: BenchServer[], watches: ServerWatch[], scenarios: Scenario[]) {
  const runs: Array<{ scenario: Scenario; measurement: Measurement }> = [];
  const urls = servers.map((server) => server.url);
  const serverCpuMs = () => watches.reduce((sum, watch) => sum + watch.cpuMs(), 0);
  const perScenario = warmupSeconds + seconds;
  const bar = new SingleBar({ format: 'measuring {bar} {value}/{total} s | {scenario}' }, Presets.shades_classic);
  bar.start(scenarios.length * perScenario, 0, { scenario: '' });
  for (const [i, scenario] of scenarios.entries()) {
    let elapsed = 0;
    const tick = setInterval(() => bar.update(i * perScenario + Math.min(perScenario, ++elapsed), { scenario: scenario.name }), 1000);
    for (const watch of watches) watch.startWindow();
    // The warm-up lets V8 optimise the route and the database fill its cache.
    if (warmupSeconds > 0) await measureAll(urls, scenario, { connections, seconds: warmupSeconds, acceptEncoding });
    await postgres?.resetStatements();
    const cpuBefore = serverCpuMs();
    const databaseCpuBefore = postgres?.cpuMs();
    const measurement = await measureAll(urls, scenario, { connections, seconds, acceptEncoding });
    const perRequest = (ms: number) => (ms * 1000) / Math.max(1, measurement.requests);
    measurement.server_cpu_us_per_request = perRequest(serverCpuMs() - cpuBefore);
    measurement.peak_rss_mb = Math.max(...watches.map((watch) => watch.windowPeakRssMb()));
    if (postgres && databaseCpuBefore !== undefined) measurement.database_cpu_us_per_request = perRequest(postgres.cpuMs() - databaseCpuBefore);
    if (postgres && values['pg-statements']) {
      const statements = await postgres.statements();
      measurement.database_queries_per_request = Math.round((statements.calls / Math.max(1, measurement.requests)) * 100) / 100;
      measurement.database_top_statements = statements.top;
    }
    runs.push({ scenario, measurement });
    clearInterval(tick);
    bar.update((i + 1) * perScenario, { scenario: scenario.name });
  }
  bar.stop();
  return runs;
}
