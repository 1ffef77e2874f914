import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LEVEL_CODES } from './framework';
import { buildProfile, extendProfile, parseProfileRanking, profileRankingText, type SubmittedResult } from './profile';
import type { ScanResult } from './scoring';

const result = (areaScores: number[]): ScanResult => ({
  total: areaScores.reduce((a, b) => a + b, 0),
  maxTotal: 88,
  level: 'B1',
  band: 'B',
  areas: areaScores.map((score, i) => ({ number: i + 1, score, max: 16, level: 'B1', band: 'B' })),
  competences: [],
  priorities: [],
});
const scan = (id: string, day: number, areaScores: number[], frameworkId = 'digcompedu', frameworkVersion = '2017.1'): SubmittedResult => ({
  scanId: id,
  frameworkId,
  frameworkVersion,
  submittedAt: `2026-01-${String(day).padStart(2, '0')}T10:00:00.000Z`,
  result: result(areaScores),
});

describe('buildProfile', () => {
  it('has no profile before the first submitted scan, and no growth after only one', () => {
    expect(buildProfile([])).toBeNull();
    const first = buildProfile([scan('a', 1, [4, 4, 4, 4, 4, 4])]);
    expect(first?.scanId).toBe('a');
    expect(first?.growth).toBeNull();
    expect(first?.history).toHaveLength(1);
  });

  it('shows the change per area since the previous scan of the same framework', () => {
    const profile = buildProfile([scan('a', 1, [4, 4, 4, 4, 4, 4]), scan('other', 2, [9, 9, 9, 9, 9, 9], 'another-framework'), scan('b', 3, [6, 3, 4, 8, 4, 5])]);
    expect(profile?.scanId).toBe('b');
    expect(profile?.growth).toEqual({
      since: '2026-01-01T10:00:00.000Z',
      totalChange: 6,
      areas: [2, -1, 0, 4, 0, 1].map((change, i) => ({ number: i + 1, change })),
    });
    expect(profile?.history.map((h) => h.scanId)).toEqual(['a', 'other', 'b']);
  });

  it('compares with the previous scan of the same version only: CheckIn points and level positions do not subtract', () => {
    const profile = buildProfile([scan('a', 1, [4, 4, 4, 4, 4, 4]), scan('b', 2, [6, 6, 6, 6, 6, 6], 'digcompedu', '2026.1')]);
    expect(profile?.growth).toBeNull();
    expect(profile?.history.map((h) => h.frameworkVersion)).toEqual(['2017.1', '2026.1']);
    const later = buildProfile([scan('a', 1, [4, 4, 4, 4, 4, 4]), scan('b', 2, [6, 6, 6, 6, 6, 6], 'digcompedu', '2026.1'), scan('c', 3, [7, 6, 6, 6, 6, 6], 'digcompedu', '2026.1')]);
    expect(later?.growth).toMatchObject({ since: '2026-01-02T10:00:00.000Z', totalChange: 1 });
  });

  it('keeps area changes summing to the change in total (property)', () => {
    const scores = fc.array(fc.integer({ min: 0, max: 16 }), { minLength: 6, maxLength: 6 });
    fc.assert(
      fc.property(scores, scores, (before, after) => {
        const profile = buildProfile([scan('a', 1, before), scan('b', 2, after)])!;
        const sum = profile.growth!.areas.reduce((total, area) => total + area.change, 0);
        expect(sum).toBe(profile.growth!.totalChange);
      }),
    );
  });
});

describe('extendProfile', () => {
  const stored = (scans: SubmittedResult[]) => JSON.parse(JSON.stringify(buildProfile(scans))) as NonNullable<ReturnType<typeof buildProfile>>;

  it('adds a first scan of a new version without growth, and the next one of that version with growth since it', () => {
    const first = scan('a', 1, [4, 4, 4, 4, 4, 4]);
    const second = scan('b', 2, [6, 6, 6, 6, 6, 6], 'digcompedu', '2026.1');
    const third = scan('c', 3, [7, 6, 5, 6, 6, 6], 'digcompedu', '2026.1');
    expect(extendProfile(stored([first]), second)).toEqual(buildProfile([first, second]));
    expect(extendProfile(stored([first, second]), third)).toEqual(buildProfile([first, second, third]));
    expect(extendProfile(stored([first, second]), third)?.growth).toMatchObject({ since: second.submittedAt, totalChange: 0 });
  });

  it('answers null when the new scan is not strictly the latest: the order is then the database’s', () => {
    const first = scan('a', 2, [4, 4, 4, 4, 4, 4]);
    expect(extendProfile(stored([first]), scan('b', 2, [5, 5, 5, 5, 5, 5]))).toBeNull();
    expect(extendProfile(stored([first]), scan('b', 1, [5, 5, 5, 5, 5, 5]))).toBeNull();
    expect(extendProfile(stored([first]), { ...scan('b', 2, [5, 5, 5, 5, 5, 5]), submittedAt: '2026-01-02T10:00:00.001Z' })).not.toBeNull();
  });

  it('answers null when an earlier scan of the version may be of another framework: the history keeps no framework id', () => {
    const history = [scan('a', 1, [4, 4, 4, 4, 4, 4]), scan('b', 2, [6, 6, 6, 6, 6, 6], 'digcompedu', '2026.1')];
    expect(extendProfile(stored(history), scan('c', 3, [5, 5, 5, 5, 5, 5]))).toBeNull();
    // The latest scan's framework id is the profile's: another framework with the same version does not count.
    const other = scan('c', 3, [5, 5, 5, 5, 5, 5], 'another-framework', '2026.1');
    expect(extendProfile(stored(history), other)).toEqual(buildProfile([...history, other]));
    expect(extendProfile(stored(history), other)?.growth).toBeNull();
  });

  it('answers null for a stored profile whose latest point is not its scan', () => {
    const profile = stored([scan('a', 1, [4, 4, 4, 4, 4, 4])]);
    expect(extendProfile({ ...profile, scanId: 'z' }, scan('b', 2, [5, 5, 5, 5, 5, 5]))).toBeNull();
    expect(extendProfile({ ...profile, history: [] }, scan('b', 2, [5, 5, 5, 5, 5, 5]))).toBeNull();
  });

  const scanArbitrary = fc.record({
    frameworkId: fc.constantFrom('digcompedu', 'another-framework'),
    frameworkVersion: fc.constantFrom('2017.1', '2026.1', '2030.1'),
    gapMs: fc.integer({ min: 0, max: 3 * 86_400_000 }),
    areaScores: fc.array(fc.integer({ min: 0, max: 16 }), { minLength: 1, maxLength: 7 }),
  });
  const scansOf = (drawn: Array<{ frameworkId: string; frameworkVersion: string; gapMs: number; areaScores: number[] }>): SubmittedResult[] => {
    let at = Date.parse('2025-01-01T00:00:00.000Z');
    return drawn.map((d, i) => {
      at += d.gapMs;
      return { scanId: `s${i}`, frameworkId: d.frameworkId, frameworkVersion: d.frameworkVersion, submittedAt: new Date(at).toISOString(), result: result(d.areaScores) };
    });
  };

  it('equals buildProfile over every scan whenever it answers, byte for byte as stored (property)', () => {
    fc.assert(
      fc.property(fc.array(scanArbitrary, { minLength: 2, maxLength: 8 }), (drawn) => {
        const scans = scansOf(drawn);
        for (let k = 1; k < scans.length; k += 1) {
          const extended = extendProfile(stored(scans.slice(0, k)), scans[k]);
          if (extended !== null) expect(JSON.stringify(extended)).toBe(JSON.stringify(buildProfile(scans.slice(0, k + 1))));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('always answers for one framework whose versions only move forward, scans strictly later (property)', () => {
    const forward = fc.array(
      fc.record({
        versionStep: fc.integer({ min: 0, max: 3 }),
        gapMs: fc.integer({ min: 1, max: 86_400_000 }),
        areaScores: fc.array(fc.integer({ min: 0, max: 16 }), { minLength: 6, maxLength: 6 }),
      }),
      { minLength: 2, maxLength: 8 },
    );
    fc.assert(
      fc.property(forward, (drawn) => {
        let version = 0;
        const scans = scansOf(
          drawn.map((d) => {
            version += d.versionStep === 0 ? 1 : 0;
            return { frameworkId: 'digcompedu', frameworkVersion: `${2017 + version}.1`, gapMs: d.gapMs, areaScores: d.areaScores };
          }),
        );
        for (let k = 1; k < scans.length; k += 1) {
          expect(extendProfile(stored(scans.slice(0, k)), scans[k])).toEqual(buildProfile(scans.slice(0, k + 1)));
        }
      }),
    );
  });
});

describe('profileRankingText', () => {
  const profileWith = (competences: ScanResult['competences'], priorities: ScanResult['priorities']) => {
    const profile = buildProfile([scan('a', 1, [4, 4, 4, 4, 4, 4])])!;
    return { ...profile, result: { ...profile.result, competences, priorities } };
  };
  const tip = { nl: 'tip', en: 'tip' };

  it('keeps what the ranking reads, also of a profile without competences or priorities', () => {
    const profile = profileWith(
      [
        { code: '1.1', areaNumber: 1, points: 0, level: 'A1' },
        { code: '6.5', areaNumber: 6, points: 4, level: 'C2' },
      ],
      [{ code: '6.5', areaNumber: 6, points: 4, level: 'C2', tip }],
    );
    expect(parseProfileRanking(profileRankingText(profile))).toEqual({
      scanId: 'a',
      submittedAt: '2026-01-01T10:00:00.000Z',
      frameworkId: 'digcompedu',
      frameworkVersion: '2017.1',
      competences: [
        { code: '1.1', level: 'A1', points: 0 },
        { code: '6.5', level: 'C2', points: 4 },
      ],
      priorities: ['6.5'],
    });
    expect(parseProfileRanking(profileRankingText(profileWith([], []))).competences).toEqual([]);
  });

  it('reads back every competence and priority as the profile has them', () => {
    const competence = fc.record({ code: fc.string(), areaNumber: fc.integer({ min: 1, max: 6 }), points: fc.integer({ min: 0, max: 4 }), level: fc.constantFrom(...LEVEL_CODES) });
    fc.assert(
      fc.property(fc.array(competence, { maxLength: 30 }), fc.array(competence, { maxLength: 5 }), (competences, priorities) => {
        const ranking = parseProfileRanking(
          profileRankingText(
            profileWith(
              competences,
              priorities.map((p) => ({ ...p, tip })),
            ),
          ),
        );
        expect(ranking.competences).toEqual(competences.map(({ code, level, points }) => ({ code, level, points })));
        expect(ranking.priorities).toEqual(priorities.map((p) => p.code));
      }),
    );
  });
});
