import { enrolmentEndpoints } from '../../shared/catalogue/endpoints';
import { ErrorAlert } from '../components/ErrorAlert';
import { Loading } from '../components/Loading';
import { useI18n } from '../i18n';
import { Link } from '../router';
import { useEndpointQuery } from '../serverState';
import { RecommendationList } from './RecommendationList';

const ON_PROFILE = 3;

/** The profile's "Recommended trainings": the top three, with a way to the full list. */
export function ProfileRecommendations() {
  const { t } = useI18n();
  const loaded = useEndpointQuery(enrolmentEndpoints.getMyRecommendations, { query: { limit: ON_PROFILE } });
  return (
    <section className="card no-print" aria-labelledby="recommendations-title" data-testid="recommendations">
      <h2 id="recommendations-title">{t('recommendations.profileTitle')}</h2>
      <p>{t('recommendations.profileIntro')}</p>
      {loaded.loading && <Loading />}
      {loaded.error && <ErrorAlert error={loaded.error} onRetry={loaded.reload} />}
      {loaded.data && (loaded.data.items.length === 0 ? <p>{t('recommendations.none')}</p> : <RecommendationList items={loaded.data.items.slice(0, ON_PROFILE)} />)}
      <p>
        <Link href="/aanbevelingen">{t('recommendations.seeAll')}</Link>
      </p>
    </section>
  );
}
