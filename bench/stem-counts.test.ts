import { describe, expect, it } from 'vitest';
import { seededRandom } from '../src/server/demo/simulated-answers';
import { provinces } from '../src/shared/platform/flanders';
import { isSchoolYear, stemCategories, stemMomentsOfLevel, stemProgrammeTypesOfLevel } from '../src/shared/stem/vocabulary';
import { STEM_YEARS, type StemCountRow, stemCountGenerator, stemSchoolsFor } from './stem-counts';

/** Every row of the 15 years for `rows`, and the STEM share of a moment in a year. */
function generate(rows: number) {
  const all: StemCountRow[] = [];
  const generator = stemCountGenerator(stemSchoolsFor(rows), seededRandom(7));
  for (const year of STEM_YEARS) generator(year, (row) => all.push(row));
  const share = (year: string, moment: string) => {
    const of = all.filter((row) => row.school_year === year && row.moment === moment);
    const sum = (list: StemCountRow[]) => list.reduce((total, row) => total + row.count, 0);
    return sum(of.filter((row) => row.stem_category === 'stem')) / sum(of);
  };
  return { all, share };
}

describe('the STEM benchmark counts', () => {
  const { all, share } = generate(200_000);

  it('makes about as many rows as asked, 15 school years from 2009-2010', () => {
    expect(all.length).toBeGreaterThan(190_000);
    expect(all.length).toBeLessThan(210_000);
    expect(STEM_YEARS).toHaveLength(15);
    expect(STEM_YEARS[0]).toBe('2009-2010');
    expect(STEM_YEARS.at(-1)).toBe('2023-2024');
  });

  it('writes only what the import accepts: known codes, whole counts, one row per key', () => {
    const keys = new Set<string>();
    const bad = all.filter(
      (row) =>
        !isSchoolYear(row.school_year) ||
        !(stemMomentsOfLevel[row.level] as readonly string[]).includes(row.moment) ||
        !(stemProgrammeTypesOfLevel[row.level] as readonly string[]).includes(row.programme_type) ||
        !(provinces as readonly string[]).includes(row.province) ||
        !stemCategories.includes(row.stem_category) ||
        !Number.isInteger(row.count) ||
        row.count < 0,
    );
    expect(bad).toEqual([]);
    for (const row of all) keys.add([row.school_year, row.level, row.moment, row.programme_type, row.province, row.stem_category, row.gender, row.domain, row.school_number].join('|'));
    expect(keys.size).toBe(all.length);
  });

  it('follows the published shares: 33.50% at the year-3 baseline, 36.4% for the 2nd and 3rd grade in 2023-24', () => {
    // A few hundred rows per school location: at this size each figure is within a point.
    expect(share('2010-2011', 'year3_inflow')).toBeCloseTo(0.335, 1);
    expect(share('2023-2024', 'grade23')).toBeCloseTo(0.364, 1);
    expect(share('2019-2020', 'inflow')).toBeCloseTo(0.4725, 1);
  });

  it('is the same for the same seed', () => {
    expect(generate(20_000).all).toEqual(generate(20_000).all);
  });
});
