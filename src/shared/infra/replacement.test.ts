import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deviceStates } from './lifecycle';
import { dueReason, endOfLife, REPAIRS_FOR_REPLACEMENT, type ReplacementDevice, replacementForecast, schoolYearOf, statesInService } from './replacement';

const device = (overrides: Partial<ReplacementDevice> = {}): ReplacementDevice => ({
  id: 'd',
  state: 'in_use',
  modelId: 'm',
  purchaseDate: '2022-09-01',
  priceCents: 50_000,
  warrantyMonths: 36,
  expectedLifeMonths: 48,
  repairs: 0,
  ...overrides,
});

describe('dueReason', () => {
  it('is due on the last day of its expected life, not the day before', () => {
    expect(endOfLife(device())).toBe('2026-09-01');
    expect(dueReason(device(), '2026-08-31')).toBeNull();
    expect(dueReason(device(), '2026-09-01')).toBe('past_life');
  });

  it('is due out of warranty at the second repair, not the first, and never in warranty', () => {
    const today = '2025-09-01';
    expect(dueReason(device({ repairs: REPAIRS_FOR_REPLACEMENT - 1 }), today)).toBeNull();
    expect(dueReason(device({ repairs: REPAIRS_FOR_REPLACEMENT }), today)).toBe('repairs_out_of_warranty');
    expect(dueReason(device({ repairs: 5 }), '2025-08-31')).toBeNull();
    expect(dueReason(device({ repairs: 5, warrantyMonths: null }), today)).toBeNull();
  });

  it('leaves out devices without a purchase date and devices no longer in service', () => {
    expect(dueReason(device({ purchaseDate: null }), '2040-01-01')).toBeNull();
    for (const state of ['donated', 'decommissioned', 'disposed', 'lost_or_stolen'] as const) expect(dueReason(device({ state }), '2040-01-01')).toBeNull();
  });
});

describe('schoolYearOf', () => {
  it('starts a school year on 1 September', () => {
    expect(schoolYearOf('2026-08-31')).toBe(2025);
    expect(schoolYearOf('2026-09-01')).toBe(2026);
    expect(schoolYearOf('2027-01-15')).toBe(2026);
  });
});

describe('replacementForecast', () => {
  it('counts devices due already in this year and the rest in the year their life ends, at their price or their model’s average', () => {
    const forecast = replacementForecast(
      [
        device({ id: 'old', purchaseDate: '2020-01-10', priceCents: 40_000 }),
        device({ id: 'next', purchaseDate: '2023-03-01', priceCents: null }),
        device({ id: 'same model', purchaseDate: '2024-10-01', priceCents: 60_000 }),
        device({ id: 'other model', modelId: 'x', purchaseDate: '2023-02-01', priceCents: null }),
        device({ id: 'gone', state: 'disposed', purchaseDate: '2019-01-01' }),
        device({ id: 'undated', purchaseDate: null }),
      ],
      '2026-12-07',
    );
    expect(forecast.map((year) => year.startYear)).toEqual([2026, 2027, 2028, 2029, 2030]);
    expect(forecast[0]).toEqual({ startYear: 2026, devices: 3, costCents: 40_000 + 50_000 + 50_000, estimated: 1 });
    expect(forecast[2]).toEqual({ startYear: 2028, devices: 1, costCents: 60_000, estimated: 0 });
    expect(forecast[1].devices + forecast[3].devices + forecast[4].devices).toBe(0);
  });

  it('never counts a device twice, nor one out of service, and costs nothing for nothing', () => {
    const arbitrary = fc.record({
      id: fc.string(),
      state: fc.constantFrom(...deviceStates),
      modelId: fc.constantFrom('a', 'b', 'c'),
      purchaseDate: fc.option(fc.integer({ min: 0, max: 4000 }).map((days) => new Date(Date.UTC(2018, 0, 1) + days * 86_400_000).toISOString().slice(0, 10))),
      priceCents: fc.option(fc.integer({ min: 0, max: 300_000 })),
      warrantyMonths: fc.option(fc.integer({ min: 0, max: 60 })),
      expectedLifeMonths: fc.integer({ min: 12, max: 96 }),
      repairs: fc.nat(5),
    });
    fc.assert(
      fc.property(fc.array(arbitrary, { maxLength: 30 }), (devices) => {
        const forecast = replacementForecast(devices, '2026-12-07');
        const counted = forecast.reduce((sum, year) => sum + year.devices, 0);
        expect(counted).toBeLessThanOrEqual(devices.filter((d) => statesInService.includes(d.state)).length);
        expect(forecast[0].devices).toBeGreaterThanOrEqual(devices.filter((d) => dueReason(d, '2026-12-07') !== null).length);
        for (const year of forecast) {
          expect(year.estimated).toBeLessThanOrEqual(year.devices);
          if (year.devices === 0) expect(year.costCents).toBe(0);
        }
      }),
    );
  });
});
