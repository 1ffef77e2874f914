import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { competenceList, type Framework, type LevelCode, validateFramework } from '../../digisnap/framework';
import { NOT_ANSWERED, type ProtectedTeam, protectTeam, type TeamCounts } from '../../digisnap/protected-team';
import { type ScanResult, scoreAnswers } from '../../digisnap/scoring';
import { buildSchoolReport, priorityArea, schoolReportSchema } from './report';
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
    totalScoreSum: 0,
    overallLevels: zero(),
    areas: framework.areas.map((a) => ({ number: a.number, scoreSum: 0, levels: zero() })),
    competences: codes.map((code) => ({ code, levels: {} })),
    background: [{ question: 'experience', groups: ['0_5', '6_10', NOT_ANSWERED].map((value) => ({ value, bands: { A: 0, B: 0, C: 0 } })) }],
  };
  for (const { result, experience } of scans) {
    counts.totalScoreSum += result.total;
    counts.overallLevels[result.level] += 1;
    result.areas.forEach((area, i) => {
      counts.areas[i].scoreSum += area.score;
      counts.areas[i].levels[area.level] += 1;
    });
    result.competences.forEach((c, i) => {
      const cell = (counts.competences[i].levels[c.level] ??= { count: 0, pointsSum: 0 });
      cell.count += 1;
      cell.pointsSum += c.points;
    });
    counts.background[0].groups.find((g) => g.value === (experience ?? NOT_ANSWERED))!.bands[result.band] += 1;
  }
  return counts;
}

const team = (options: number[], threshold = 5, experience?: (i: number) => string | undefined) =>
  protectTeam(tally(options.map((o, i) => ({ result: scan(o), experience: experience?.(i) }))), framework, threshold);
const repeat = (option: number, n: number) => Array<number>(n).fill(option);
/** 5 at A2, 5 at B1, 5 at C2. */
const mixed = team([...repeat(1, 5), ...repeat(2, 5), ...repeat(4, 5)]);

const campaign = { id: 'c2', schoolId: 's', schoolName: 'VBS De Linde', frameworkId: 'digcompedu', frameworkVersion: '2017.1', opensOn: '2026-12-01', closesOn: '2026-12-14' };
const report = (t: ProtectedTeam, extra: Partial<Parameters<typeof buildSchoolReport>[0]> = {}) =>
  buildSchoolReport({ campaign, framework, team: t, publishedAt: '2026-12-15T10:00:00.000Z', previous: null, flanders: null, sameLevel: null, ...extra });

describe('protectTeam', () => {
  it('refuses a team under the threshold: no table of such a group is ever made', () => {
    expect(() => team(repeat(2, 4))).toThrow(/below the threshold/);
    expect(() => team(repeat(2, 6), 7)).toThrow(/below the threshold 7/);
  });

  it('shows bands, B-or-above and levels of 5 or more, and hides zeros with what gives them away', () => {
    const t = team([...repeat(1, 5), ...repeat(2, 5), ...repeat(4, 5)]);
    expect(t.overall.bands.map((b) => [b.band, b.count, b.share])).toEqual([
      ['A', 5, 33.3],
      ['B', 5, 33.3],
      ['C', 5, 33.3],
    ]);
    expect(t.overall.bOrAbove).toEqual({ count: 10, share: 66.7, suppressed: false });
    expect(t.competences[0].levels.map((l) => [l.level, l.count, l.meanPoints])).toEqual([
      ['A1', null, null],
      ['A2', null, null],
      ['B1', 5, 2],
      ['B2', null, null],
      ['C1', 5, 4],
    ]);
    expect(t.meanTotal).toBeCloseTo((22 * 5 + 44 * 5 + 88 * 5) / 15, 1);
  });

  it('never shows B-or-above beside a hidden A: it would be the respondents minus A', () => {
    const t = team([...repeat(1, 3), ...repeat(2, 9)]);
    expect(t.overall.bands.find((b) => b.band === 'A')!.suppressed).toBe(true);
    expect(t.overall.bOrAbove.suppressed).toBe(true);
  });

  it('hides a background group of 1–4 and the groups it could be told from', () => {
    const t = team([...repeat(2, 6), ...repeat(4, 6)], 5, (i) => (i === 0 ? '0_5' : i < 7 ? '6_10' : undefined));
    const groups = t.breakdowns[0].groups;
    expect(groups.find((g) => g.value === '0_5')!.respondents.suppressed).toBe(true);
    expect(groups.filter((g) => g.respondents.suppressed).length).toBeGreaterThanOrEqual(2);
    expect(groups.flatMap((g) => g.bands).every((b) => b.suppressed || b.count! >= 5)).toBe(true);
  });
});

describe('buildSchoolReport', () => {
  it('holds to its contract, with the KD norms', () => {
    const r = schoolReportSchema.parse(report(mixed));
    expect(r.norms.everyTeacherAtLeastB).toEqual({ target: 100, share: 66.7, suppressed: false, status: 'not_met' });
    expect(r.norms.someCInEverySchool).toEqual({ count: 5, suppressed: false, status: 'met' });
    const allB = report(team(repeat(2, 10)));
    expect(allB.norms.everyTeacherAtLeastB.status).toBe('not_shown');
    expect(allB.norms.someCInEverySchool.status).toBe('not_shown');
  });

  it('shows growth only where both campaigns show the share', () => {
    const before = report(team([...repeat(1, 10), ...repeat(2, 5), ...repeat(4, 5)]));
    const now = report(mixed, { previous: { campaignId: 'c1', opensOn: '2026-01-10', report: before } });
    expect(now.growth).toMatchObject({ previousCampaignId: 'c1', overall: { previous: 50, current: 66.7, change: 16.7 } });
    const hiddenNow = report(team([...repeat(1, 3), ...repeat(2, 9)]), { previous: { campaignId: 'c1', opensOn: '2026-01-10', report: before } });
    expect(hiddenNow.growth!.overall).toEqual({ previous: 50, current: null, change: null });
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

describe('priorityArea', () => {
  const area = (number: number, shareAtA: number | null, meanShare: number) => ({
    number,
    name: { nl: `${number}`, en: `${number}` },
    meanShare,
    bands: [{ band: 'A' as const, count: shareAtA === null ? null : 5, share: shareAtA, suppressed: shareAtA === null }],
  });

  it('takes the largest shown share at A, ties to the lowest mean', () => {
    expect(priorityArea([area(1, 30, 50), area(2, 40, 60), area(3, 40, 55)], 'A')).toMatchObject({ number: 3, basis: 'largest_share_at_a' });
  });

  it('ignores hidden shares, and falls back to the lowest mean when none is shown', () => {
    expect(priorityArea([area(1, null, 10), area(2, 20, 60)], 'A')).toMatchObject({ number: 2 });
    expect(priorityArea([area(1, null, 40), area(2, null, 30)], 'A')).toMatchObject({ number: 2, basis: 'lowest_mean', shareAtA: null });
    expect(priorityArea([], 'A')).toBeNull();
  });
});

describe('schoolReportCsv', () => {
  it('writes every number of the report once, suppressed cells empty and marked', () => {
    const csv = schoolReportCsv(report(mixed));
    expect(csv.startsWith('\uFEFFtabel;onderdeel;categorie;aantal;aandeel_pct;gemiddelde;verborgen\r\n')).toBe(true);
    const lines = csv.slice(1).trim().split('\r\n');
    expect(lines).toContain('team;VBS De Linde;C;5;33,3;;nee');
    expect(lines).toContain('norm;elke leraar minstens B;not_met;;66,7;;nee');
    expect(lines.filter((l) => l.startsWith('competentie;')).length).toBe(22 * 5);
    expect(lines.filter((l) => l.endsWith(';ja')).every((l) => l.split(';')[3] === '' && l.split(';')[4] === '')).toBe(true);
    expect(schoolReportCsv(report(mixed), 'en')).toContain('\uFEFFtable;part;category;count;share_pct;mean;suppressed');
  });
});
