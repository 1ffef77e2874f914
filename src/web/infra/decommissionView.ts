import type { UiLocale } from '../../shared/i18n/format';
import type { ReusePartner } from '../../shared/infra/decommission-api';

/** What a partner takes, in the page's language. */
export const partnerTakes = (partner: ReusePartner, locale: UiLocale) => partner.takes[locale];

/** A school year by the year it starts, as schools write it: 2026-2027. */
export const schoolYearLabel = (startYear: number) => `${startYear}-${startYear + 1}`;
