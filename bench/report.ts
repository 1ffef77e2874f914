import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname } from 'node:path';
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
}

export interface Results {
  measured_at: string;
  /** load_average_1m is taken before the server starts: other work on the machine skews req/s. */
  machine: { cpus: number; cpu_model: string; memory_gb: number; node: string; platform: string; load_average_1m: number };
  ceiling_rps: number;
  /** Every ceiling run (first and last); ceiling_rps is the best of them. */
  ceiling_runs_rps: number[];
  peak_rss_mb: number;
  /** The second server's peak, the one started with its search cache off for `searchTrainings (uncached)`. */
  peak_rss_mb_uncached_search?: number;
  scenarios: ScenarioResult[];
}

/** The goals of the issue: each scenario's share of the ceiling, and the server's peak memory. */
const ratioGoals: Record<string, number> = { getMyProfile: 0.5, submitScan: 0.25, searchTrainings: 0.3, getMyRecommendations: 0.3, getSchoolReport: 0.3 };
/** Measured and reported beside a goal, without one of their own. */
const reportedOnly = ['searchTrainings (uncached)'];
const PEAK_RSS_GOAL_MB = 200;

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

export function printReport(results: Results): void {
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
  }));
  const { cpus: count, cpu_model, node, load_average_1m } = results.machine;
  console.log(`\nMeasured ${results.measured_at} on ${count} CPUs (${cpu_model}), Node ${node}, load average ${load_average_1m} before the run`);
  console.table(rows);
  console.log(`ceiling runs (first, last): ${results.ceiling_runs_rps.join(', ')} req/s; ratios use the best`);
  console.log(`peak server RSS: ${results.peak_rss_mb} MB`);
  if (results.peak_rss_mb_uncached_search !== undefined) {
    console.log(`peak RSS of the second server (search cache off, searchTrainings (uncached) only): ${results.peak_rss_mb_uncached_search} MB`);
  }
  if (load_average_1m > count) {
    console.log(`note: the machine was busy (load ${load_average_1m} on ${count} CPUs); req/s and its ratios move with that, server CPU µs/req much less`);
  }
  console.log('');
  for (const line of goalLines(results)) console.log(line);
}

/** PASS or MISS per goal; a miss is reported, never a failed process. */
export function goalLines(results: Results): string[] {
  const lines: string[] = [];
  for (const [name, goal] of Object.entries(ratioGoals)) {
    const s = results.scenarios.find((candidate) => candidate.name === name);
    if (!s) continue;
    const clean = s.non_2xx === 0 && s.errors === 0;
    const verdict = s.ratio_to_ceiling >= goal && clean ? 'PASS' : 'MISS';
    const note = clean ? '' : ` (${s.non_2xx} non-2xx, ${s.errors} errors: must be 0)`;
    lines.push(`${verdict}  ${name} ≥ ${goal * 100}% of the ceiling: ${(s.ratio_to_ceiling * 100).toFixed(1)}%${note}`);
  }
  for (const name of reportedOnly) {
    const s = results.scenarios.find((candidate) => candidate.name === name);
    if (!s) continue;
    const note = s.non_2xx === 0 && s.errors === 0 ? '' : ` (${s.non_2xx} non-2xx, ${s.errors} errors: must be 0)`;
    lines.push(`info  ${name} (no goal of its own): ${(s.ratio_to_ceiling * 100).toFixed(1)}% of the ceiling${note}`);
  }
  const peak = Math.max(results.peak_rss_mb, results.peak_rss_mb_uncached_search ?? 0);
  const memory = peak < PEAK_RSS_GOAL_MB ? 'PASS' : 'MISS';
  lines.push(`${memory}  peak server memory < ${PEAK_RSS_GOAL_MB} MB: ${peak} MB`);
  return lines;
}

/** Writes the results, keeping scenarios that other benchmarks measured earlier and this run did not. */
export function writeResults(file: string, results: Results): void {
  const earlier = readEarlier(file);
  const measured = new Set(results.scenarios.map((s) => s.name));
  const kept = earlier.filter((s) => !measured.has(s.name));
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify({ ...results, scenarios: [...results.scenarios, ...kept] }, null, 2)}\n`);
}

function readEarlier(file: string): ScenarioResult[] {
  if (!existsSync(file)) return [];
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as { scenarios?: unknown };
    return Array.isArray(parsed.scenarios) ? (parsed.scenarios as ScenarioResult[]) : [];
  } catch {
    return []; // a broken file is replaced, not merged
  }
}
