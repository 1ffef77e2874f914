import { formatDate } from '../../shared/i18n/format';
import { decommissionEndpoints } from '../../shared/infra/decommission-endpoints';
import type { InfraFileDto } from '../../shared/infra/file-api';
import { infraFileEndpoints } from '../../shared/infra/file-endpoints';
import { endpointHref } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { FactList } from '../components/FactList';
import { Loading } from '../components/Loading';
import { NarrowPage } from '../components/NarrowPage';
import { useI18n } from '../i18n';
import { Link } from '../router';
import { SchoolNav } from '../school/SchoolNav';
import { useEndpointQuery } from '../serverState';
import { decommissionPath, devicePath } from './infraPaths';
import { LateCertificateForm } from './LateCertificateForm';

/** One batch: the partner, the certificate, and every device with its wipe record. */
export function DecommissionBatchPage({ schoolId, batchId }: { schoolId: string; batchId: string }) {
  const { t, locale } = useI18n();
  const detail = useEndpointQuery(decommissionEndpoints.getDecommissionBatch, { params: { batchId } });
  if (detail.loading && !detail.data && !detail.error) return <Loading />;
  if (detail.error || !detail.data) {
    return (
      <NarrowPage title={t('decom.batchTitle')}>
        <SchoolNav schoolId={schoolId} />
        {detail.error && <ErrorAlert error={detail.error} onRetry={detail.reload} />}
      </NarrowPage>
    );
  }
  const batch = detail.data;
  return (
    <NarrowPage title={t('decom.batchTitle')} testId="decommission-batch">
      <SchoolNav schoolId={schoolId} />
      <p>
        <Link href={decommissionPath(schoolId)}>{t('decom.backToList')}</Link>
      </p>
      <FactList
        facts={[
          [t('decom.partner'), batch.partner.name],
          [t('decom.route'), t(`decom.routes.${batch.partner.route}`)],
          [t('decom.handedOverOn'), formatDate(batch.handedOverOn, locale)],
          [t('decom.recordedBy'), batch.createdBy ?? '—'],
          [t('decom.note'), batch.note ?? '—'],
        ]}
      />
      <p data-testid="batch-certificate">
        {t('decom.certificate')}: {batch.certificate ? <FileLink file={batch.certificate} /> : t('decom.noCertificate')}
      </p>
      {batch.canManage && <LateCertificateForm batch={batch} />}
      <div className="table-wrap" tabIndex={0} role="region" aria-label={t('decom.devicesCaption')}>
        <table className="data-table" data-testid="batch-devices">
          <caption className="visually-hidden">{t('decom.devicesCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('infra.assetTag')}</th>
              <th scope="col">{t('decom.device')}</th>
              <th scope="col">{t('decom.stateNow')}</th>
              <th scope="col">{t('decom.method')}</th>
              <th scope="col">{t('decom.wipedBy')}</th>
              <th scope="col">{t('decom.verification')}</th>
              <th scope="col">{t('decom.certificateRef')}</th>
            </tr>
          </thead>
          <tbody>
            {batch.devices.map((device) => (
              <tr key={device.id}>
                <td>
                  <Link href={devicePath(schoolId, device.id)}>{device.assetTag}</Link>
                </td>
                <td>
                  {device.manufacturer} {device.model}
                  {device.serial ? ` (${device.serial})` : ''}
                </td>
                <td>{t(`infra.states.${device.state}`)}</td>
                <td>{t(`infra.methods.${device.sanitisation.method}`)}</td>
                <td>
                  {device.sanitisation.performedBy}, {formatDate(device.sanitisation.performedOn, locale)}
                </td>
                <td>{device.sanitisation.verification}</td>
                <td>
                  {device.sanitisation.certificateRef ?? '—'}
                  {device.sanitisation.certificate && device.sanitisation.certificate.id !== batch.certificate?.id && (
                    <>
                      {' '}
                      <FileLink file={device.sanitisation.certificate} />
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </NarrowPage>
  );
}

function FileLink({ file }: { file: InfraFileDto }) {
  return (
    <a href={endpointHref(infraFileEndpoints.downloadInfraFile, { params: { fileId: file.id } })} download>
      {file.name}
    </a>
  );
}
