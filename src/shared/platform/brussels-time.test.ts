import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, brusselsDate, brusselsDayStart, fromBrusselsInput, toBrusselsInput } from './brussels-time';

const HOUR = 3_600_000;
/** Instants from 1990 to 2100, to the minute: the range any campaign, session or scan falls in. */
const instants = fc.integer({ min: Date.UTC(1990, 0, 1) / 60_000, max: Date.UTC(2100, 0, 1) / 60_000 }).map((minute) => minute * 60_000);
const dates = fc.integer({ min: Date.UTC(1990, 0, 1) / 86_400_000, max: Date.UTC(2100, 0, 1) / 86_400_000 }).map((day) => new Date(day * 86_400_000).toISOString().slice(0, 10));

describe('brusselsDate', () => {
  it('is the calendar day in Brussels, not in UTC', () => {
    expect(brusselsDate(new Date('2026-11-28T23:30:00Z'))).toBe('2026-11-29');
    expect(brusselsDate(new Date('2026-11-28T22:59:00Z'))).toBe('2026-11-28');
    expect(brusselsDate(new Date('2026-06-30T21:59:00Z'))).toBe('2026-06-30');
    expect(brusselsDate(new Date('2026-06-30T22:00:00Z'))).toBe('2026-07-01');
  });

  it('is the date shown on a Brussels wall clock', () => {
    fc.assert(
      fc.property(instants, (instant) => {
        expect(brusselsDate(new Date(instant))).toBe(toBrusselsInput(new Date(instant).toISOString()).slice(0, 10));
      }),
    );
  });
});

describe('brusselsDayStart', () => {
  it('is midnight in Brussels, in winter, in summer and on the days the clock changes', () => {
    expect(brusselsDayStart('2026-11-29').toISOString()).toBe('2026-11-28T23:00:00.000Z');
    expect(brusselsDayStart('2026-07-01').toISOString()).toBe('2026-06-30T22:00:00.000Z');
    expect(brusselsDayStart('2026-03-29').toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(brusselsDayStart('2026-10-25').toISOString()).toBe('2026-10-24T22:00:00.000Z');
    expect(brusselsDayStart('2026-03-28', 1).toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(brusselsDayStart('2026-12-31', 1).toISOString()).toBe('2026-12-31T23:00:00.000Z');
  });

  it('begins the day it names, and the minute before belongs to the day before', () => {
    fc.assert(
      fc.property(dates, fc.integer({ min: -400, max: 400 }), (date, days) => {
        const start = brusselsDayStart(date, days).getTime();
        expect(brusselsDate(new Date(start))).toBe(addDays(date, days));
        expect(brusselsDate(new Date(start - 60_000))).toBe(addDays(date, days - 1));
      }),
    );
  });

  it('gives days of 23, 24 or 25 hours', () => {
    fc.assert(
      fc.property(dates, (date) => {
        expect([23 * HOUR, 24 * HOUR, 25 * HOUR]).toContain(brusselsDayStart(date, 1).getTime() - brusselsDayStart(date).getTime());
      }),
    );
  });
});

describe('addDays', () => {
  it('counts calendar days across months, years and leap days', () => {
    expect(addDays('2026-11-29', 14)).toBe('2026-12-13');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-03-29', 0)).toBe('2026-03-29');
  });

  it('undoes itself', () => {
    fc.assert(
      fc.property(dates, fc.integer({ min: -1000, max: 1000 }), (date, days) => {
        expect(addDays(addDays(date, days), -days)).toBe(date);
      }),
    );
  });
});

describe('datetime-local values on the Brussels clock', () => {
  it('adds the winter and the summer offset', () => {
    expect(fromBrusselsInput('2026-11-29T14:00')).toBe('2026-11-29T14:00:00+01:00');
    expect(fromBrusselsInput('2026-07-01T09:30')).toBe('2026-07-01T09:30:00+02:00');
  });

  it('reads an ISO timestamp back as Brussels wall-clock time', () => {
    expect(toBrusselsInput('2026-11-29T13:00:00Z')).toBe('2026-11-29T14:00');
    expect(toBrusselsInput('2026-07-01T09:30:00+02:00')).toBe('2026-07-01T09:30');
  });

  it('round-trips across the spring clock change', () => {
    const iso = fromBrusselsInput('2026-03-29T10:00');
    expect(iso).toBe('2026-03-29T10:00:00+02:00');
    expect(toBrusselsInput(iso!)).toBe('2026-03-29T10:00');
  });

  it('refuses malformed values', () => {
    expect(fromBrusselsInput('')).toBeNull();
    expect(fromBrusselsInput('2026-02-30T10:00')).toBeNull();
    expect(fromBrusselsInput('2026-11-29 14:00')).toBeNull();
    expect(toBrusselsInput('not a date')).toBe('');
  });

  it('reads any instant back to the same instant', () => {
    fc.assert(
      fc.property(instants, (instant) => {
        const iso = fromBrusselsInput(toBrusselsInput(new Date(instant).toISOString()));
        // In the hour the clock goes back, a wall-clock time happens twice; either reading is that time.
        expect([0, HOUR]).toContain(Math.abs(Date.parse(iso!) - instant));
      }),
    );
  });
});
