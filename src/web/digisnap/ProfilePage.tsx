import { digisnapEndpoints } from '../../shared/digisnap/endpoints';
import { formatDate, formatScore } from '../../shared/i18n/format';
import { authEndpoints } from '../../shared/platform/endpoints';
import { call, endpointHref } from '../api';
import { ProfileRecommendations } from '../catalogue/ProfileRecommendations';
import { TrainingHistory } from '../catalogue/TrainingHistory';
import { ErrorAlert } from '../components/ErrorAlert';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import { useI18n } from '../i18n';
import { Link } from '../router';
import { useCombinedQuery } from '../serverState';
import { loadFrameworkOf, loadFrameworkVersions } from './frameworkStore';
import { bandName, levelName, versionLabel } from './frameworkView';
import { ProfileAreas } from './ProfileAreas';
import { ProfileCompetences, ProfilePriorities } from './ProfileCompetences';
import { ProfileGrowth } from './ProfileGrowth';

/** `/profile`: the teacher's own result of the latest submitted scan. Never shown to anyone else. */
export function ProfilePage() {
  const { t, text, locale } = useI18n();
  const loaded = useCombinedQuery(['getMyProfile', 'getFrameworkVersion', 'listFrameworkVersions'], [], async () => {
    const [profile, versions] = await Promise.all([call(digisnapEndpoints.getMyProfile), loadFrameworkVersions()]);
    return profile === null ? null : ([await loadFrameworkOf(profile), profile, versions] as const);
  });
  const heading = <PageHeading title={t('profile.title')}>{t('profile.title')}</PageHeading>;

  if (loaded.loading) {
    return (
      <section className="page">
        {heading}
        <Loading />
      </section>
    );
  }
  if (loaded.data === null) {
    return (
      <section className="page page-narrow" data-testid="profile-empty">
        {heading}
        <h2>{t('profile.emptyTitle')}</h2>
        <p>{t('profile.emptyText')}</p>
        <p>
          <Link href="/scan" className="button button-primary button-large">
            {t('profile.emptyStart')}
          </Link>
        </p>
      </section>
    );
  }
  if (loaded.error || !loaded.data) {
    return (
      <section className="page">
        {heading}
        {loaded.error && <ErrorAlert error={loaded.error} onRetry={loaded.reload} />}
      </section>
    );
  }

  const [framework, profile, versions] = loaded.data;
  const { result } = profile;
  const scoring = framework.scoring;
  return (
    <section className="page page-profile">
      {heading}
      <p className="lead" data-testid="profile-version">
        {t('profile.basedOn', { label: text(versionLabel(versions, profile)), date: formatDate(profile.submittedAt, locale) })}
      </p>

      <section className="card overall" aria-labelledby="overall-title">
        <h2 id="overall-title">{t('profile.overall')}</h2>
        <p className="overall-level" data-testid="overall-level">
          <span className="overall-code">{result.level}</span> <span className="overall-name">{text(levelName(framework, result.level))}</span>
        </p>
        <p className="overall-band" data-testid="overall-band">
          {t('profile.band', { code: result.band, name: text(bandName(framework, result.band)) })}
        </p>
        <p className="overall-total">
          {t('profile.total')}: <strong data-testid="overall-total">{formatScore(result.total, result.maxTotal, locale)}</strong>
        </p>
        {scoring.rule === 'level-per-statement' && (
          <p className="muted">{t('profile.totalLevelNote', { rule: t(scoring.aggregation === 'median' ? 'profile.ruleMedian' : 'profile.ruleRoundedMean') })}</p>
        )}
        <p className="muted">{t('profile.selfAssessmentNote')}</p>
      </section>

      <ProfilePriorities framework={framework} profile={profile} />
      <ProfileRecommendations />
      <ProfileAreas framework={framework} profile={profile} />
      <ProfileCompetences framework={framework} profile={profile} />
      <ProfileGrowth framework={framework} profile={profile} versions={versions} />
      <TrainingHistory />

      <section className="card no-print" aria-labelledby="actions-title">
        <h2 id="actions-title">{t('profile.actionsTitle')}</h2>
        <div className="actions">
          <button type="button" className="button button-secondary" onClick={() => window.print()}>
            {t('profile.print')}
          </button>
          <a className="button button-secondary" href={endpointHref(authEndpoints.exportMyData, { query: { format: 'json' } })} download>
            {t('profile.downloadJson')}
          </a>
          <a className="button button-secondary" href={endpointHref(authEndpoints.exportMyData, { query: { format: 'zip' } })} download>
            {t('profile.downloadZip')}
          </a>
        </div>
      </section>
    </section>
  );
}
