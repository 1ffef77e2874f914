import { enrolmentEndpoints } from '../../shared/catalogue/endpoints';
import { formatDate } from '../../shared/i18n/format';
import { ErrorAlert } from '../components/ErrorAlert';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import { useI18n } from '../i18n';
import { Link } from '../router';
import { useEndpointQuery } from '../serverState';
import { RecommendationList } from './RecommendationList';

export const RECOMMENDATIONS_ON_PAGE = 10;

/** `/aanbevelingen`: the trainings that best fit the teacher's latest Digisnap. */
export function RecommendationsPage() {
  const { t, locale } = useI18n();
  const loaded = useEndpointQuery(enrolmentEndpoints.getMyRecommendations, { query: { limit: RECOMMENDATIONS_ON_PAGE } });
  const data = loaded.data;
  return (
    <section className="page page-recommendations">
      <PageHeading title={t('recommendations.title')}>{t('recommendations.title')}</PageHeading>
      {loaded.loading && <Loading />}
      {loaded.data === null && <NoScanYet />}
      {loaded.error && <ErrorAlert error={loaded.error} onRetry={loaded.reload} />}
      {data && (
        <>
          <p className="lead">{t('recommendations.basedOn', { date: formatDate(data.basedOn.submittedAt, locale) })}</p>
          {data.items.length === 0 ? <p>{t('recommendations.none')}</p> : <RecommendationList items={data.items} as="h2" />}
          <p>
            <Link href="/opleidingen">{t('recommendations.searchAll')}</Link>
          </p>
        </>
      )}
    </section>
  );
}

export function NoScanYet() {
  const { t } = useI18n();
  return (
    <div className="card card-quiet">
      <p>{t('recommendations.noScan')}</p>
      <Link href="/scan" className="button button-primary">
        {t('profile.emptyStart')}
      </Link>
    </div>
  );
}
