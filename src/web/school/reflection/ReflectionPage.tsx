import { grants } from '../../../shared/platform/capabilities';
import { schoolEndpoints } from '../../../shared/school/endpoints';
import { reflectionEndpoints } from '../../../shared/school/reflection/endpoints';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { NarrowPage } from '../../components/NarrowPage';
import { PageHeading } from '../../components/PageHeading';
import { useI18n } from '../../i18n';
import { useEndpointQuery } from '../../serverState';
import { SchoolNav } from '../SchoolNav';
import { RoundCard } from './RoundCard';
import { RoundForm } from './RoundForm';

/** `/school/:schoolId/reflectie`: the school's reflection rounds for its managers; open one, hand out class codes, follow, close. */
export function ReflectionPage({ schoolId }: { schoolId: string }) {
  const { t } = useI18n();
  const school = useEndpointQuery(schoolEndpoints.getSchool, { params: { schoolId } });
  const rounds = useEndpointQuery(reflectionEndpoints.listReflectionRounds, { params: { schoolId } });
  const instruments = useEndpointQuery(reflectionEndpoints.listReflectionInstruments);

  if (school.loading && !school.data) return <Loading />;
  if (school.error || !school.data) {
    return <NarrowPage title={t('reflection.title')}>{school.error && <ErrorAlert error={school.error} onRetry={school.reload} />}</NarrowPage>;
  }
  const canRun = grants(school.data.myRoles, 'manageReflections');
  const items = rounds.data?.items;
  const title = t('reflection.titleFor', { school: school.data.name });
  return (
    <section className="page campaigns-page reflection-page">
      <PageHeading title={title}>{title}</PageHeading>
      <SchoolNav schoolId={schoolId} />
      <p className="lead no-print">{t('reflection.intro')}</p>
      <p className="no-print">{t('reflection.anonymity')}</p>
      {rounds.error && <ErrorAlert error={rounds.error} onRetry={rounds.reload} />}
      {!items && !rounds.error && <Loading />}
      {items && items.length === 0 && <p className="muted">{t('reflection.none')}</p>}
      {items?.map((round) => (
        <RoundCard key={round.id} round={round} canRun={canRun} onChanged={(updated) => rounds.setData({ items: items.map((r) => (r.id === updated.id ? updated : r)) })} />
      ))}
      {canRun && instruments.error && <ErrorAlert error={instruments.error} onRetry={instruments.reload} />}
      {canRun && instruments.data && (
        <div className="no-print">
          <RoundForm schoolId={schoolId} instruments={instruments.data.items} />
        </div>
      )}
    </section>
  );
}
