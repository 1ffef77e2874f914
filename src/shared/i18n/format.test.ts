import { describe, expect, it } from 'vitest';
import { formatChange, formatDate, formatDateTime, formatHours, formatNumber, formatPercent, formatPrice, formatScore, formatTimeRange } from './format';

describe('formatNumber', () => {
  it('uses Belgian separators in both languages', () => {
    expect(formatNumber(1234.5, 'nl')).toBe('1.234,5');
    expect(formatNumber(1234.5, 'en')).toBe('1.234,5');
  });

  it('rounds to one decimal by default', () => {
    expect(formatNumber(2.345, 'nl')).toBe('2,3');
    expect(formatNumber(2.345, 'nl', 2)).toBe('2,35');
  });
});

describe('formatChange', () => {
  it('shows the sign of a change, and none for zero', () => {
    expect(formatChange(3, 'nl')).toBe('+3');
    expect(formatChange(-2, 'nl')).toBe('-2');
    expect(formatChange(0, 'en')).toBe('0');
  });
});

describe('formatScore and formatPercent', () => {
  it('writes a score out of its maximum', () => {
    expect(formatScore(52, 88, 'nl')).toBe('52 / 88');
    expect(formatScore(1500, 2000, 'nl')).toBe('1.500 / 2.000');
  });

  it('writes a percentage without a space', () => {
    expect(formatPercent(0.25, 'nl')).toBe('25%');
  });
});

describe('formatDate', () => {
  it('writes day/month/year on the Brussels calendar', () => {
    expect(formatDate('2026-11-29T10:00:00Z', 'nl')).toBe('29/11/2026');
    expect(formatDate('2026-11-29T10:00:00Z', 'en')).toBe('29/11/2026');
    // 23:30 UTC on 28 November is already 29 November in Brussels
    expect(formatDate('2026-11-28T23:30:00Z', 'nl')).toBe('29/11/2026');
  });

  it('adds a 24-hour time', () => {
    expect(formatDateTime('2026-07-01T12:05:00Z', 'nl')).toBe('01/07/2026 14:05');
  });
});

describe('formatTimeRange', () => {
  it('writes the date once for a session within one day', () => {
    expect(formatTimeRange('2026-11-29T13:00:00Z', '2026-11-29T15:30:00Z', 'nl')).toBe('29/11/2026 14:00–16:30');
  });

  it('writes both dates for a session over several days', () => {
    expect(formatTimeRange('2026-11-29T08:00:00Z', '2026-11-30T15:00:00Z', 'en')).toBe('29/11/2026 09:00 – 30/11/2026 16:00');
  });
});

describe('formatPrice and formatHours', () => {
  it('writes euro the Belgian way, cents only when there are any', () => {
    expect(formatPrice(12.5, 'nl')).toBe('€ 12,50');
    expect(formatPrice(1250, 'en')).toBe('€ 1.250');
  });

  it('writes hours with the unit of the language', () => {
    expect(formatHours(1.5, 'nl')).toBe('1,5 u');
    expect(formatHours(12, 'en')).toBe('12 h');
  });
});
