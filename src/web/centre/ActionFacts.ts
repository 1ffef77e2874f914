import type { CentreActionDto } from '../../shared/centre/actions';
import { formatDate, formatNumber, formatPrice } from '../../shared/i18n/format';
import { useI18n } from '../i18n';

/** An action's period, budget (nl-BE euros) and reach as the page shows them. */
export function useActionWords() {
  const { t, locale } = useI18n();
  return {
    period: (action: CentreActionDto) => `${formatDate(action.startDate, locale)} – ${action.endDate ? formatDate(action.endDate, locale) : t('centreActions.open')}`,
    budget: (action: CentreActionDto) => (action.budgetCents === null ? t('centreActions.noBudget') : formatPrice(action.budgetCents / 100, locale)),
    reach: (action: CentreActionDto) =>
      action.reach.source === 'none'
        ? t('centreActions.reachNone')
        : t('centreActions.reachShort', { schools: formatNumber(action.reach.schools, locale), teachers: formatNumber(action.reach.teachers, locale) }),
  };
}
