import { useState } from 'react';
import { enrolmentEndpoints } from '../../../shared/catalogue/endpoints';
import { formatDate } from '../../../shared/i18n/format';
import { endpointHref } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { useI18n } from '../../i18n';
import { useEndpointQuery } from '../../serverState';
import type { SessionEnrolment } from '../types';

/** Who enrolled for one session, shown on demand, with the same list as a CSV download. */
export function EnrolmentList({ sessionId, label }: { sessionId: string; label: string }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const panelId = `enrolments-${sessionId}`;
  return (
    <div className="enrolment-list" data-testid="enrolment-list">
      <div className="actions actions-tight">
        <button type="button" className="button button-quiet" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen(!open)}>
          {t(open ? 'enrolments.hide' : 'enrolments.show')}
        </button>
        <a className="button button-quiet" href={endpointHref(enrolmentEndpoints.listSessionEnrolments, { params: { sessionId }, query: { format: 'csv' } })} download>
          {t('enrolments.downloadCsv')}
          <span className="visually-hidden"> ({label})</span>
        </a>
      </div>
      <div id={panelId} hidden={!open}>
        {open && <EnrolmentTable sessionId={sessionId} label={label} />}
      </div>
    </div>
  );
}

function EnrolmentTable({ sessionId, label }: { sessionId: string; label: string }) {
  const { t, locale } = useI18n();
  const loaded = useEndpointQuery(enrolmentEndpoints.listSessionEnrolments, { params: { sessionId }, query: { format: 'json' } });
  if (loaded.loading) return <Loading />;
  if (loaded.error) return <ErrorAlert error={loaded.error} onRetry={loaded.reload} />;
  const items = loaded.data?.items ?? [];
  if (items.length === 0) return <p>{t('enrolments.empty')}</p>;
  const status = (item: SessionEnrolment) => t(`enrolmentStatus.${item.status}`, { position: item.position ?? '–' });
  return (
    <div className="table-wrap">
      <table className="data-table">
        <caption>{t('enrolments.caption', { session: label })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('enrolments.columnName')}</th>
            <th scope="col">{t('enrolments.columnEmail')}</th>
            <th scope="col">{t('enrolments.columnSchool')}</th>
            <th scope="col">{t('enrolments.columnStatus')}</th>
            <th scope="col">{t('enrolments.columnDate')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.enrolmentId}>
              <th scope="row">{item.name}</th>
              <td>
                <a href={`mailto:${item.email}`}>{item.email}</a>
              </td>
              <td>{item.school ?? '–'}</td>
              <td>{status(item)}</td>
              <td>{formatDate(item.createdAt, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
