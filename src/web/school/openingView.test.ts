import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../shared/platform/brussels-time';
import { initialWindow, isMinGroupSize, windowProblems } from './openingView';

const say = (key: string) => key;
const TODAY = '2026-11-29';
const dates = fc.integer({ min: Date.UTC(2000, 0, 1) / 86_400_000, max: Date.UTC(2099, 0, 1) / 86_400_000 }).map((day) => new Date(day * 86_400_000).toISOString().slice(0, 10));

describe('the window of a new campaign or round', () => {
  it('runs from today for two weeks, and is accepted as it is', () => {
    expect(initialWindow(TODAY)).toEqual({ opensOn: '2026-11-29', closesOn: '2026-12-13' });
    fc.assert(
      fc.property(dates, (today) => {
        expect(windowProblems(initialWindow(today), today, say)).toEqual({});
      }),
    );
  });

  it('takes a last day of today, or equal to the first day, and refuses the day before either', () => {
    expect(windowProblems({ opensOn: TODAY, closesOn: TODAY }, TODAY, say)).toEqual({});
    expect(windowProblems({ opensOn: '2026-11-01', closesOn: addDays(TODAY, -1) }, TODAY, say)).toEqual({ closesOn: 'campaigns.closesPast' });
    expect(windowProblems({ opensOn: '2026-12-10', closesOn: '2026-12-09' }, TODAY, say)).toEqual({ closesOn: 'campaigns.closesBeforeOpens' });
  });

  it('names each malformed date at its own field', () => {
    expect(windowProblems({ opensOn: '', closesOn: '29/11/2026' }, TODAY, say)).toEqual({ opensOn: 'campaigns.dateProblem', closesOn: 'campaigns.dateProblem' });
    // a malformed first day does not make a good last day wrong
    expect(windowProblems({ opensOn: 'morgen', closesOn: '2026-12-01' }, TODAY, say)).toEqual({ opensOn: 'campaigns.dateProblem' });
  });

  it('accepts exactly the windows that close today or later and not before they open', () => {
    fc.assert(
      fc.property(dates, dates, dates, (opensOn, closesOn, today) => {
        const accepted = Object.keys(windowProblems({ opensOn, closesOn }, today, say)).length === 0;
        expect(accepted).toBe(closesOn >= today && closesOn >= opensOn);
      }),
    );
  });
});

describe('the minimum group size', () => {
  it('is a whole number from 5 to 500', () => {
    for (const value of ['5', '6', '499', '500', ' 7 ']) expect(isMinGroupSize(value)).toBe(true);
    for (const value of ['', '0', '4', '4.9', '5.5', '501', 'vijf', '-5']) expect(isMinGroupSize(value)).toBe(false);
  });

  it('agrees with the bounds for every whole number', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1000, max: 1000 }), (size) => {
        expect(isMinGroupSize(String(size))).toBe(size >= 5 && size <= 500);
      }),
    );
  });
});
