import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { StemValue } from '../../stem/api';
import type { GoalStemFigure } from './policy-plan';
import { stemFigureText, stemValueText } from './stem-figure';

const words = { flanders: 'Vlaanderen', hidden: '< 5 (verborgen)', noData: 'nog geen gegevens', province: (key: string) => key.toUpperCase() };
const shown = (share: number): StemValue => ({ status: 'shown', hidden: false, numerator: 1, denominator: 1, share });
const hidden: StemValue = { status: 'hidden', hidden: true, numerator: null, denominator: null, share: null };
const noData: StemValue = { status: 'no_data', hidden: false, numerator: null, denominator: null, share: null };
const figure = (changes: Partial<GoalStemFigure>): GoalStemFigure => ({
  indicator: 'x',
  name: { nl: 'X', en: 'X' },
  year: '2024-2025',
  province: 'limburg',
  provinceValue: shown(0.3644),
  flanders: shown(0.4),
  ...changes,
});

describe('stemValueText', () => {
  it('writes a share as the monitor does, and never a hidden or missing one as a number', () => {
    expect(stemValueText(shown(0.3644), 'nl', words)).toBe('36,4%');
    expect(stemValueText(shown(0), 'nl', words)).toBe('0%');
    expect(stemValueText(shown(1), 'en', words)).toBe('100%');
    expect(stemValueText(hidden, 'nl', words)).toBe('< 5 (verborgen)');
    expect(stemValueText(noData, 'nl', words)).toBe('nog geen gegevens');
    expect(stemValueText(null, 'nl', words)).toBe('nog geen gegevens');
  });

  it('holds for every share: a percent between 0 and 100', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.double({ min: 0, max: 1, noNaN: true }),
          fc.integer({ min: 0, max: 100_000 }).map((n) => n / 100_000),
        ),
        (share) => {
          const text = stemValueText(shown(share), 'en', words);
          // Both languages write Belgian decimals: `36,4%`.
          expect(text).toMatch(/^\d{1,3}(,\d)?%$/);
          expect(Number(text.slice(0, -1).replace(',', '.'))).toBeCloseTo(share * 100, 0);
        },
      ),
    );
  });
});

describe('stemFigureText', () => {
  it('names the province, Flanders and the year', () => {
    expect(stemFigureText(figure({}), 'nl', words)).toBe('LIMBURG 36,4% · Vlaanderen 40% (2024-2025)');
    expect(stemFigureText(figure({ province: null, provinceValue: null }), 'nl', words)).toBe('Vlaanderen 40% (2024-2025)');
    expect(stemFigureText(figure({ provinceValue: hidden }), 'nl', words)).toBe('LIMBURG < 5 (verborgen) · Vlaanderen 40% (2024-2025)');
    expect(stemFigureText(figure({ year: null, provinceValue: null, flanders: null }), 'nl', words)).toBe('nog geen gegevens');
  });

  it('always ends with the year when there is one', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2100 }), fc.constantFrom(shown(0.5), hidden, noData, null), (start, value) => {
        const year = `${start}-${start + 1}`;
        expect(stemFigureText(figure({ year, provinceValue: value }), 'nl', words).endsWith(`(${year})`)).toBe(true);
      }),
    );
  });
});
