import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Aim, competenceList, type Framework, type LevelCode, validateFramework } from '../../digisnap/framework';
import { drawNoise, NOT_ANSWERED, type ProtectedTeam, protectTeam, type TeamCounts } from '../../digisnap/protected-team';
import { type ScanResult, scoreAnswers } from '../../digisnap/scoring';
import { seededUniform } from '../../platform/differential-privacy';
import { aimGap, buildSchoolReport, priorityArea, schoolReportSchema, teamAgainstAim } from './report';
import { schoolReportCsv } from './report-csv';

const CONTENT_URL = new URL('../../../../content/frameworks/digcompedu-2017.json', import.meta.url);
const framework: Framework = (() => {
  const result = validateFramework(JSON.parse(readFileSync(CONTENT_URL, 'utf8')));
  if (!result.ok) throw new Error('the shipped framework is invalid');
  return result.framework;
})();
const codes = competenceList(framework).map((c) => c.code);

/** A scan answered with the same option everywhere (0 = A1 … 4 = C1). */
const scan = (option: number): ScanResult => scoreAnswers(framework, Object.fromEntries(codes.map((code) => [code, option])));

/** Tallies scans the way the digisnap module does, for building protected teams in tests. */
function tally(scans: Array<{ result: ScanResult; experience?: string }>): TeamCounts {
  const zero = () => Object.fromEntries(framework.levels.map((l) => [l.code, 0])) as Record<LevelCode, number>;
  const counts: TeamCounts = {
    respondents: scans.length,
    overallLevels: zero(),
    areas: framework.areas.map((a) => ({ number: a.number, levels: zero() })),
    competences: codes.map((code) => ({ code, levels: {} })),
    background: [{ question: 'experience', groups: ['0_5', '6_10', NOT_ANSWERED].map((value) => ({ value, bands: { A: 0, B: 0, C: 0 } })) }],
  };
  for (const { result, experience } of scans) {
    counts.overallLevels[result.level] += 1;
    result.areas.forEach((area, i) => {
      counts.areas[i].levels[area.level] += 1;
    });
    result.competences.forEach((c, i) => {
      counts.competences[i].levels[c.level] = (counts.competences[i].levels[c.level] ?? 0) + 1;
    });
    counts.background[0].groups.find((g) => g.value === (experience ?? NOT_ANSWERED))!.bands[result.band] += 1;
  }
  return counts;
}

/** A uniform source whose draws give no noise at all: the tables of the true counts, to check the arithmetic. */
const noNoise = () => 0.999_999_9;
const team = (options: number[], threshold = 5, experience?: (i: number) => string | undefined, uniform: () => number = noNoise) =>
  protectTeam(drawNoise(tally(options.map((o, i) => ({ result: scan(o), experience: experience?.(i) }))), framework, 1, uniform), framework, threshold);
const repeat = (option: number, n: number) => Array<number>(n).fill(option);
/** 5 at A2, 5 at B1, 5 at C2. */
const mixed = team([...repeat(1, 5), ...repeat(2, 5), ...repeat(4, 5)]);

type ShareAim = Extract<Aim, { kind: 'share_at_or_above' }>;
type CountAim = Extract<Aim, { kind: 'count_at_or_above' }>;
const shareAim = framework.aims.find((a): a is ShareAim => a.kind === 'share_at_or_above')!;
const countAim = framework.aims.find((a): a is CountAim => a.kind === 'count_at_or_above')!;

const campaign = { id: 'c2', schoolId: 's', schoolName: 'VBS De Linde', frameworkId: 'digcompedu', frameworkVersion: '2017.1', opensOn: '2026-12-01', closesOn: '2026-12-14' };
const report = (t: ProtectedTeam, extra: Partial<Parameters<typeof buildSchoolReport>[0]> = {}) =>
  buildSchoolReport({ campaign, framework, team: t, publishedAt: '2026-12-15T10:00:00.000Z', previous: null, flanders: null, sameLevel: null, ...extra });

describe('protectTeam', () => {
  it('refuses a team under the threshold: no table of such a group is ever made', () => {
    expect(() => team(repeat(2, 4))).toThrow(/below the threshold/);
    expect(() => team(repeat(2, 6), 7)).toThrow(/below the threshold 7/);
  });

  it('publishes the distribution over levels and bands of every area and competence, small cells included, and no mean', () => {
    const t = team([...repeat(1, 5), ...repeat(2, 5), ...repeat(4, 5)]);
    expect(t.overall.bands.map((b) => [b.band, b.count, b.share])).toEqual([
      ['A', 5, 33.3],
      ['B', 5, 33.3],
      ['C', 5, 33.3],
    ]);
    expect(t.overall.bOrAbove).toEqual({ count: 10, share: 66.7 });
    expect(t.competences[0].levels.map((l) => [l.level, l.count])).toEqual([
      ['A1', 0],
      ['A2', 5],
      ['B1', 5],
      ['B2', 0],
      ['C1', 5],
    ]);
    expect(t.competences[0].bands.map((b) => b.count)).toEqual([5, 5, 5]);
    // A group of one is shown, not hidden: the noise protects it.
    const small = team([...repeat(1, 1), ...repeat(2, 9)]);
    expect(small.overall.bands.find((b) => b.band === 'A')).toEqual({ band: 'A', count: 1, share: 10 });
    expect(JSON.stringify(t)).not.toMatch(/mean|Sum|score|points/);
  });

  it('states its noise: ε per table, the number of tables, the mean error and the 90 % bound', () => {
    expect(team(repeat(2, 6)).noise).toEqual({ epsilon: 1, histograms: 29 + framework.background.length, expectedError: 0.85, bound: 2, confidence: 0.9 });
  });

  it('splits a background question into its answers by band, as one histogram', () => {
    const t = team([...repeat(2, 6), ...repeat(4, 6)], 5, (i) => (i === 0 ? '0_5' : i < 7 ? '6_10' : undefined));
    const groups = t.breakdowns[0].groups;
    expect(groups.find((g) => g.value === '0_5')!.respondents).toEqual({ count: 1, share: 8.3 });
    expect(groups.find((g) => g.value === NOT_ANSWERED)!.bands.find((b) => b.band === 'C')).toEqual({ band: 'C', count: 5, share: 100 });
  });

  it('shows noisy counts with a seeded source: never negative, and not the true counts everywhere', () => {
    const noisy = team(repeat(2, 12), 5, undefined, seededUniform(11));
    const counts = noisy.competences.flatMap((c) => c.levels.map((l) => l.count));
    expect(counts.every((c) => c >= 0)).toBe(true);
    expect(counts.some((c, i) => c !== team(repeat(2, 12)).competences.flatMap((x) => x.levels.map((l) => l.count))[i])).toBe(true);
  });
});

describe('buildSchoolReport', () => {
  it('holds to its contract, with the KD aims read from the framework file and how far the team is from each', () => {
    const r = schoolReportSchema.parse(report(mixed));
    expect(r.norms.map((n) => [n.id, n.kind, n.band, n.aim, n.value, n.gap, n.status])).toEqual([
      ['every_teacher_at_least_b', 'share_at_or_above', 'B', 100, 66.7, 33.3, 'to_go'],
      ['some_c_in_every_school', 'count_at_or_above', 'C', 1, 5, 0, 'reached'],
    ]);
    expect(r.norms[0].label).toEqual(framework.aims[0].label);
    expect(r.norms[0].source.url).toMatch(/^https:\/\/www\.vlaanderen\.be\/kenniscentrum-digisprong\//);
    const allB = report(team(repeat(2, 10)));
    expect(allB.norms.map((n) => [n.gap, n.status])).toEqual([
      [0, 'reached'],
      [1, 'to_go'],
    ]);
    expect(r.noise.histograms).toBeGreaterThan(29);
    expect(Object.keys(r)).not.toContain('meanTotal');
  });

  it('shows growth in the share at B or above since the previous campaign', () => {
    const before = report(team([...repeat(1, 10), ...repeat(2, 5), ...repeat(4, 5)]));
    const now = report(mixed, { previous: { campaignId: 'c1', opensOn: '2026-01-10', report: before } });
    expect(now.growth).toMatchObject({ previousCampaignId: 'c1', overall: { previous: 50, current: 66.7, change: 16.7 } });
  });

  it('puts comparisons in whole percentages', () => {
    const r = report(mixed, { flanders: { schools: 12, team: mixed }, sameLevel: { schools: 4, educationLevel: 'primary', team: mixed } });
    expect(r.comparisons.flanders).toMatchObject({ schools: 12, bOrAbove: 67 });
    expect(r.comparisons.sameLevel).toMatchObject({ schools: 4, educationLevel: 'primary' });
    expect(r.comparisons.flanders!.areas[0].bands).toEqual([
      { band: 'A', share: 33 },
      { band: 'B', share: 33 },
      { band: 'C', share: 33 },
    ]);
  });
});

describe('the aims come from the framework file', () => {
  it('a file with another target or another band changes the report, and no aim in the file means none in the report', () => {
    const [share, count] = [shareAim, countAim];
    const other: Framework = {
      ...framework,
      aims: [
        { ...share, id: 'most_teachers_at_least_b', target: 60 },
        { ...count, id: 'three_at_c', atLeast: 3 },
        { ...share, id: 'half_at_c', band: 'C', target: 50 },
      ],
    };
    const r = report(mixed, { framework: other });
    expect(r.norms.map((n) => [n.id, n.aim, n.value, n.gap, n.status])).toEqual([
      ['most_teachers_at_least_b', 60, 66.7, 0, 'reached'],
      ['three_at_c', 3, 5, 0, 'reached'],
      ['half_at_c', 50, 33.3, 16.7, 'to_go'],
    ]);
    expect(report(mixed, { framework: { ...framework, aims: [] } }).norms).toEqual([]);
  });

  it('every shipped framework file carries the two KD aims', () => {
    for (const name of ['digcompedu-2017.json', 'digcompedu-2026.json']) {
      const result = validateFramework(JSON.parse(readFileSync(new URL(`../../../../content/frameworks/${name}`, import.meta.url), 'utf8')));
      if (!result.ok) throw new Error(`${name} is invalid`);
      expect(result.framework.aims.map((a) => [a.id, a.kind, a.band])).toEqual([
        ['every_teacher_at_least_b', 'share_at_or_above', 'B'],
        ['some_c_in_every_school', 'count_at_or_above', 'C'],
      ]);
    }
  });
});

describe('aimGap and teamAgainstAim', () => {
  const bands = (a: number, b: number, c: number) => [
    { band: 'A' as const, count: a },
    { band: 'B' as const, count: b },
    { band: 'C' as const, count: c },
  ];

  it('at 0 %, the whole aim to go; exactly at the aim, reached with 0 to go; above it, still 0 to go', () => {
    expect(teamAgainstAim(shareAim, framework, bands(10, 0, 0))).toMatchObject({ value: 0, gap: 100, status: 'to_go' });
    expect(teamAgainstAim(shareAim, framework, bands(0, 7, 3))).toMatchObject({ value: 100, gap: 0, status: 'reached' });
    expect(teamAgainstAim({ ...shareAim, target: 70 }, framework, bands(3, 7, 0))).toMatchObject({ value: 70, gap: 0, status: 'reached' });
    expect(teamAgainstAim({ ...shareAim, target: 70 }, framework, bands(2, 8, 0))).toMatchObject({ value: 80, gap: 0, status: 'reached' });
    expect(teamAgainstAim({ ...shareAim, target: 70 }, framework, bands(4, 6, 0))).toMatchObject({ value: 60, gap: 10, status: 'to_go' });
    expect(teamAgainstAim(countAim, framework, bands(5, 5, 0))).toMatchObject({ value: 0, gap: 1, status: 'to_go' });
    expect(teamAgainstAim(countAim, framework, bands(5, 5, 1))).toMatchObject({ value: 1, gap: 0, status: 'reached' });
    expect(teamAgainstAim(countAim, framework, bands(5, 5, 4))).toMatchObject({ value: 4, gap: 0, status: 'reached' });
    expect(teamAgainstAim(shareAim, framework, bands(0, 0, 0))).toMatchObject({ value: 0, gap: 100, status: 'to_go' });
    expect(aimGap(100, 0)).toBe(100);
    expect(aimGap(100, 100)).toBe(0);
    expect(aimGap(100, 100.1)).toBe(0);
    expect(aimGap(100, 72)).toBe(28);
  });

  it('never gives a negative gap, is 0 exactly when the team is at or past the aim, and value plus gap is the aim below it', () => {
    fc.assert(
      fc.property(fc.nat(50), fc.nat(50), fc.nat(50), fc.integer({ min: 0, max: 100 }), (a, b, c, target) => {
        const norm = teamAgainstAim({ ...shareAim, target }, framework, bands(a, b, c));
        expect(norm.gap).toBeGreaterThanOrEqual(0);
        expect(norm.status === 'reached').toBe(norm.value >= target);
        expect(norm.gap === 0).toBe(norm.value >= target);
        if (norm.value < target) expect(norm.value + norm.gap).toBeCloseTo(target, 5);
      }),
    );
  });
});

describe('priorityArea', () => {
  const area = (number: number, shareAtA: number, bOrAbove: number) => ({
    number,
    name: { nl: `${number}`, en: `${number}` },
    bOrAbove: { count: 5, share: bOrAbove },
    bands: [{ band: 'A' as const, count: 5, share: shareAtA }],
  });

  it('takes the largest share at A, ties to more at the lowest levels, then the lower number', () => {
    expect(priorityArea([area(1, 30, 70), area(2, 40, 60), area(3, 40, 60)], 'A')).toMatchObject({ number: 2, basis: 'largest_share_at_a', shareAtA: 40, shareBOrAbove: 60 });
    const withLevels = (number: number, a1: number) => ({ ...area(number, 40, 60), levels: [{ share: a1 }, { share: 40 - a1 }] });
    expect(priorityArea([withLevels(1, 10), withLevels(6, 30)], 'A')).toMatchObject({ number: 6 });
    expect(priorityArea([area(4, 40, 60), area(2, 40, 60)], 'A')).toMatchObject({ number: 2 });
    expect(priorityArea([], 'A')).toBeNull();
  });

  it('is deterministic: the same areas in any order give the same area', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 })), { minLength: 1, maxLength: 6 }), (shares) => {
        const areas = shares.map(([a, b], i) => area(i + 1, a, b));
        expect(priorityArea([...areas].reverse(), 'A')).toEqual(priorityArea(areas, 'A'));
      }),
    );
  });
});

describe('schoolReportCsv', () => {
  it('writes every number of the report once, with the note on its noise and no mean column', () => {
    const csv = schoolReportCsv(report(mixed));
    expect(csv.startsWith('\uFEFFtabel;onderdeel;categorie;aantal;aandeel_pct;verborgen\r\n')).toBe(true);
    const lines = csv.slice(1).trim().split('\r\n');
    expect(lines).toContain('team;VBS De Linde;C;5;33,3;nee');
    expect(lines).toContain('streefdoel;Op termijn zit elke leraar minstens op B;nog 33,3 procentpunten;;66,7;nee');
    expect(lines).toContain('streefdoel;Elke school heeft enkele leraren op C;bereikt;5;;nee');
    expect(lines.some((l) => /gehaald|not_met/.test(l))).toBe(false);
    expect(lines.some((l) => l.startsWith('team;ruis;Elk aantal in dit rapport bevat een beetje willekeurige ruis') && l.includes('0,85') && l.includes('9 op 10'))).toBe(true);
    expect(lines.filter((l) => l.startsWith('competentie;')).length).toBe(22 * (5 + 3 + 1));
    expect(schoolReportCsv(report(mixed), 'en')).toContain('\uFEFFtable;part;category;count;share_pct;suppressed');
    expect(schoolReportCsv(report(mixed), 'en')).toContain('9 in 10 counts are off by at most 2');
  });

  it('names the publication in Brussels time and the priority in words, never as codes', () => {
    for (const language of ['nl', 'en'] as const) {
      const lines = schoolReportCsv(report(mixed), language).slice(1).trim().split('\r\n').slice(1);
      // No internal code (snake_case, an ISO instant) in any cell.
      expect(lines.filter((l) => /\b[a-z]+_[a-z_]+\b|\d{4}-\d{2}-\d{2}T/.test(l))).toEqual([]);
    }
    const nl = schoolReportCsv(report(mixed)).split('\r\n');
    // 10:00 UTC on 15 December is 11:00 in Brussels (winter time).
    expect(nl.some((l) => l.includes(';gepubliceerd;15/12/2026 11:00;'))).toBe(true);
    const summer = schoolReportCsv(report(mixed, { publishedAt: '2026-06-15T10:00:00.000Z' })).split('\r\n');
    expect(summer.some((l) => l.includes(';gepubliceerd;15/06/2026 12:00;'))).toBe(true);
    expect(nl.some((l) => /^prioriteit;.+;grootste aandeel op niveau A;;/.test(l))).toBe(true);
    expect(schoolReportCsv(report(mixed), 'en')).toContain(';largest share at level A;');
  });
});
