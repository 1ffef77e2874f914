import { formatDate } from '../../shared/i18n/format';
import { loanEndpoints } from '../../shared/infra/loan-endpoints';
import { useI18n } from '../i18n';
import { useEndpointQuery } from '../serverState';

/** On the start page: the devices the user has on loan from their school, when there are any. */
export function MyLoans() {
  const { t, locale } = useI18n();
  const loans = useEndpointQuery(loanEndpoints.listMyLoans);
  const items = loans.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <section className="card" aria-labelledby="my-loans-title" data-testid="my-loans">
      <h2 id="my-loans-title">{t('loans.mineTitle')}</h2>
      <ul>
        {items.map((loan) => (
          <li key={loan.id}>
            {t('loans.mineLine', {
              device: `${loan.device.manufacturer} ${loan.device.model}`,
              tag: loan.device.assetTag,
              due: loan.dueOn ? formatDate(loan.dueOn, locale) : t('loans.mineNoDue'),
            })}
          </li>
        ))}
      </ul>
    </section>
  );
}
