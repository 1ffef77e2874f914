import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { provinces } from '../platform/flanders';
import {
  breakdownGroups,
  changeFromBaselinePp,
  countsAsStem,
  indicatorOfYear,
  type StemCount,
  type StemIndicatorRule,
  stemValue,
  tallyByGroup,
  tallyIndicator,
  targetGap,
} from './indicators';
import { type StemCategory, type StemDefinition, stemCategories, stemGenders, stemProgrammeTypesOfLevel } from './vocabulary';

const year3: StemIndicatorRule = {
  id: 'secondary_year3_stem_share',
  level: 'secondary',
  moment: 'year3_inflow',
  countedCategories: ['stem'],
  numeratorGender: null,
  denominatorStemOnly: false,
  breakdowns: ['none', 'gender', 'province', 'programme_type', 'level'],
};
const girls: StemIndicatorRule = {
  ...year3,
  id: 'secondary_stem_girls_share',
  moment: 'year5_inflow',
  numeratorGender: 'f',
  denominatorStemOnly: true,
  breakdowns: ['none', 'province'],
};

const count = (overrides: Partial<StemCount>): StemCount => ({
  year: '2018-2019',
  level: 'secondary',
  moment: 'year3_inflow',
  programmeType: 'aso',
  province: 'antwerpen',
  category: 'stem',
  domain: null,
  gender: 'f',
  count: 10,
  ...overrides,
});

describe('tallies on hand-made counts', () => {
  const counts = [
    count({ category: 'stem', gender: 'f', count: 30 }),
    count({ category: 'stem', gender: 'm', count: 70 }),
    count({ category: 'care_stem', gender: 'f', count: 50 }),
    count({ category: 'non_stem', gender: 'm', count: 150, province: 'limburg' }),
    // Another moment and another level: outside the population.
    count({ moment: 'year5_inflow', count: 999 }),
    count({ level: 'higher', moment: 'inflow', count: 999 }),
  ];

  it('counts the STEM categories of the indicator over its population: 100 of 300', () => {
    expect(tallyIndicator(year3, 'categories_2012', counts)).toEqual({ numerator: 100, denominator: 300 });
    expect(stemValue(tallyIndicator(year3, 'categories_2012', counts))).toEqual({ status: 'shown', hidden: false, numerator: 100, denominator: 300, share: 1 / 3 });
  });

  it('counts girls among STEM pupils for a share of girls: 30 of 100', () => {
    const year5 = counts.map((c) => ({ ...c, moment: 'year5_inflow' as const }));
    expect(tallyIndicator(girls, 'categories_2012', year5.slice(0, 4))).toEqual({ numerator: 30, denominator: 100 });
  });

  it('splits by gender and province, every group of the level present, in a fixed order', () => {
    expect(Object.fromEntries(tallyByGroup(year3, 'categories_2012', counts, 'gender'))).toEqual({
      f: { numerator: 30, denominator: 80 },
      m: { numerator: 70, denominator: 220 },
      x: { numerator: 0, denominator: 0 },
    });
    const byProvince = indicatorOfYear(year3, 'categories_2012', counts, 'province');
    expect(byProvince.groups?.map((group) => group.key)).toEqual([...provinces]);
    expect(byProvince.groups?.find((group) => group.key === 'limburg')?.value).toEqual({ status: 'shown', hidden: false, numerator: 0, denominator: 150, share: 0 });
    expect(byProvince.groups?.find((group) => group.key === 'brussel')?.value.status).toBe('no_data');
  });

  it('gives no groups for a breakdown the indicator does not have (gender for a share of girls) or none', () => {
    expect(indicatorOfYear(girls, 'categories_2012', counts, 'gender').groups).toBeNull();
    expect(indicatorOfYear(year3, 'categories_2012', counts, 'none').groups).toBeNull();
    expect(indicatorOfYear(year3, 'categories_2012', counts, 'programme_type').groups?.map((group) => group.key)).toEqual([...stemProgrammeTypesOfLevel.secondary]);
    expect(breakdownGroups('level', 'adult')).toEqual(['adult']);
  });

  it('says no_data for a year without counts and for a group of nobody, never dividing by zero', () => {
    expect(indicatorOfYear(year3, 'categories_2012', null, 'gender')).toEqual({
      indicator: year3.id,
      definition: 'categories_2012',
      total: { status: 'no_data', hidden: false, numerator: null, denominator: null, share: null },
      groups: stemGenders.map((key) => ({ key, value: { status: 'no_data', hidden: false, numerator: null, denominator: null, share: null } })),
    });
    expect(stemValue({ numerator: 0, denominator: 0 }).status).toBe('no_data');
  });
});

describe('the small-number rule', () => {
  const hidden = { status: 'hidden', hidden: true, numerator: null, denominator: null, share: null };

  it('hides a numerator of 1 to 4, shows 0 and 5', () => {
    expect(stemValue({ numerator: 4, denominator: 100 })).toEqual(hidden);
    expect(stemValue({ numerator: 1, denominator: 100 })).toEqual(hidden);
    expect(stemValue({ numerator: 5, denominator: 100 }).status).toBe('shown');
    expect(stemValue({ numerator: 0, denominator: 100 }).status).toBe('shown');
  });

  it('hides a denominator of 1 to 4 and a complement (denominator − numerator) of 1 to 4', () => {
    expect(stemValue({ numerator: 0, denominator: 4 })).toEqual(hidden);
    expect(stemValue({ numerator: 96, denominator: 100 })).toEqual(hidden);
    expect(stemValue({ numerator: 95, denominator: 100 }).status).toBe('shown');
    expect(stemValue({ numerator: 100, denominator: 100 }).status).toBe('shown');
  });
});

describe('definitions', () => {
  it('counts a modernised programme by its domain under domain_2, and one without a domain by the 2012 categories', () => {
    expect(countsAsStem(year3, 'domain_2', { category: 'non_stem', domain: 2 })).toBe(true);
    expect(countsAsStem(year3, 'domain_2', { category: 'stem', domain: 6 })).toBe(false);
    expect(countsAsStem(year3, 'domain_2', { category: 'stem', domain: null })).toBe(true);
    expect(countsAsStem(year3, 'categories_2012', { category: 'non_stem', domain: 2 })).toBe(false);
  });
});

describe('baseline and targets', () => {
  const shown = (share: number) => stemValue({ numerator: Math.round(share * 10_000), denominator: 10_000 });

  it('gives the change against the baseline in percentage points, null when either is not shown', () => {
    expect(changeFromBaselinePp(shown(0.364), shown(0.335))).toBe(2.9);
    expect(changeFromBaselinePp(shown(0.3), shown(0.335))).toBe(-3.5);
    expect(changeFromBaselinePp(stemValue(null), shown(0.335))).toBeNull();
  });

  it('gives the distance to the target and the yearly pace from the latest shown year', () => {
    const target = { indicator: 'x', value: 0.4025, deadlineYear: '2030-2031', source: 's', sourceUrl: 'https://example.org', verified: false };
    const series = [
      { year: '2022-2023', total: shown(0.37) },
      { year: '2023-2024', total: shown(0.364) },
      { year: '2024-2025', total: stemValue(null) },
    ];
    expect(targetGap(target, series)).toEqual({ target, fromYear: '2023-2024', distancePp: 3.85, yearsLeft: 7, yearlyPacePp: 0.55 });
    expect(targetGap({ ...target, deadlineYear: '2023-2024' }, series).yearlyPacePp).toBeNull();
    expect(targetGap(target, []).distancePp).toBeNull();
  });
});

const arbitraryCount = fc.record({
  year: fc.constant('2018-2019'),
  level: fc.constant('secondary' as const),
  moment: fc.constantFrom('year3_inflow' as const, 'year5_inflow' as const),
  programmeType: fc.constantFrom(...stemProgrammeTypesOfLevel.secondary),
  province: fc.constantFrom(...provinces),
  category: fc.constantFrom<StemCategory>(...stemCategories),
  domain: fc.option(fc.integer({ min: 1, max: 10 }), { nil: null }),
  gender: fc.constantFrom(...stemGenders),
  count: fc.integer({ min: 0, max: 5_000 }),
});
const arbitraryRule = fc.constantFrom(year3, { ...year3, countedCategories: ['stem', 'care_stem'] as StemCategory[] }, girls, { ...girls, moment: 'year3_inflow' as const });
const arbitraryDefinition = fc.constantFrom<StemDefinition>('categories_2012', 'domain_2');

describe('properties', () => {
  it('every share lies between 0 and 1, and numerator ≤ denominator', () => {
    fc.assert(
      fc.property(fc.array(arbitraryCount, { maxLength: 60 }), arbitraryRule, arbitraryDefinition, (counts, rule, definition) => {
        const tally = tallyIndicator(rule, definition, counts);
        expect(tally.numerator).toBeLessThanOrEqual(tally.denominator);
        const value = stemValue(tally);
        if (value.share !== null) expect(value.share >= 0 && value.share <= 1).toBe(true);
      }),
    );
  });

  it('splitting the counts by province (or gender, or programme type) and adding the groups back gives the Flanders figure', () => {
    fc.assert(
      fc.property(
        fc.array(arbitraryCount, { maxLength: 60 }),
        arbitraryRule,
        arbitraryDefinition,
        fc.constantFrom('province' as const, 'gender' as const, 'programme_type' as const),
        (counts, rule, definition, breakdown) => {
          const total = tallyIndicator(rule, definition, counts);
          const groups = [...tallyByGroup(rule, definition, counts, breakdown).values()];
          expect(
            groups.reduce((sum, tally) => ({ numerator: sum.numerator + tally.numerator, denominator: sum.denominator + tally.denominator }), { numerator: 0, denominator: 0 }),
          ).toEqual(total);
        },
      ),
    );
  });

  it('a shown value never rests on a cell of 1 to 4, and a hidden one shows nothing', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 200 }), (a, b) => {
        const value = stemValue({ numerator: Math.min(a, b), denominator: Math.max(a, b) });
        if (value.status === 'shown') {
          for (const cell of [value.numerator!, value.denominator!, value.denominator! - value.numerator!]) expect(cell === 0 || cell >= 5).toBe(true);
        } else expect([value.numerator, value.denominator, value.share]).toEqual([null, null, null]);
      }),
    );
  });

  it('adding the same counts twice leaves every share as it was', () => {
    fc.assert(
      fc.property(fc.array(arbitraryCount, { minLength: 1, maxLength: 40 }), arbitraryRule, arbitraryDefinition, (counts, rule, definition) => {
        const once = tallyIndicator(rule, definition, counts);
        const twice = tallyIndicator(rule, definition, [...counts, ...counts]);
        expect(twice).toEqual({ numerator: 2 * once.numerator, denominator: 2 * once.denominator });
      }),
    );
  });
});
