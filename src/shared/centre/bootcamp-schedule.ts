import { addDays } from '../platform/brussels-time';

/**
 * How a new bootcamp cohort is planned: one session a week from its start. Free of Zod so the
 * browser shows the same dates the server will store.
 */

/** The weekly sessions a cohort may have: about twelve weeks is the usual bootcamp (DOMAIN.md §3); a school year at most. */
export const MAX_BOOTCAMP_SESSIONS = 40;
export const DEFAULT_BOOTCAMP_SESSIONS = 12;
/** A school team registers one to twenty people. */
export const MAX_TEAM_PARTICIPANTS = 20;

/** The dates (YYYY-MM-DD) of `count` weekly sessions, the first on `startsOn`. */
export function weeklySessionDates(startsOn: string, count: number): string[] {
  return Array.from({ length: count }, (_, week) => addDays(startsOn, 7 * week));
}
