import { formatDate } from '../../shared/i18n/format';
import { decommissionEndpoints } from '../../shared/infra/decommission-endpoints';
import { schoolEndpoints } from '../../shared/school/endpoints';
import { ErrorAlert } from '../components/ErrorAlert';
import { Loading } from '../components/Loading';
import { NarrowPage } from '../components/NarrowPage';
import { PageHeading } from '../components/PageHeading';
import { useI18n } from '../i18n';
import { Link } from '../router';
import { SchoolNav } from '../school/SchoolNav';
import { useEndpointQuery } from '../serverState';
import { decommissionBatchPath, ictParkPath, newDecommissionPath, replacementPath } from './infraPaths';
import { ReuseOrder } from './ReuseOrder';

/** The school's decommission batches, newest first, after the order in which devices should leave: reuse before recycling. */
export function DecommissionListPage({ schoolId }: { schoolId: string }) {
  const { t, locale } = useI18n();
  const school = useEndpointQuery(schoolEndpoints.getSchool, { params: { schoolId } });
  const list = useEndpointQuery(decommissionEndpoints.listDecommissionBatches, { params: { schoolId } });
  if ((school.loading && !school.data) || (list.loading && !list.data && !list.error)) return <Loading />;
  const failure = school.error ?? list.error;
  if (failure || !school.data || !list.data) {
    return (
      <NarrowPage title={t('decom.nav')}>
        <SchoolNav schoolId={schoolId} />
        {failure && <ErrorAlert error={failure} onRetry={school.error ? school.reload : list.reload} />}
      </NarrowPage>
    );
  }
  const { items, canManage } = list.data;
  const title = t('decom.title', { school: school.data.name });
  return (
    <section className="page ictpark-page">
      <PageHeading title={title}>{title}</PageHeading>
      <SchoolNav schoolId={schoolId} />
      <p>
        <Link href={ictParkPath(schoolId)}>{t('infra.backToList')}</Link> · <Link href={replacementPath(schoolId)}>{t('replacement.nav')}</Link>
      </p>
      <p className="lead">{t('decom.intro')}</p>
      {!canManage && <p className="alert alert-info">{t('decom.readOnly')}</p>}
      <ReuseOrder schoolId={schoolId} />
      {canManage && (
        <p>
          <Link className="button button-primary" href={newDecommissionPath(schoolId)}>
            {t('decom.newLink')}
          </Link>
        </p>
      )}
      <h2 id="batches-title">{t('decom.batchesTitle')}</h2>
      <p role="status" data-testid="batch-count">
        {t('decom.count', { count: items.length })}
      </p>
      {items.length > 0 && (
        <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="batches-title">
          <table className="data-table" data-testid="batch-table">
            <caption className="visually-hidden">{t('decom.batchesTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('decom.handedOverOn')}</th>
                <th scope="col">{t('decom.partner')}</th>
                <th scope="col">{t('decom.route')}</th>
                <th scope="col">{t('decom.devices')}</th>
                <th scope="col">{t('decom.certificate')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((batch) => (
                <tr key={batch.id}>
                  <td>
                    <Link href={decommissionBatchPath(schoolId, batch.id)}>{formatDate(batch.handedOverOn, locale)}</Link>
                  </td>
                  <td>{batch.partner.name}</td>
                  <td>{t(`decom.routes.${batch.partner.route}`)}</td>
                  <td>{batch.devices}</td>
                  <td>{batch.certified ? t('decom.certified') : t('decom.notCertified')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
