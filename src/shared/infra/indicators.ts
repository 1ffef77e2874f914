/**
 * The ICT park's indicators (issue 12 §4): devices per 100 pupils beside MICTIVO's, the share of
 * devices younger than four years, their average age, pupils from the 5th year of primary with a
 * device, the cost per pupil and the CO2 that longer use avoided. Pure: the server computes a
 * school's summary once per day and park change, a board adds its schools' summaries up.
 */
import { addMonths, type DeviceType } from './device-types';
import type { IndicatorContent } from './indicator-content';
import type { DeviceState } from './lifecycle';
import { levelOfGroup, type PupilCount } from './pupil-groups';

/** States of a device the school no longer has at hand: they leave every count. */
export const statesOutOfPark: readonly DeviceState[] = ['lost_or_stolen', 'donated', 'decommissioned', 'disposed'];

/** What MICTIVO counts as a pupil's device: computers and tablets, not screens, printers or the network. */
export const computerTypes: readonly DeviceType[] = ['laptop', 'chromebook', 'tablet', 'desktop'];

/** One device as the indicators see it. */
export interface DeviceFacts {
  type: DeviceType;
  state: DeviceState;
  purchaseDate: string | null;
  priceCents: number | null;
}

/** A park added up on one day; two summaries add up to the summary of both parks (a board's). */
export interface ParkSummary {
  devices: number;
  computers: number;
  /** Devices with a purchase date, which the ages are taken over. */
  dated: number;
  youngerThanFourYears: number;
  ageDaysTotal: number;
  priceCentsTotal: number;
  co2AvoidedKg: number;
  /** Devices past the usual life whose type has a footprint factor: those the CO2 figure counts. */
  co2Devices: number;
  /** Open loans of a device to a pupil. */
  pupilsWithDevice: number;
}

/** A school's pupils as the indicators read them; null where the school entered no counts. */
export interface PupilCounts {
  prePrimary: number;
  /** Years 1 to 6 of primary: the pupils MICTIVO's primary figure is per. */
  primary: number;
  secondary: number;
  /** Pupils from the 5th year of primary on: those the device goal gives one device each. */
  fromPrimaryYear5: number;
}

/** A school's counts per group (each group's latest) as the indicators read them; null when it counted none. */
export function pupilCountsOf(counts: readonly Pick<PupilCount, 'group' | 'pupils'>[]): PupilCounts | null {
  if (counts.length === 0) return null;
  const pupils: PupilCounts = { prePrimary: 0, primary: 0, secondary: 0, fromPrimaryYear5: 0 };
  for (const count of counts) {
    const level = levelOfGroup[count.group];
    pupils[level === 'pre_primary' ? 'prePrimary' : level] += count.pupils;
    if (level === 'secondary' || count.group === 'primary_5_6') pupils.fromPrimaryYear5 += count.pupils;
  }
  return pupils;
}

export const emptySummary: ParkSummary = {
  devices: 0,
  computers: 0,
  dated: 0,
  youngerThanFourYears: 0,
  ageDaysTotal: 0,
  priceCentsTotal: 0,
  co2AvoidedKg: 0,
  co2Devices: 0,
  pupilsWithDevice: 0,
};

const DAY_MS = 86_400_000;
const DAYS_PER_YEAR = 365.25;

/** Whole days from the purchase to `today`; a purchase dated later than today counts as new (0). */
export function ageInDays(purchaseDate: string, today: string): number {
  return Math.max(0, Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${purchaseDate}T00:00:00Z`)) / DAY_MS));
}

/** Younger than `years` on `today`: on its fourth anniversary a device is four, no longer younger. */
export function isYoungerThan(purchaseDate: string, years: number, today: string): boolean {
  return addMonths(purchaseDate, years * 12) > today;
}

/**
 * The CO2 a device's longer use avoided so far: every year beyond the usual life postpones the
 * production of its successor by that share of a life, and production is most of a footprint.
 */
export function co2AvoidedKg(lifeFootprintKg: number, ageDays: number, co2: Pick<IndicatorContent['co2'], 'productionShare' | 'usualLifeYears'>): number {
  const extraYears = ageDays / DAYS_PER_YEAR - co2.usualLifeYears;
  return extraYears > 0 ? (lifeFootprintKg * co2.productionShare * extraYears) / co2.usualLifeYears : 0;
}

/** A park's summary on `today`: devices out of the park left out, ages over the dated ones. */
export function summarisePark(devices: readonly DeviceFacts[], pupilsWithDevice: number, today: string, co2: IndicatorContent['co2']): ParkSummary {
  const footprints = new Map(co2.footprints.map((row) => [row.type, row.lifeFootprintKg]));
  const summary = { ...emptySummary, pupilsWithDevice };
  for (const device of devices) {
    if (statesOutOfPark.includes(device.state)) continue;
    summary.devices++;
    if (computerTypes.includes(device.type)) summary.computers++;
    summary.priceCentsTotal += device.priceCents ?? 0;
    if (device.purchaseDate === null) continue;
    const age = ageInDays(device.purchaseDate, today);
    summary.dated++;
    summary.ageDaysTotal += age;
    if (isYoungerThan(device.purchaseDate, 4, today)) summary.youngerThanFourYears++;
    const footprint = footprints.get(device.type);
    const avoided = footprint === undefined ? 0 : co2AvoidedKg(footprint, age, co2);
    if (avoided > 0) {
      summary.co2AvoidedKg += avoided;
      summary.co2Devices++;
    }
  }
  return summary;
}

export function addSummaries(a: ParkSummary, b: ParkSummary): ParkSummary {
  const sum = { ...a };
  for (const key of Object.keys(sum) as Array<keyof ParkSummary>) sum[key] += b[key];
  return sum;
}

/** Which MICTIVO figure a school is compared with: the level most of its pupils are in. */
export function levelOf(pupils: PupilCounts): 'primary' | 'secondary' | null {
  if (pupils.primary === 0 && pupils.secondary === 0) return null;
  return pupils.primary >= pupils.secondary ? 'primary' : 'secondary';
}

/** A part of a whole; null when there is no whole to divide by (the page then says what to enter). */
export const shareOf = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

/** The indicators of a park: one school's, or a board's parks and pupils added up per level. */
export interface ParkIndicators {
  devices: number;
  computers: number;
  /** Computers per 100 pupils of the schools whose pupils are mostly primary, and of those mostly secondary. */
  devicesPer100Pupils: Record<'primary' | 'secondary', { computers: number; pupils: number; value: number | null }>;
  youngerThanFourYears: { devices: number; dated: number; share: number | null };
  averageAgeYears: number | null;
  pupilsWithDevice: { pupils: number; eligible: number; share: number | null };
  costPerPupil: { totalCents: number; pupils: number; cents: number | null };
  co2Avoided: { kg: number; devices: number };
  /** No pupil counts at all: every per-pupil figure is null and the page asks for the counts. */
  pupilCountsMissing: boolean;
}

/** One school's or board's figures from its parks, each with the pupil counts of its school (null: none entered). */
export function parkIndicators(parks: ReadonlyArray<{ summary: ParkSummary; pupils: PupilCounts | null }>): ParkIndicators {
  const total = parks.reduce((sum, park) => addSummaries(sum, park.summary), emptySummary);
  const perLevel = { primary: { computers: 0, pupils: 0 }, secondary: { computers: 0, pupils: 0 } };
  let pupils = 0;
  let eligible = 0;
  let counted = false;
  for (const park of parks) {
    if (!park.pupils) continue;
    counted = true;
    pupils += park.pupils.prePrimary + park.pupils.primary + park.pupils.secondary;
    eligible += park.pupils.fromPrimaryYear5;
    const level = levelOf(park.pupils);
    if (level === null) continue;
    perLevel[level].computers += park.summary.computers;
    perLevel[level].pupils += park.pupils[level];
  }
  const per100 = (level: { computers: number; pupils: number }) => ({ ...level, value: level.pupils > 0 ? (100 * level.computers) / level.pupils : null });
  return {
    devices: total.devices,
    computers: total.computers,
    devicesPer100Pupils: { primary: per100(perLevel.primary), secondary: per100(perLevel.secondary) },
    youngerThanFourYears: { devices: total.youngerThanFourYears, dated: total.dated, share: shareOf(total.youngerThanFourYears, total.dated) },
    averageAgeYears: total.dated > 0 ? total.ageDaysTotal / total.dated / DAYS_PER_YEAR : null,
    pupilsWithDevice: { pupils: total.pupilsWithDevice, eligible, share: shareOf(total.pupilsWithDevice, eligible) },
    costPerPupil: { totalCents: total.priceCentsTotal, pupils, cents: pupils > 0 ? Math.round(total.priceCentsTotal / pupils) : null },
    co2Avoided: { kg: Math.round(total.co2AvoidedKg), devices: total.co2Devices },
    pupilCountsMissing: !counted,
  };
}
