/**
 * The goals of the benchmark per database (issue 11), and the verdict on a run: PASS or MISS per
 * line, and whether the run passed as a whole, so `npm run bench` is itself the check. Pure: no
 * I/O, so the verdict and the merging of results files are tested on their own.
 */

export type BenchDatabase = 'sqlite' | 'postgres';

export const BENCH_DATABASES: readonly BenchDatabase[] = ['sqlite', 'postgres'];

/** The ICT park's reads (issue 12 §7): at least 30% of the ceiling in the same run, on both databases. */
const PARK_GOALS = { listDevices: 0.3, listBoardDevices: 0.3, getInfraIndicators: 0.3, getBoardInfraIndicators: 0.3 };

/** The STEM monitor's indicators by province (issue 13 §6): at least 30% of the ceiling in the same run, on both databases. */
const STEM_GOALS = { getStemIndicators: 0.3 };

/** The knowledge centre's overview and needs against the offer (issue 14): 30% of the ceiling on SQLite, 15% on PostgreSQL. */
const CENTRE_GOALS = {
  sqlite: { getCentreOverview: 0.3, getNeedsVersusOffer: 0.3 },
  postgres: { getCentreOverview: 0.15, getNeedsVersusOffer: 0.15 },
};

/** Each scenario's least share of the ceiling's req/s in the same run. */
export const RATIO_GOALS: Record<BenchDatabase, Readonly<Record<string, number>>> = {
  sqlite: {
    getMyProfile: 0.4,
    submitScan: 0.1,
    searchTrainings: 0.4,
    'searchTrainings (uncached)': 0.15,
    getMyRecommendations: 0.3,
    getSchoolReport: 0.25,
    ...PARK_GOALS,
    ...STEM_GOALS,
    ...CENTRE_GOALS.sqlite,
  },
  postgres: {
    getMyProfile: 0.2,
    submitScan: 0.05,
    searchTrainings: 0.2,
    'searchTrainings (uncached)': 0.08,
    getMyRecommendations: 0.15,
    getSchoolReport: 0.15,
    ...PARK_GOALS,
    ...STEM_GOALS,
    ...CENTRE_GOALS.postgres,
  },
};

/** The most resident memory any one server process may reach, on either database. */
export const PEAK_RSS_GOAL_MB = 200;

/** The cached search's goal counts only when the run rotates through at least this many distinct searches. */
export const SEARCH_GOAL_DISTINCT_QUERIES = 5_000;

/** What the verdict reads of one scenario's row. */
export interface GoalScenario {
  name: string;
  ratio_to_ceiling: number;
  non_2xx: number;
  errors: number;
}

/** What the verdict reads of a run. */
export interface GoalInput {
  database: BenchDatabase;
  scenarios: readonly GoalScenario[];
  /** Every server process's peak RSS in MB: the measuring servers and those of the uncached search. */
  peak_rss_mb_per_process: readonly number[];
  /** Distinct searches the searchTrainings scenario rotated through. */
  distinct_search_queries: number;
}

export interface GoalVerdict {
  goal: string;
  verdict: 'PASS' | 'MISS';
  line: string;
}

const percent = (ratio: number) => `${(ratio * 100).toFixed(1)}%`;

/**
 * PASS or MISS for every goal that the run measured: each scenario's ratio (a scenario with any
 * non-2xx answer or error misses whatever its ratio; so does the ceiling), and each server
 * process's peak memory. Scenarios the run left out (`--only`) have no line.
 */
export function evaluateGoals(run: GoalInput): GoalVerdict[] {
  const verdicts: GoalVerdict[] = [];
  const goals = RATIO_GOALS[run.database];
  for (const s of run.scenarios) {
    const goal = goals[s.name];
    const dirty = s.non_2xx > 0 || s.errors > 0 ? ` (${s.non_2xx} non-2xx, ${s.errors} errors: must be 0)` : '';
    if (goal === undefined) {
      if (dirty) verdicts.push({ goal: s.name, verdict: 'MISS', line: `MISS  ${s.name} answers cleanly${dirty}` });
      continue;
    }
    const fewQueries = s.name === 'searchTrainings' && run.distinct_search_queries < SEARCH_GOAL_DISTINCT_QUERIES;
    const note = fewQueries ? ` (over ${run.distinct_search_queries} distinct searches: the goal asks at least ${SEARCH_GOAL_DISTINCT_QUERIES.toLocaleString('en')})` : '';
    const pass = s.ratio_to_ceiling >= goal && !dirty && !fewQueries;
    verdicts.push({
      goal: s.name,
      verdict: pass ? 'PASS' : 'MISS',
      line: `${pass ? 'PASS' : 'MISS'}  ${s.name} ≥ ${percent(goal)} of the ceiling on ${run.database}: ${percent(s.ratio_to_ceiling)}${dirty}${note}`,
    });
  }
  if (run.peak_rss_mb_per_process.length > 0) {
    const peak = Math.max(...run.peak_rss_mb_per_process);
    const pass = peak <= PEAK_RSS_GOAL_MB;
    const each = run.peak_rss_mb_per_process.length > 1 ? ` (per process: ${run.peak_rss_mb_per_process.join(', ')} MB)` : '';
    verdicts.push({
      goal: 'peak server memory',
      verdict: pass ? 'PASS' : 'MISS',
      line: `${pass ? 'PASS' : 'MISS'}  peak server memory ≤ ${PEAK_RSS_GOAL_MB} MB per process: ${peak} MB${each}`,
    });
  }
  return verdicts;
}

/** The run passes when no goal line misses. */
export const passed = (verdicts: readonly GoalVerdict[]) => verdicts.every((v) => v.verdict === 'PASS');

/** Where a run's results are kept beside the other databases' and set-ups': latest-sqlite.json, latest-postgres-2servers.json, … */
export function resultsFileName(database: BenchDatabase, servers: number): string {
  return `latest-${database}${servers > 1 ? `-${servers}servers` : ''}.json`;
}

/** The part of a results file the merge reads. */
export interface MergeableResults<S extends { name: string }> {
  database?: BenchDatabase;
  servers?: number;
  scenarios: S[];
}

/**
 * This run's results, with the scenarios an earlier run measured and this one did not (`--only`)
 * kept after them, but only from an earlier run on the same database and number of servers:
 * figures of another set-up never pass for this one's. An earlier file without a database field
 * was written before there was a choice: SQLite on one server.
 */
export function mergeResults<S extends { name: string }, R extends MergeableResults<S>>(results: R, earlier: unknown): R {
  if (!isResults(earlier)) return results;
  const sameSetup = (earlier.database ?? 'sqlite') === results.database && (earlier.servers ?? 1) === (results.servers ?? 1);
  if (!sameSetup) return results;
  const measured = new Set(results.scenarios.map((s) => s.name));
  const kept = (earlier.scenarios as S[]).filter((s) => s && typeof s.name === 'string' && !measured.has(s.name));
  return { ...results, scenarios: [...results.scenarios, ...kept] };
}

function isResults(value: unknown): value is MergeableResults<{ name: string }> {
  return typeof value === 'object' && value !== null && Array.isArray((value as { scenarios?: unknown }).scenarios);
}
