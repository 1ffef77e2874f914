import { describe, expect, it } from 'vitest';
import { brusselsToday, fromBrusselsInput, toBrusselsInput } from './brusselsTime';

describe('brusselsToday', () => {
  it('is the calendar day in Brussels, not in UTC', () => {
    expect(brusselsToday(new Date('2026-11-28T23:30:00Z'))).toBe('2026-11-29');
    expect(brusselsToday(new Date('2026-06-30T21:59:00Z'))).toBe('2026-06-30');
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
    expect(toBrusselsInput('not a date')).toBe('');
  });
});
