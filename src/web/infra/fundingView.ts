import { formatDate, type UiLocale } from '../../shared/i18n/format';
import type { FundingSummary } from '../../shared/infra/funding-api';
import type { PupilGroup } from '../../shared/infra/pupil-groups';
import type { ApiError } from '../api';
import { formatCents as formatEuroCents } from '../school/training-budget/trainingBudgetView';

/** Euro cents as every money page shows them (`€ 1.234,50`, `-€ 45` when overspent); an unknown amount (a rate not sourced) as a dash. */
export function formatCents(cents: number | null, locale: UiLocale): string {
  return cents === null ? '–' : formatEuroCents(cents, locale);
}

/** The distinct counting days of a scheme's tranches, oldest first: the columns of the counts form. */
export function countingDays(scheme: FundingSummary['scheme']): string[] {
  return [...new Set(scheme.tranches.flatMap((tranche) => (tranche.countingDay ? [tranche.countingDay] : [])))].sort();
}

/** The groups a scheme counts on each day: a group is asked for only on the days of the measures that pay it. */
export function groupsOnDay(scheme: FundingSummary['scheme'], day: string): Set<PupilGroup> {
  const tranches = new Set(scheme.tranches.filter((tranche) => tranche.countingDay === day).map((tranche) => tranche.code));
  return new Set(scheme.measures.filter((measure) => tranches.has(measure.tranche)).flatMap((measure) => measure.groups));
}

/**
 * Why a spending line was refused, in the reader's language: the scheme's own reason for a
 * refused category, the window for an invoice date; other errors keep the shared error text.
 */
export function refusalText(
  error: ApiError,
  scheme: FundingSummary['scheme'],
  category: string,
  deadline: string | null,
  locale: UiLocale,
  texts: { unknownCategory: string; outsideWindow(window: { from: string; until: string }): string },
): string | null {
  if (error.id !== 'spending_refused') return null;
  if (error.field === 'body.category') return scheme.categories.find((c) => c.code === category)?.reason?.[locale] ?? texts.unknownCategory;
  return texts.outsideWindow({ from: scheme.invoicesFrom ? formatDate(scheme.invoicesFrom, locale) : '–', until: deadline ? formatDate(deadline, locale) : '–' });
}
