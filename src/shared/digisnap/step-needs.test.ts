import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seededUniform } from '../platform/differential-privacy';
import { ALL_LEVELS, releaseStepNeeds, type StepNeedGroupCounts } from './step-needs';

/** No noise at all: a uniform source always at the middle draws 0. */
const noNoise = () => 0.5;
const group = (province: string, level: string, competences: Array<[string, number, number]>): StepNeedGroupCounts => ({
  province,
  level,
  competences: competences.map(([code, below, atOrAbove]) => ({ code, below, atOrAbove })),
});
const cellOf = (release: ReturnType<typeof releaseStepNeeds>, province: string, level: string, competence: string) =>
  release.cells.find((c) => c.province === province && c.level === level && c.competence === competence);

describe('releaseStepNeeds at the boundaries', () => {
  it('shows counts of five and more, hides four and less, zero included', () => {
    const release = releaseStepNeeds(
      [
        group('limburg', 'primary', [
          ['5.2', 5, 20],
          ['1.1', 4, 30],
          ['2.1', 0, 40],
        ]),
      ],
      { epsilon: 1, uniform: noNoise, threshold: 5 },
    );
    expect(cellOf(release, 'limburg', 'primary', '5.2')).toMatchObject({ need: 5, scanned: 25 });
    expect(cellOf(release, 'limburg', 'primary', '1.1')).toMatchObject({ need: null, scanned: 34 });
    expect(cellOf(release, 'limburg', 'primary', '2.1')).toMatchObject({ need: null, scanned: 40 });
  });

  it('adds the levels of a province up and hides a level that the sum and the other level would give away', () => {
    const release = releaseStepNeeds([group('limburg', 'primary', [['5.2', 3, 20]]), group('limburg', 'secondary', [['5.2', 40, 60]])], { epsilon: 1, uniform: noNoise, threshold: 5 });
    expect(cellOf(release, 'limburg', 'primary', '5.2')?.need).toBeNull();
    // 43 − 40 would give the 3 back: the secondary level's 40 (or the sum) goes too.
    const secondary = cellOf(release, 'limburg', 'secondary', '5.2')!;
    const all = cellOf(release, 'limburg', ALL_LEVELS, '5.2')!;
    expect(secondary.need === null || all.need === null).toBe(true);
  });

  it('never goes below a threshold of five', () => {
    expect(releaseStepNeeds([], { epsilon: 1, uniform: noNoise, threshold: 2 }).threshold).toBe(5);
  });
});

describe('releaseStepNeeds, the privacy properties', () => {
  const groups = fc.uniqueArray(
    fc.record({
      province: fc.constantFrom('antwerpen', 'limburg'),
      level: fc.constantFrom('primary', 'secondary', 'adult'),
      counts: fc.array(fc.tuple(fc.nat(12), fc.nat(12)), { minLength: 2, maxLength: 2 }),
    }),
    { selector: (g) => `${g.province}|${g.level}`, maxLength: 6 },
  );
  const asGroups = (raw: Array<{ province: string; level: string; counts: Array<[number, number]> }>) =>
    raw.map((g) =>
      group(
        g.province,
        g.level,
        g.counts.map(([below, atOrAbove], i) => [`1.${i + 1}`, below, atOrAbove]),
      ),
    );

  it('publishes no count under five, and no hidden need follows from a shown line', () => {
    fc.assert(
      fc.property(groups, fc.integer(), (raw, seed) => {
        const release = releaseStepNeeds(asGroups(raw), { epsilon: 1, uniform: seededUniform(seed), threshold: 5 });
        for (const cell of release.cells) {
          if (cell.need !== null) expect(cell.need).toBeGreaterThanOrEqual(5);
          if (cell.scanned !== null) expect(cell.scanned).toBeGreaterThanOrEqual(5);
        }
        for (const province of new Set(release.cells.map((c) => c.province))) {
          for (const competence of ['1.1', '1.2']) {
            const levels = release.cells.filter((c) => c.province === province && c.competence === competence && c.level !== ALL_LEVELS);
            const all = cellOf(release, province, ALL_LEVELS, competence)!;
            // A province's sum shown beside its levels: never exactly one of them hidden.
            if (all.need !== null && levels.length > 1) expect(levels.filter((c) => c.need === null).length).not.toBe(1);
          }
        }
      }),
    );
  });

  it('lets one more teacher show only through the noise: with no noise the counts are exact, with noise they differ from them', () => {
    const raw = [group('antwerpen', 'primary', [['1.1', 100, 100]])];
    const exact = releaseStepNeeds(raw, { epsilon: 1, uniform: noNoise, threshold: 5 });
    expect(cellOf(exact, 'antwerpen', 'primary', '1.1')?.need).toBe(100);
    const draws = Array.from(
      { length: 50 },
      (_, seed) => cellOf(releaseStepNeeds(raw, { epsilon: 1, uniform: seededUniform(seed), threshold: 5 }), 'antwerpen', 'primary', '1.1')?.need,
    );
    expect(draws.some((need) => need !== 100)).toBe(true);
  });
});
