import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_WINDOW_DAYS, windowProblem } from './campaign';

const day = (iso: string, plus: number) => new Date(Date.parse(iso) + plus * 86_400_000).toISOString().slice(0, 10);

describe('windowProblem: the days a campaign or reflection round runs', () => {
  it('takes one day, and a window ending today', () => {
    expect(windowProblem('2026-12-01', '2026-12-01', '2026-11-29', 'round')).toBeNull();
    expect(windowProblem('2026-11-01', '2026-11-29', '2026-11-29', 'campaign')).toBeNull();
  });

  it('refuses a last day before the first, or before today', () => {
    expect(windowProblem('2026-12-02', '2026-12-01', '2026-11-29', 'round')).toBe('closesOn must be on or after opensOn');
    expect(windowProblem('2026-11-01', '2026-11-28', '2026-11-29', 'round')).toBe('closesOn must be today or later');
  });

  it('allows at most a year (366 days, both ends counted), naming what it is about', () => {
    expect(windowProblem('2026-12-01', day('2026-12-01', MAX_WINDOW_DAYS - 1), '2026-11-29', 'campaign')).toBeNull();
    expect(windowProblem('2026-12-01', day('2026-12-01', MAX_WINDOW_DAYS), '2026-11-29', 'campaign')).toBe('A campaign lasts at most 366 days');
    expect(windowProblem('2026-12-01', day('2026-12-01', MAX_WINDOW_DAYS), '2026-11-29', 'round')).toBe('A round lasts at most 366 days');
  });

  it('accepts exactly the windows from today on within the limit', () => {
    fc.assert(
      fc.property(fc.integer({ min: -30, max: 30 }), fc.integer({ min: -5, max: 400 }), (start, length) => {
        const today = '2026-11-29';
        const opensOn = day(today, start);
        const closesOn = day(opensOn, length);
        const ok = length >= 0 && closesOn >= today && length + 1 <= MAX_WINDOW_DAYS;
        expect(windowProblem(opensOn, closesOn, today, 'round') === null).toBe(ok);
      }),
    );
  });
});
