import { catalogueEndpoints } from '../../../shared/catalogue/endpoints';
import { call } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { NotFoundPage } from '../../components/NotFoundPage';
import { PageHeading } from '../../components/PageHeading';
import { loadFramework } from '../../digisnap/frameworkStore';
import { useI18n } from '../../i18n';
import { useSession } from '../../platform/session';
import { Link, navigate, useLocation } from '../../router';
import { useCombinedQuery } from '../../serverState';
import { useCatalogueLabels } from '../labels';
import type { TrainingDto } from '../types';
import { ProviderOnly } from './ProviderOnly';
import { ProviderSessions } from './ProviderSessions';
import { providerMemberships } from './providerAccess';
import { TrainingForm } from './TrainingForm';

const load = (trainingId: string | undefined) =>
  Promise.all([loadFramework(), trainingId ? call(catalogueEndpoints.getTraining, { params: { trainingId } }) : Promise.resolve(undefined)]);

/** `/aanbieder/opleidingen/nieuw` and `/aanbieder/opleidingen/:id`: create or edit a training and its sessions. */
export function ProviderTrainingPage({ trainingId }: { trainingId?: string }) {
  const { t } = useI18n();
  const { user } = useSession();
  const { query } = useLocation();
  const labels = useCatalogueLabels();
  const loaded = useCombinedQuery(['getTraining', 'getCurrentFramework'], [trainingId], () => load(trainingId));
  if (providerMemberships(user).length === 0) return <ProviderOnly />;
  if (loaded.error?.id === 'not_found') return <NotFoundPage />;

  const training = loaded.data?.[1];
  const heading = !trainingId ? t('providerTraining.newTitle') : training ? t('providerTraining.editTitle', { title: training.title }) : t('training.loadingTitle');
  const handleSaved = (saved: TrainingDto) => {
    if (loaded.data) loaded.setData([loaded.data[0], saved]);
    if (!trainingId) navigate(`/aanbieder/opleidingen/${encodeURIComponent(saved.id)}?nieuw=1`, { replace: true });
  };

  return (
    <section className="page page-provider-training">
      <p className="breadcrumb">
        <Link href="/aanbieder">{t('providerTraining.back')}</Link>
      </p>
      <PageHeading title={heading}>{heading}</PageHeading>
      {query.get('nieuw') && <p className="alert alert-success">{t('providerTraining.created')}</p>}
      {training && (
        <p>
          {t('providerTraining.status', { status: labels.status(training.status) })} <Link href={`/opleidingen/${encodeURIComponent(training.id)}`}>{t('providerTraining.view')}</Link>
        </p>
      )}
      {loaded.loading && !loaded.data && <Loading />}
      {loaded.error && <ErrorAlert error={loaded.error} onRetry={loaded.reload} />}
      {loaded.data && (
        <>
          <TrainingForm key={training?.id ?? 'new'} framework={loaded.data[0]} training={training} onSaved={handleSaved} />
          {training && <ProviderSessions training={training} />}
        </>
      )}
    </section>
  );
}
