import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseEuroInput } from '../../../shared/i18n/format';
import { centsToInput, formatCents, parsePostsInput, parseWholeNumber, postsToInput, schoolYearChoices } from './trainingBudgetView';

describe('formatCents', () => {
  it('writes euro the Belgian way, cents only when there are any', () => {
    expect(formatCents(192_000, 'nl')).toBe('€ 1.920');
    expect(formatCents(1250, 'nl')).toBe('€ 12,50');
    expect(formatCents(0, 'nl')).toBe('€ 0');
    expect(formatCents(-4500, 'nl')).toBe('-€ 45');
    expect(formatCents(1, 'en')).toBe('€ 0,01');
  });
});

describe('parseEuroInput', () => {
  it('reads whole euro, one or two decimals with a comma or a point, and thousands points', () => {
    expect(parseEuroInput('120')).toBe(12_000);
    expect(parseEuroInput('120,5')).toBe(12_050);
    expect(parseEuroInput('120.50')).toBe(12_050);
    expect(parseEuroInput(' € 64 ')).toBe(6400);
    expect(parseEuroInput('1.234,56')).toBe(123_456);
    expect(parseEuroInput('0')).toBe(0);
    expect(parseEuroInput('999999999,99')).toBe(99_999_999_999);
  });

  it('refuses what is no amount', () => {
    for (const text of ['', '-5', '12,345', 'twaalf', '1,2,3', '1.23.4', '1234567890', '€', ',50', '0.001', '0.500,00']) expect(parseEuroInput(text)).toBeNull();
  });

  it('reads back every amount a field shows', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999_999 }), (cents) => {
        expect(parseEuroInput(centsToInput(cents))).toBe(cents);
      }),
    );
  });

  it('reads back every amount the page shows', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000_000 }), (cents) => {
        expect(parseEuroInput(formatCents(cents, 'nl'))).toBe(cents);
      }),
    );
  });
});

describe('parseWholeNumber', () => {
  it('reads 0 to 999999 and nothing else', () => {
    expect(parseWholeNumber('0')).toBe(0);
    expect(parseWholeNumber(' 42 ')).toBe(42);
    expect(parseWholeNumber('999999')).toBe(999_999);
    for (const text of ['', '-1', '1,5', '1000000', 'x']) expect(parseWholeNumber(text)).toBeNull();
  });
});

describe('parsePostsInput', () => {
  it('reads a count of posts with a decimal comma or point, up to two decimals', () => {
    expect(parsePostsInput('23')).toBe(23);
    expect(parsePostsInput('23,5')).toBe(23.5);
    expect(parsePostsInput(' 23,75 ')).toBe(23.75);
    expect(parsePostsInput('23.75')).toBe(23.75);
    expect(parsePostsInput('1.250,5')).toBe(1250.5);
    expect(parsePostsInput('1.234')).toBe(1234);
    expect(parsePostsInput('0')).toBe(0);
  });

  it('refuses what is no count', () => {
    for (const text of ['', '-1', '1,234', 'twintig', '1,2,3', ',5', '12345']) expect(parsePostsInput(text)).toBeNull();
  });

  it('reads back every count a field shows', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 500_000 }), (hundredths) => {
        expect(parsePostsInput(postsToInput(hundredths / 100))).toBe(hundredths / 100);
      }),
    );
  });
});

describe('schoolYearChoices', () => {
  it('offers the year before, this one and the next, and the one shown', () => {
    expect(schoolYearChoices('2026-2027', '2026-2027')).toEqual(['2025-2026', '2026-2027', '2027-2028']);
    expect(schoolYearChoices('2026-2027', '2022-2023')).toEqual(['2022-2023', '2025-2026', '2026-2027', '2027-2028']);
  });
});
