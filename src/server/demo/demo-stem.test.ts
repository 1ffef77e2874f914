import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateStemContent } from '../../shared/stem/content';
import { definitionFor, tallyIndicator } from '../../shared/stem/indicators';
import { along, apportion, demoStemCounts } from './demo-stem';

const checked = validateStemContent(JSON.parse(readFileSync(new URL('../../../content/stem/monitor.json', import.meta.url), 'utf8')));
if (!checked.ok) throw new Error(checked.errors.join('\n'));
const content = checked.content;
const counts = demoStemCounts();

function share(indicatorId: string, year: string): number {
  const rule = content.indicators.find((indicator) => indicator.id === indicatorId)!;
  const tally = tallyIndicator(
    rule,
    definitionFor(content.definitions, rule.level, year),
    counts.filter((count) => count.year === year),
  );
  return tally.numerator / tally.denominator;
}

describe('the demo STEM counts', () => {
  it('hit the published headline figures exactly (DOMAIN.md §5.2)', () => {
    expect(share('secondary_year3_stem_share', '2010-2011')).toBeCloseTo(0.335, 10);
    expect(share('secondary_year3_stem_share', '2018-2019')).toBeCloseTo(0.3613, 4);
    expect(share('secondary_year5_stem_share', '2018-2019')).toBeCloseTo(0.4464, 4);
    expect(share('secondary_grade23_stem_share', '2023-2024')).toBeCloseTo(0.364, 4);
    expect(share('secondary_stem_girls_share', '2010-2011')).toBeCloseTo(0.274, 4);
    expect(share('higher_inflow_stem_share', '2019-2020')).toBeCloseTo(0.4725, 4);
    expect(share('adult_stem_women_share', '2013-2014')).toBeCloseTo(0.4716, 4);
    expect(share('adult_stem_women_share', '2017-2018')).toBeCloseTo(0.4648, 4);
  });

  it('decline three years in a row for the 2nd and 3rd grade up to 2023-2024', () => {
    const years = ['2020-2021', '2021-2022', '2022-2023', '2023-2024'].map((year) => share('secondary_grade23_stem_share', year));
    expect(years).toEqual([...years].sort((a, b) => b - a));
  });

  it('span 2010-2011 to 2023-2024, adult education from its 2013-2014 baseline, with no negative count, domains only after the reform', () => {
    const years = [...new Set(counts.map((count) => count.year))].sort();
    expect([years[0], years.at(-1), years.length]).toEqual(['2010-2011', '2023-2024', 14]);
    expect(
      counts
        .filter((count) => count.level === 'adult')
        .map((count) => count.year)
        .sort()[0],
    ).toBe('2013-2014');
    expect(counts.every((count) => Number.isInteger(count.count) && count.count >= 0)).toBe(true);
    expect(counts.filter((count) => count.domain !== null).every((count) => count.level === 'secondary' && count.year >= '2022-2023')).toBe(true);
    expect(demoStemCounts()).toEqual(counts);
  });

  it('apportions whole numbers that add up, and interpolates between anchors', () => {
    expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(apportion(0, [0, 0])).toEqual([0, 0]);
    expect(
      along(
        [
          [2010, 0.3],
          [2020, 0.4],
        ],
        2015,
      ),
    ).toBeCloseTo(0.35);
    expect(along([[2010, 0.3]], 2030)).toBe(0.3);
  });
});
