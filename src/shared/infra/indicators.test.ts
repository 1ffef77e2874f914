import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type DeviceType, deviceTypes } from './device-types';
import { type IndicatorContent, validateIndicatorContent } from './indicator-content';
import {
  addSummaries,
  ageInDays,
  co2AvoidedKg,
  type DeviceFacts,
  emptySummary,
  isYoungerThan,
  levelOf,
  type ParkSummary,
  parkIndicators,
  pupilCountsOf,
  summarisePark,
} from './indicators';
import { type DeviceState, deviceStates } from './lifecycle';
import { pupilGroups } from './pupil-groups';

const co2: IndicatorContent['co2'] = {
  source: { title: 'KD', url: 'https://example.org' },
  productionShare: 0.75,
  usualLifeYears: 4,
  footprints: [{ type: 'laptop', lifeFootprintKg: 400, verified: false, note: 'test' }],
};

const device = (overrides: Partial<DeviceFacts> = {}): DeviceFacts => ({ type: 'laptop', state: 'in_use', purchaseDate: '2023-09-01', priceCents: 50_000, ...overrides });

const day = fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 11, 31) }).map((ms) => new Date(ms).toISOString().slice(0, 10));
const facts = fc.record({
  type: fc.constantFrom(...deviceTypes) as fc.Arbitrary<DeviceType>,
  state: fc.constantFrom(...deviceStates) as fc.Arbitrary<DeviceState>,
  purchaseDate: fc.option(day, { nil: null }),
  priceCents: fc.option(fc.integer({ min: 0, max: 1_000_000 }), { nil: null }),
});
const pupils = fc.option(fc.record({ prePrimary: fc.nat(2_000), primary: fc.nat(2_000), secondary: fc.nat(2_000), fromPrimaryYear5: fc.nat(2_000) }), { nil: null });

describe('ICT park indicators', () => {
  it('makes a device four on its fourth anniversary, not a day earlier; a leap day turns four on the last day of February', () => {
    expect(isYoungerThan('2022-09-01', 4, '2026-08-31')).toBe(true);
    expect(isYoungerThan('2022-09-01', 4, '2026-09-01')).toBe(false);
    expect(isYoungerThan('2020-02-29', 4, '2024-02-28')).toBe(true);
    expect(isYoungerThan('2020-02-29', 4, '2024-02-29')).toBe(false);
    expect(ageInDays('2026-09-01', '2026-09-01')).toBe(0);
    expect(ageInDays('2027-01-01', '2026-09-01')).toBe(0);
    expect(ageInDays('2025-09-01', '2026-09-01')).toBe(365);
  });

  it('counts CO2 avoided only past the usual life, growing with every day kept', () => {
    expect(co2AvoidedKg(400, 4 * 365, co2)).toBe(0);
    expect(co2AvoidedKg(400, Math.round(6 * 365.25), co2)).toBeCloseTo(150, 0);
    fc.assert(fc.property(fc.nat(20_000), fc.nat(1_000), (age, more) => co2AvoidedKg(400, age + more, co2) >= co2AvoidedKg(400, age, co2)));
  });

  it('leaves devices out of the park out of every count, and takes ages over the dated ones', () => {
    const summary = summarisePark(
      [
        device(),
        device({ purchaseDate: '2018-09-01', priceCents: null }),
        device({ type: 'printer', purchaseDate: null }),
        device({ state: 'disposed' }),
        device({ state: 'lost_or_stolen' }),
      ],
      1,
      '2026-09-01',
      co2,
    );
    expect(summary).toMatchObject({ devices: 3, computers: 2, dated: 2, youngerThanFourYears: 1, priceCentsTotal: 100_000, co2Devices: 1, pupilsWithDevice: 1 });
    expect(summary.co2AvoidedKg).toBeCloseTo(300, 0);
  });

  it('answers an empty park and a park without pupil counts with nulls, never a division by zero', () => {
    const empty = parkIndicators([]);
    expect(empty).toMatchObject({ devices: 0, averageAgeYears: null, pupilCountsMissing: true, costPerPupil: { cents: null } });
    expect(empty.youngerThanFourYears.share).toBeNull();
    const uncounted = parkIndicators([{ summary: summarisePark([device()], 0, '2026-09-01', co2), pupils: null }]);
    expect(uncounted.pupilCountsMissing).toBe(true);
    expect(uncounted.devicesPer100Pupils.primary.value).toBeNull();
    expect(uncounted.pupilsWithDevice.share).toBeNull();
    const zeros = parkIndicators([{ summary: summarisePark([device()], 0, '2026-09-01', co2), pupils: { prePrimary: 0, primary: 0, secondary: 0, fromPrimaryYear5: 0 } }]);
    expect(zeros.pupilCountsMissing).toBe(false);
    expect(zeros.costPerPupil.cents).toBeNull();
  });

  it('compares a school with the level most of its pupils are in', () => {
    expect(levelOf({ prePrimary: 0, primary: 200, secondary: 0, fromPrimaryYear5: 60 })).toBe('primary');
    expect(levelOf({ prePrimary: 0, primary: 100, secondary: 100, fromPrimaryYear5: 130 })).toBe('primary');
    expect(levelOf({ prePrimary: 0, primary: 99, secondary: 100, fromPrimaryYear5: 130 })).toBe('secondary');
    const summary = summarisePark(
      Array.from({ length: 54 }, () => device()),
      40,
      '2026-09-01',
      co2,
    );
    const primary = parkIndicators([{ summary, pupils: { prePrimary: 0, primary: 100, secondary: 0, fromPrimaryYear5: 40 } }]);
    expect(primary.devicesPer100Pupils.primary).toEqual({ computers: 54, pupils: 100, value: 54 });
    expect(primary.devicesPer100Pupils.secondary.value).toBeNull();
    expect(primary.pupilsWithDevice.share).toBe(1);
    expect(primary.costPerPupil.cents).toBe(27_000);
  });

  it('reads a school’s counts per group: primary years 1 to 6, secondary with its other tracks, and from the 5th year of primary on', () => {
    expect(pupilCountsOf([])).toBeNull();
    expect(
      pupilCountsOf([
        { group: 'pre_primary', pupils: 100 },
        { group: 'primary_1_4', pupils: 130 },
        { group: 'primary_5_6', pupils: 70 },
        { group: 'secondary_1_3_5_7', pupils: 20 },
        { group: 'secondary_2_4_6_other', pupils: 15 },
        { group: 'work_based_special', pupils: 5 },
      ]),
    ).toEqual({ prePrimary: 100, primary: 200, secondary: 40, fromPrimaryYear5: 110 });
    fc.assert(
      fc.property(fc.array(fc.record({ group: fc.constantFrom(...pupilGroups), pupils: fc.nat(1_000) }), { minLength: 1, maxLength: 12 }), (counts) => {
        const pupils = pupilCountsOf(counts)!;
        expect(pupils.prePrimary + pupils.primary + pupils.secondary).toBe(counts.reduce((sum, count) => sum + count.pupils, 0));
        expect(pupils.fromPrimaryYear5).toBeLessThanOrEqual(pupils.primary + pupils.secondary);
      }),
    );
  });

  it('counts the cost over every pupil, pre-primary too', () => {
    const summary = summarisePark([device()], 0, '2026-09-01', co2);
    expect(parkIndicators([{ summary, pupils: { prePrimary: 50, primary: 150, secondary: 0, fromPrimaryYear5: 50 } }]).costPerPupil).toEqual({
      totalCents: 50_000,
      pupils: 200,
      cents: 250,
    });
  });

  it('adds parks up as one: a board’s figures are those of all its devices together', () => {
    fc.assert(
      fc.property(fc.array(facts, { maxLength: 30 }), fc.array(facts, { maxLength: 30 }), day, (a, b, today) => {
        const whole = summarisePark([...a, ...b], 0, today, co2);
        const added = addSummaries(summarisePark(a, 0, today, co2), summarisePark(b, 0, today, co2));
        expect({ ...added, co2AvoidedKg: 0 }).toEqual({ ...whole, co2AvoidedKg: 0 });
        expect(added.co2AvoidedKg).toBeCloseTo(whole.co2AvoidedKg, 6);
      }),
    );
  });

  it('keeps every share between 0 and 1 and every figure finite, whatever the park and the counts', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ devices: fc.array(facts, { maxLength: 20 }), pupils, loans: fc.nat(50) }), { maxLength: 5 }), day, (parks, today) => {
        const result = parkIndicators(parks.map((park) => ({ summary: summarisePark(park.devices, 0, today, co2), pupils: park.pupils })));
        expect(result.youngerThanFourYears.share === null || (result.youngerThanFourYears.share >= 0 && result.youngerThanFourYears.share <= 1)).toBe(true);
        expect(result.youngerThanFourYears.devices).toBeLessThanOrEqual(result.youngerThanFourYears.dated);
        expect(result.computers).toBeLessThanOrEqual(result.devices);
        for (const value of [result.averageAgeYears, result.costPerPupil.cents, result.devicesPer100Pupils.primary.value, result.devicesPer100Pupils.secondary.value]) {
          expect(value === null || Number.isFinite(value)).toBe(true);
        }
        expect(result.pupilCountsMissing).toBe(parks.every((park) => park.pupils === null));
      }),
    );
  });

  it('gives the empty summary as the unit of adding up', () => {
    fc.assert(
      fc.property(fc.array(facts, { maxLength: 20 }), day, (devices, today) => {
        const summary: ParkSummary = summarisePark(devices, 3, today, co2);
        expect(addSummaries(emptySummary, summary)).toEqual(summary);
      }),
    );
  });

  it('reads the content file, and refuses one with a bad factor, naming its path', () => {
    const raw = JSON.parse(readFileSync(new URL('../../../content/infra/indicators.json', import.meta.url), 'utf8'));
    const valid = validateIndicatorContent(raw);
    expect(valid.ok && valid.content.mictivo.devicesPer100Pupils).toEqual({ primary: 54, secondary: 118 });
    expect(valid.ok && valid.content.co2.productionShare).toBe(0.75);
    const bad = validateIndicatorContent({ ...raw, co2: { ...raw.co2, productionShare: 1.5, footprints: [...raw.co2.footprints, raw.co2.footprints[0]] } });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.errors.join('\n')).toMatch(/co2\.productionShare/);
    expect(!bad.ok && bad.errors.join('\n')).toMatch(/names a device type twice/);
  });
});
