import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { type BenchDatabase, evaluateGoals, type GoalVerdict, mergeResults, resultsFileName } from './goals';
import type { Measurement } from './load';

export interface ScenarioResult {
  name: string;
  operationId: string | null;
  rps: number;
  p50_ms: number;
  p99_ms: number;
  ratio_to_ceiling: number;
  requests: number;
  non_2xx: number;
  errors: number;
  /** Server CPU time (all its threads) per request: steadier than req/s on a shared machine. */
  server_cpu_us_per_request: number | null;
  /** The ceiling's server CPU per request over this scenario's: the cost ratio, less swayed by other work. */
  cpu_ratio_to_ceiling: number | null;
  /** On PostgreSQL: the database's CPU time per request, all its processes; not part of the server's. */
  database_cpu_us_per_request?: number;
  /** With --pg-statements: PostgreSQL's statements per request (round trips, less pipelining) and its costliest. */
  database_queries_per_request?: number;
  database_top_statements?: Measurement['database_top_statements'];
  /** The server's peak RSS in MB while this scenario ran (warm-up included): where the run's peak is. */
  peak_rss_mb?: number;
}

export interface Results {
  measured_at: string;
  /** The database the servers ran on, and how many server processes shared the load. */
  database: BenchDatabase;
  servers: number;
  /** The Accept-Encoding every measured request sent (--accept-encoding), if any. */
  accept_encoding?: string;
  /** On PostgreSQL: its version, the pool size of each server process, and the settings beyond the defaults. */
  postgres?: { version: string; pool_size: number; settings: Record<string, string> };
  /** load_average_1m is taken before the server starts: other work on the machine skews req/s. */
  machine: { cpus: number; cpu_model: string; memory_gb: number; node: string; platform: string; load_average_1m: number };
  ceiling_rps: number;
  /** Every ceiling run (first and last); ceiling_rps is the best of them. */
  ceiling_runs_rps: number[];
  /** The highest peak of the measuring server processes; per process beside it. */
  peak_rss_mb: number;
  peak_rss_mb_per_server: number[];
  /** The peak after start-up and the contract checks, before the first scenario's load. */
  peak_rss_mb_before_load?: number;
  /** The peak of the server(s) started with the search cache off for `searchTrainings (uncached)`. */
  peak_rss_mb_uncached_search?: number;
  peak_rss_mb_per_uncached_server?: number[];
  /** Distinct searches the searchTrainings scenarios rotated through. */
  distinct_search_queries: number;
  scenarios: ScenarioResult[];
  /** A school year's STEM counts uploaded once through importStemCounts after the scenarios (stem-scenarios.ts), with the CPU it cost. */
  stem_upload?: { year: string; lines: number; megabytes: number; seconds: number; server_cpu_seconds: number; peak_rss_mb: number; database_cpu_seconds?: number };
  /** The verdict on this run's goals (goals.ts); `passed` is false when any line misses. */
  goals?: GoalVerdict[];
  passed?: boolean;
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

const cpuOf = (m: Measurement) => (m.server_cpu_us_per_request === undefined || Number.isNaN(m.server_cpu_us_per_request) ? null : m.server_cpu_us_per_request);

/** One scenario's row, against the ceiling run `top`. */
export function toResult(name: string, operationId: string | null, m: Measurement, top: Measurement): ScenarioResult {
  const ownCpu = cpuOf(m);
  const ceilingCpu = cpuOf(top);
  return {
    name,
    operationId,
    rps: Math.round(m.rps),
    p50_ms: m.p50_ms,
    p99_ms: m.p99_ms,
    ratio_to_ceiling: top.rps > 0 ? round(m.rps / top.rps, 3) : 0,
    requests: m.requests,
    non_2xx: m.non_2xx,
    errors: m.errors,
    server_cpu_us_per_request: ownCpu === null ? null : Math.round(ownCpu),
    cpu_ratio_to_ceiling: ownCpu && ceilingCpu ? round(ceilingCpu / ownCpu, 3) : null,
    ...(m.database_queries_per_request === undefined ? {} : { database_queries_per_request: m.database_queries_per_request, database_top_statements: m.database_top_statements }),
    ...(m.database_cpu_us_per_request === undefined || Number.isNaN(m.database_cpu_us_per_request) ? {} : { database_cpu_us_per_request: Math.round(m.database_cpu_us_per_request) }),
    ...(m.peak_rss_mb === undefined ? {} : { peak_rss_mb: m.peak_rss_mb }),
  };
}

export function machine(): Results['machine'] {
  const list = cpus();
  return {
    cpus: list.length,
    cpu_model: list[0]?.model.trim() ?? 'unknown',
    memory_gb: round(totalmem() / 1024 ** 3, 1),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    load_average_1m: round(loadavg()[0], 2),
  };
}

export function printReport(results: Results): GoalVerdict[] {
  const rows = results.scenarios.map((s) => ({
    scenario: s.name,
    operationId: s.operationId ?? '-',
    'req/s': s.rps,
    'p50 ms': s.p50_ms,
    'p99 ms': s.p99_ms,
    ratio: s.ratio_to_ceiling.toFixed(2),
    requests: s.requests,
    'non-2xx': s.non_2xx,
    errors: s.errors,
    'server CPU µs/req': s.server_cpu_us_per_request ?? '-',
    'CPU ratio': s.cpu_ratio_to_ceiling?.toFixed(2) ?? '-',
    ...(results.database === 'postgres' ? { 'PostgreSQL CPU µs/req': s.database_cpu_us_per_request ?? '-' } : {}),
    ...(s.database_queries_per_request === undefined ? {} : { 'queries/req': s.database_queries_per_request }),
    'peak RSS MB': s.peak_rss_mb ?? '-',
  }));
  const { cpus: count, cpu_model, node, load_average_1m } = results.machine;
  const on = results.postgres ? `PostgreSQL ${results.postgres.version} (pool of ${results.postgres.pool_size} per server)` : 'SQLite';
  const servers = results.servers > 1 ? `, ${results.servers} server processes (req/s summed over them, CPU per request over all of them)` : '';
  const encoding = results.accept_encoding === undefined ? '' : `, every request with Accept-Encoding: ${results.accept_encoding}`;
  console.log(`\nMeasured ${results.measured_at} on ${count} CPUs (${cpu_model}), Node ${node}, load average ${load_average_1m} before the run, ${on}${servers}${encoding}`);
  console.table(rows);
  for (const s of results.scenarios) {
    if (!s.database_top_statements?.length) continue;
    console.log(`PostgreSQL's costliest statements in ${s.name} (calls, mean ms, total ms):`);
    for (const t of s.database_top_statements) console.log(`  ${t.calls}  ${t.mean_ms}  ${t.total_ms}  ${t.query}`);
  }
  console.log(`ceiling runs (first, last): ${results.ceiling_runs_rps.join(', ')} req/s; ratios use the best`);
  const beforeLoad = results.peak_rss_mb_before_load === undefined ? '' : `; ${results.peak_rss_mb_before_load} MB after start-up, before the load`;
  console.log(`peak server RSS: ${results.peak_rss_mb} MB${results.servers > 1 ? ` (per process: ${results.peak_rss_mb_per_server.join(', ')} MB)` : ''}${beforeLoad}`);
  if (results.peak_rss_mb_uncached_search !== undefined) {
    console.log(`peak RSS of the server(s) with the search cache off, searchTrainings (uncached) only: ${results.peak_rss_mb_uncached_search} MB`);
  }
  if (load_average_1m > count) {
    console.log(`note: the machine was busy (load ${load_average_1m} on ${count} CPUs); req/s and its ratios move with that, server CPU µs/req much less`);
  }
  console.log('');
  const verdicts = evaluateGoals({
    database: results.database,
    scenarios: results.scenarios,
    peak_rss_mb_per_process: [...results.peak_rss_mb_per_server, ...(results.peak_rss_mb_per_uncached_server ?? [])],
    distinct_search_queries: results.distinct_search_queries,
  });
  for (const verdict of verdicts) console.log(verdict.line);
  const misses = verdicts.filter((v) => v.verdict === 'MISS').length;
  console.log(misses === 0 ? '\nevery goal met' : `\n${misses} goal(s) missed: the benchmark fails`);
  return verdicts;
}

/**
 * Writes the results to `dir`/latest.json and beside it to the file of their database and set-up
 * (latest-sqlite.json, latest-postgres.json, latest-postgres-2servers.json), keeping scenarios an
 * earlier run of the same set-up measured and this one did not. Returns the files written.
 */
export function writeResults(dir: string, results: Results): string[] {
  mkdirSync(dir, { recursive: true });
  const own = join(dir, resultsFileName(results.database, results.servers));
  const text = `${JSON.stringify(mergeResults(results, readEarlier(own)), null, 2)}\n`;
  const latest = join(dir, 'latest.json');
  writeFileSync(own, text);
  writeFileSync(latest, text);
  return [latest, own];
}

function readEarlier(file: string): unknown {
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined; // a broken file is replaced, not merged
  }
}
