import { MIN_GROUP_SIZE } from '../../shared/digisnap/privacy';
import { addDays } from '../../shared/platform/brussels-time';

/**
 * Pure rules for the forms that open a Digisnap campaign or a reflection round: the window of
 * days it runs and the smallest group its report may show. They refuse what the server would,
 * before anything is sent, in the same words on both forms.
 */

/** The first and last day, as date inputs give them (YYYY-MM-DD, Brussels). */
export interface WindowDates {
  opensOn: string;
  closesOn: string;
}

/** How many days a new window runs unless the school changes it. */
const DEFAULT_WINDOW_DAYS = 14;
/** The largest minimum group size the API takes. */
export const MAX_GROUP_SIZE = 500;

/** A new window: from today for two weeks. */
export function initialWindow(today: string): WindowDates {
  return { opensOn: today, closesOn: addDays(today, DEFAULT_WINDOW_DAYS) };
}

type WindowProblemKey = 'campaigns.dateProblem' | 'campaigns.closesPast' | 'campaigns.closesBeforeOpens';
export type WindowProblems = Partial<Record<keyof WindowDates, string>>;

const isDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);

/** Why a window would be refused, in `t`'s words: a malformed date, a last day that has passed or comes before the first. */
export function windowProblems({ opensOn, closesOn }: WindowDates, today: string, t: (key: WindowProblemKey) => string): WindowProblems {
  const found: WindowProblems = {};
  if (!isDate(opensOn)) found.opensOn = t('campaigns.dateProblem');
  if (!isDate(closesOn)) found.closesOn = t('campaigns.dateProblem');
  else if (closesOn < today) found.closesOn = t('campaigns.closesPast');
  else if (isDate(opensOn) && closesOn < opensOn) found.closesOn = t('campaigns.closesBeforeOpens');
  return found;
}

/** A whole number from 5 (never below: privacy) to 500, as typed into the field. */
export function isMinGroupSize(value: string): boolean {
  const size = Number(value);
  return Number.isInteger(size) && size >= MIN_GROUP_SIZE && size <= MAX_GROUP_SIZE;
}
