import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BENCH_DATABASES,
  evaluateGoals,
  type GoalInput,
  type GoalScenario,
  mergeResults,
  PEAK_RSS_GOAL_MB,
  passed,
  RATIO_GOALS,
  resultsFileName,
  SEARCH_GOAL_DISTINCT_QUERIES,
} from './goals';
import { combineMeasurements, type Measurement } from './load';

const scenario = (name: string, ratio: number, dirty: Partial<GoalScenario> = {}): GoalScenario => ({ name, ratio_to_ceiling: ratio, non_2xx: 0, errors: 0, ...dirty });
const run = (input: Partial<GoalInput>): GoalInput => ({
  database: 'sqlite',
  scenarios: [],
  peak_rss_mb_per_process: [],
  distinct_search_queries: SEARCH_GOAL_DISTINCT_QUERIES,
  ...input,
});
const verdictOf = (input: GoalInput, goal: string) => evaluateGoals(input).find((v) => v.goal === goal)?.verdict;

describe('evaluateGoals', () => {
  it('holds each database to its own goals', () => {
    expect(verdictOf(run({ database: 'sqlite', scenarios: [scenario('getMyProfile', 0.3)] }), 'getMyProfile')).toBe('MISS');
    expect(verdictOf(run({ database: 'postgres', scenarios: [scenario('getMyProfile', 0.3)] }), 'getMyProfile')).toBe('PASS');
  });

  it('holds the ICT park’s four reads to 30% of the ceiling on both databases (issue 12 §7)', () => {
    for (const database of BENCH_DATABASES) {
      for (const name of ['listDevices', 'listBoardDevices', 'getInfraIndicators', 'getBoardInfraIndicators']) {
        expect(RATIO_GOALS[database][name]).toBe(0.3);
        expect(verdictOf(run({ database, scenarios: [scenario(name, 0.31)] }), name)).toBe('PASS');
        expect(verdictOf(run({ database, scenarios: [scenario(name, 0.31, { non_2xx: 1 })] }), name)).toBe('MISS');
      }
    }
  });

  it('holds the STEM monitor’s indicators by province to 30% of the ceiling on both databases (issue 13 §6)', () => {
    for (const database of BENCH_DATABASES) {
      expect(RATIO_GOALS[database].getStemIndicators).toBe(0.3);
      expect(verdictOf(run({ database, scenarios: [scenario('getStemIndicators', 0.29)] }), 'getStemIndicators')).toBe('MISS');
    }
  });

  it('passes a ratio exactly at its goal and misses one just under it', () => {
    for (const database of BENCH_DATABASES) {
      for (const [name, goal] of Object.entries(RATIO_GOALS[database])) {
        expect(verdictOf(run({ database, scenarios: [scenario(name, goal)] }), name)).toBe('PASS');
        expect(verdictOf(run({ database, scenarios: [scenario(name, goal - 0.001)] }), name)).toBe('MISS');
      }
    }
  });

  it('gives the uncached search a goal of its own', () => {
    expect(verdictOf(run({ scenarios: [scenario('searchTrainings (uncached)', 0.14)] }), 'searchTrainings (uncached)')).toBe('MISS');
    expect(verdictOf(run({ database: 'postgres', scenarios: [scenario('searchTrainings (uncached)', 0.08)] }), 'searchTrainings (uncached)')).toBe('PASS');
  });

  it('misses a scenario with any non-2xx answer or error, whatever its ratio, the ceiling too', () => {
    expect(verdictOf(run({ scenarios: [scenario('getMyProfile', 0.9, { non_2xx: 1 })] }), 'getMyProfile')).toBe('MISS');
    expect(verdictOf(run({ scenarios: [scenario('getMyProfile', 0.9, { errors: 1 })] }), 'getMyProfile')).toBe('MISS');
    expect(verdictOf(run({ scenarios: [scenario('ceiling', 1, { errors: 2 })] }), 'ceiling')).toBe('MISS');
    expect(evaluateGoals(run({ scenarios: [scenario('ceiling', 1)] }))).toEqual([]);
  });

  it('counts the cached search only over enough distinct searches', () => {
    const searches = (count: number) => verdictOf(run({ scenarios: [scenario('searchTrainings', 0.9)], distinct_search_queries: count }), 'searchTrainings');
    expect(searches(SEARCH_GOAL_DISTINCT_QUERIES)).toBe('PASS');
    expect(searches(SEARCH_GOAL_DISTINCT_QUERIES - 1)).toBe('MISS');
  });

  it('holds every server process to the memory goal, at most the goal passing', () => {
    expect(verdictOf(run({ peak_rss_mb_per_process: [PEAK_RSS_GOAL_MB, 120] }), 'peak server memory')).toBe('PASS');
    expect(verdictOf(run({ peak_rss_mb_per_process: [120, PEAK_RSS_GOAL_MB + 0.1] }), 'peak server memory')).toBe('MISS');
    expect(verdictOf(run({ peak_rss_mb_per_process: [] }), 'peak server memory')).toBeUndefined();
  });

  it('has no line for a scenario the run left out', () => {
    expect(evaluateGoals(run({ scenarios: [scenario('getSchoolReport', 0.5)] })).map((v) => v.goal)).toEqual(['getSchoolReport']);
  });

  it('passes a scenario exactly when its ratio reaches the goal and it answered cleanly (property)', () => {
    const names = Object.keys(RATIO_GOALS.sqlite);
    fc.assert(
      fc.property(
        fc.constantFrom(...BENCH_DATABASES),
        fc.constantFrom(...names),
        fc.double({ min: 0, max: 2, noNaN: true }),
        fc.nat(3),
        fc.nat(3),
        (database, name, ratio, non2xx, errors) => {
          const verdict = verdictOf(run({ database, scenarios: [scenario(name, ratio, { non_2xx: non2xx, errors })] }), name);
          const expected = ratio >= RATIO_GOALS[database][name] && non2xx === 0 && errors === 0 ? 'PASS' : 'MISS';
          expect(verdict).toBe(expected);
        },
      ),
    );
  });

  it('passes a run only when no line misses (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 6 }),
        fc.array(fc.double({ min: 50, max: 400, noNaN: true }), { maxLength: 3 }),
        (ratios, peaks) => {
          const names = Object.keys(RATIO_GOALS.sqlite);
          const verdicts = evaluateGoals(run({ scenarios: ratios.map((ratio, i) => scenario(names[i], ratio)), peak_rss_mb_per_process: peaks }));
          const expected = ratios.every((ratio, i) => ratio >= RATIO_GOALS.sqlite[names[i]]) && peaks.every((peak) => peak <= PEAK_RSS_GOAL_MB);
          expect(passed(verdicts)).toBe(expected);
        },
      ),
    );
  });
});

describe('resultsFileName', () => {
  it('names a file per database and number of servers', () => {
    expect(resultsFileName('sqlite', 1)).toBe('latest-sqlite.json');
    expect(resultsFileName('postgres', 1)).toBe('latest-postgres.json');
    expect(resultsFileName('postgres', 2)).toBe('latest-postgres-2servers.json');
  });
});

describe('mergeResults', () => {
  const named = (...names: string[]) => names.map((name) => ({ name, rps: 1 }));

  it('keeps the scenarios an earlier run of the same set-up measured and this one did not, after this run’s', () => {
    const merged = mergeResults(
      { database: 'postgres', servers: 1, scenarios: named('ceiling', 'getMyProfile') },
      { database: 'postgres', servers: 1, scenarios: named('ceiling', 'submitScan') },
    );
    expect(merged.scenarios.map((s) => s.name)).toEqual(['ceiling', 'getMyProfile', 'submitScan']);
  });

  it('never mixes in another database’s or another number of servers’ figures', () => {
    const now = { database: 'postgres' as const, servers: 1, scenarios: named('ceiling') };
    expect(mergeResults(now, { database: 'sqlite', servers: 1, scenarios: named('submitScan') }).scenarios).toHaveLength(1);
    expect(mergeResults(now, { database: 'postgres', servers: 2, scenarios: named('submitScan') }).scenarios).toHaveLength(1);
  });

  it('reads an earlier file without a database field as SQLite on one server', () => {
    const merged = mergeResults({ database: 'sqlite', servers: 1, scenarios: named('ceiling') }, { scenarios: named('submitScan') });
    expect(merged.scenarios.map((s) => s.name)).toEqual(['ceiling', 'submitScan']);
  });

  it('replaces a broken earlier file instead of merging it', () => {
    const now = { database: 'sqlite' as const, servers: 1, scenarios: named('ceiling') };
    for (const broken of [undefined, null, 'text', { scenarios: 'none' }]) expect(mergeResults(now, broken)).toEqual(now);
  });
});

describe('combineMeasurements', () => {
  const measurement = (requests: number, rps: number, p50: number, p99: number, non2xx = 0): Measurement => ({
    requests,
    rps,
    p50_ms: p50,
    p99_ms: p99,
    non_2xx: non2xx,
    errors: 0,
    seconds: 10,
  });

  it('sums requests, req/s and failures, weighs p50 by requests and keeps the worst p99', () => {
    expect(combineMeasurements([measurement(300, 30, 1, 5, 1), measurement(100, 10, 5, 9, 2)])).toEqual({
      requests: 400,
      rps: 40,
      p50_ms: 2,
      p99_ms: 9,
      non_2xx: 3,
      errors: 0,
      seconds: 10,
    });
  });

  it('gives a single run back as it is', () => {
    const one = measurement(10, 1, 1, 1);
    expect(combineMeasurements([one])).toBe(one);
  });

  it('never loses a request or a failure (property)', () => {
    const arbitrary = fc.record({
      requests: fc.nat(10_000),
      rps: fc.nat(10_000),
      p50_ms: fc.nat(100),
      p99_ms: fc.nat(1_000),
      non_2xx: fc.nat(10),
      errors: fc.nat(10),
      seconds: fc.nat(20),
    });
    fc.assert(
      fc.property(fc.array(arbitrary, { minLength: 1, maxLength: 4 }), (runs) => {
        const all = combineMeasurements(runs);
        expect(all.requests).toBe(runs.reduce((sum, m) => sum + m.requests, 0));
        expect(all.non_2xx + all.errors).toBe(runs.reduce((sum, m) => sum + m.non_2xx + m.errors, 0));
        expect(all.p99_ms).toBe(Math.max(...runs.map((m) => m.p99_ms)));
      }),
    );
  });
});
