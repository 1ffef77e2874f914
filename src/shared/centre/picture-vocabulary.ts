import { brusselsDate, brusselsDayStart } from '../platform/brussels-time';
import { educationLevels, provinces, schoolNetworks } from '../platform/flanders';

/** The words of the Flanders-wide Digisnap picture, without zod, so the browser bundle can use them. */

/** What a picture can be split by. */
export const pictureBreakdowns = ['none', 'province', 'level', 'network', 'size'] as const;
export type PictureBreakdown = (typeof pictureBreakdowns)[number];

/**
 * School size bands by the number of teachers a school has on the platform: the lower bound of
 * each band (the last has none above). Named by their bounds on the page.
 */
export const schoolSizeBands = [
  { code: 'xs', min: 1, max: 24 },
  { code: 's', min: 25, max: 49 },
  { code: 'm', min: 50, max: 99 },
  { code: 'l', min: 100, max: null },
] as const;
export type SchoolSizeBand = (typeof schoolSizeBands)[number]['code'];

/** The band of a school with this many teachers; a school without teachers is in no band. */
export function sizeBandOf(teachers: number): SchoolSizeBand | null {
  if (teachers < 1) return null;
  return schoolSizeBands.findLast((band) => teachers >= band.min)!.code;
}

/** The groups of each breakdown, in the order pages show them: `flanders` is the one group of `none`. */
export const pictureGroups: Record<PictureBreakdown, readonly string[]> = {
  none: ['flanders'],
  province: provinces,
  level: educationLevels,
  network: schoolNetworks,
  size: schoolSizeBands.map((band) => band.code),
};

/**
 * The window of "the last school year" the picture counts: from the first day of this month a
 * year ago (Brussels time) up to now, so a release covers twelve full months and the month under way.
 */
export function pictureWindow(now: Date): { from: string; fromDate: string; today: string } {
  const today = brusselsDate(now);
  const fromDate = `${Number(today.slice(0, 4)) - 1}${today.slice(4, 8)}01`;
  return { from: brusselsDayStart(fromDate).toISOString(), fromDate, today };
}
