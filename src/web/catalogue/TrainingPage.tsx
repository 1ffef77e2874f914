import { catalogueEndpoints } from '../../shared/catalogue/endpoints';
import { call } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { Loading } from '../components/Loading';
import { NotFoundPage } from '../components/NotFoundPage';
import { PageHeading } from '../components/PageHeading';
import { loadFramework } from '../digisnap/frameworkStore';
import { competenceByCode } from '../digisnap/frameworkView';
import { useI18n } from '../i18n';
import { Link } from '../router';
import { useCombinedQuery } from '../serverState';
import { useCatalogueLabels } from './labels';
import { SessionList } from './SessionList';
import { BookmarkToggle, CompletionForm } from './TrainingActions';
import { LevelSteps, ProviderName } from './TrainingBits';
import { TrainingFacts } from './TrainingFacts';

/** `/opleidingen/:id`: everything about one training, its sessions, and what the teacher can do with it. */
export function TrainingPage({ trainingId }: { trainingId: string }) {
  const { t, text } = useI18n();
  const labels = useCatalogueLabels();
  const loaded = useCombinedQuery(['getTraining', 'getCurrentFramework'], [trainingId], () =>
    Promise.all([call(catalogueEndpoints.getTraining, { params: { trainingId } }), loadFramework()]),
  );

  if (loaded.error?.id === 'not_found') return <NotFoundPage />;
  if (!loaded.data) {
    return (
      <section className="page">
        <PageHeading title={t('training.loadingTitle')}>{t('training.loadingTitle')}</PageHeading>
        {loaded.loading && <Loading />}
        {loaded.error && <ErrorAlert error={loaded.error} onRetry={loaded.reload} />}
      </section>
    );
  }

  const [training, framework] = loaded.data;
  const competenceName = (code: string) => text(competenceByCode(framework, code)?.name);
  return (
    <article className="page page-training" data-testid="training-detail" data-training-id={training.id}>
      <p className="breadcrumb">
        <Link href="/opleidingen">{t('training.backToSearch')}</Link>
      </p>
      <PageHeading title={training.title}>
        <span lang={training.language}>{training.title}</span>
      </PageHeading>
      <p className="training-provider">
        {t('training.by')} <ProviderName provider={training.provider} />
      </p>
      {training.status !== 'published' && <p className="alert alert-info">{t('training.notPublished', { status: labels.status(training.status) })}</p>}
      <p className="lead" lang={training.language}>
        {training.summary}
      </p>
      {loaded.error && <ErrorAlert error={loaded.error} onRetry={loaded.reload} />}

      <div className="training-layout">
        <div className="training-main">
          <section aria-labelledby="steps-title">
            <h2 id="steps-title">{t('training.stepsTitle')}</h2>
            <LevelSteps steps={training.levelSteps} names={competenceName} />
          </section>
          {training.description.trim() && (
            <section aria-labelledby="description-title">
              <h2 id="description-title">{t('training.descriptionTitle')}</h2>
              <div lang={training.language}>
                {training.description
                  .split(/\n\s*\n/)
                  .filter((paragraph) => paragraph.trim())
                  .map((paragraph, index) => (
                    <p key={index} className="preserve-lines">
                      {paragraph.trim()}
                    </p>
                  ))}
              </div>
            </section>
          )}
          <SessionList training={training} />
        </div>

        <aside className="training-side" aria-labelledby="facts-title">
          <div className="card">
            <h2 id="facts-title">{t('training.factsTitle')}</h2>
            <TrainingFacts training={training} />
            <p>
              <a href={training.url} rel="noopener noreferrer">
                {t('training.website')}
              </a>
            </p>
            {training.policies.canEdit && (
              <p>
                <Link href={`/aanbieder/opleidingen/${encodeURIComponent(training.id)}`} className="button button-quiet">
                  {t('training.edit')}
                </Link>
              </p>
            )}
          </div>
          <div className="card">
            <h2>{t('training.yoursTitle')}</h2>
            <BookmarkToggle key={`b-${training.bookmarked}`} training={training} />
            <CompletionForm key={`c-${training.completed}`} training={training} />
          </div>
        </aside>
      </div>
    </article>
  );
}
