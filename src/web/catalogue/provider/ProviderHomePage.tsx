import { catalogueEndpoints } from '../../../shared/catalogue/endpoints';
import { formatDate } from '../../../shared/i18n/format';
import { call, endpointHref } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { useI18n } from '../../i18n';
import { useSession } from '../../platform/session';
import { Link } from '../../router';
import { useCombinedQuery } from '../../serverState';
import { useCatalogueLabels } from '../labels';
import type { TrainingSummaryDto } from '../types';
import { ImportPanel } from './ImportPanel';
import { ProviderOnly } from './ProviderOnly';
import { providerMemberships } from './providerAccess';

/** `/aanbieder`: a provider's own trainings in every status, CSV import and export. */
export function ProviderHomePage() {
  const { t } = useI18n();
  const { user } = useSession();
  const provider = providerMemberships(user)[0];
  const trainings = useCombinedQuery(['listProviderTrainings'], [provider?.providerId], () =>
    provider ? call(catalogueEndpoints.listProviderTrainings) : Promise.resolve({ items: [] }),
  );
  if (!provider) return <ProviderOnly />;

  return (
    <section className="page page-provider">
      <PageHeading title={t('provider.title')}>{t('provider.title')}</PageHeading>
      <p className="lead">{t('provider.intro', { name: provider.providerName })}</p>
      <div className="actions">
        <Link href="/aanbieder/opleidingen/nieuw" className="button button-primary">
          {t('provider.newTraining')}
        </Link>
        <a href={endpointHref(catalogueEndpoints.exportTrainings)} className="button button-secondary" download>
          {t('provider.exportCsv')}
        </a>
      </div>

      <section className="card" aria-labelledby="provider-trainings-title" data-testid="provider-trainings">
        <h2 id="provider-trainings-title">{t('provider.trainingsTitle')}</h2>
        {trainings.loading && !trainings.data && <Loading />}
        {trainings.error && <ErrorAlert error={trainings.error} onRetry={trainings.reload} />}
        {trainings.data && (trainings.data.items.length === 0 ? <p>{t('provider.trainingsEmpty')}</p> : <ProviderTrainingTable items={trainings.data.items} />)}
      </section>

      <ImportPanel />
    </section>
  );
}

function ProviderTrainingTable({ items }: { items: TrainingSummaryDto[] }) {
  const { t, locale } = useI18n();
  const labels = useCatalogueLabels();
  return (
    <div className="table-wrap">
      <table className="data-table">
        <caption className="visually-hidden">{t('provider.trainingsCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('provider.columnTitle')}</th>
            <th scope="col">{t('provider.columnStatus')}</th>
            <th scope="col">{t('catalogue.kind')}</th>
            <th scope="col">{t('provider.columnNext')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((training) => (
            <tr key={training.id} data-testid="provider-training-row" data-training-id={training.id}>
              <th scope="row" lang={training.language}>
                <Link href={`/aanbieder/opleidingen/${encodeURIComponent(training.id)}`}>{training.title}</Link>
              </th>
              <td>
                <span className={`status-badge status-${training.status}`}>{labels.status(training.status)}</span>
              </td>
              <td>{labels.kind(training.kind)}</td>
              <td>{training.nextSession ? formatDate(training.nextSession.startsAt, locale) : '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
