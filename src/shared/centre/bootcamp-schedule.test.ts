import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../platform/brussels-time';
import { weeklySessionDates } from './bootcamp-schedule';

describe('weeklySessionDates', () => {
  it('starts on the start date and meets weekly, across a month and a year', () => {
    expect(weeklySessionDates('2026-12-24', 3)).toEqual(['2026-12-24', '2026-12-31', '2027-01-07']);
    expect(weeklySessionDates('2027-02-22', 2)).toEqual(['2027-02-22', '2027-03-01']);
  });

  it('keeps the clock change out of the dates', () => {
    expect(weeklySessionDates('2027-03-22', 2)).toEqual(['2027-03-22', '2027-03-29']);
    expect(weeklySessionDates('2027-10-25', 2)).toEqual(['2027-10-25', '2027-11-01']);
  });

  it('plans nothing for no sessions, and one session on the start', () => {
    expect(weeklySessionDates('2027-01-04', 0)).toEqual([]);
    expect(weeklySessionDates('2027-01-04', 1)).toEqual(['2027-01-04']);
  });

  it('gives as many dates as sessions, seven days apart, on the start weekday', () => {
    const day = fc.integer({ min: 0, max: 3650 }).map((offset) => addDays('2024-01-01', offset));
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 40 }), (startsOn, count) => {
        const dates = weeklySessionDates(startsOn, count);
        expect(dates).toHaveLength(count);
        if (count > 0) expect(dates[0]).toBe(startsOn);
        const weekday = (date: string) => new Date(`${date}T12:00:00Z`).getUTCDay();
        for (let i = 1; i < dates.length; i++) {
          expect(dates[i]).toBe(addDays(dates[i - 1]!, 7));
          expect(weekday(dates[i]!)).toBe(weekday(startsOn));
        }
      }),
    );
  });
});
