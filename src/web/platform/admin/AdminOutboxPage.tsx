import { useState } from 'react';
import { formatDateTime } from '../../../shared/i18n/format';
import { mailEndpoints } from '../../../shared/platform/endpoints';
import type { outboxStatuses } from '../../../shared/platform/mail';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { useI18n } from '../../i18n';
import { useEndpointQuery } from '../../serverState';
import { AdminLayout } from './AdminLayout';

type Status = (typeof outboxStatuses)[number];
/** The statuses as the contract lists them; written out, as the contract module loads zod. */
const statuses: readonly Status[] = ['queued', 'sent', 'failed'];

/** `/beheer/mails`: the newest mails, by status (the failed ones with their reason); a reminder's recipient stays hidden. */
export function AdminOutboxPage() {
  const { t, locale } = useI18n();
  const [status, setStatus] = useState<Status | ''>('');
  const list = useEndpointQuery(mailEndpoints.listOutbox, { query: { status: status || undefined, limit: 100 } });
  return (
    <AdminLayout title={t('admin.outboxTitle')}>
      <div className="field">
        <label htmlFor="admin-outbox-status">{t('admin.outboxStatus')}</label>
        <select id="admin-outbox-status" value={status} onChange={(event) => setStatus(event.target.value as Status | '')}>
          <option value="">{t('admin.outboxAll')}</option>
          {statuses.map((value) => (
            <option key={value} value={value}>
              {t(`admin.outboxStatuses.${value}`)}
            </option>
          ))}
        </select>
      </div>
      {list.loading && <Loading />}
      {list.error && <ErrorAlert error={list.error} onRetry={list.reload} />}
      {list.data && (
        <div className="table-wrap">
          <table className="data-table">
            <caption className="visually-hidden">{t('admin.outboxTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.columnWhen')}</th>
                <th scope="col">{t('admin.columnTo')}</th>
                <th scope="col">{t('admin.columnSubject')}</th>
                <th scope="col">{t('admin.columnStatus')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((message) => (
                <tr key={message.id}>
                  <td>{formatDateTime(message.createdAt, locale)}</td>
                  <td>{message.to === '(hidden)' ? t('admin.hiddenRecipient') : message.to}</td>
                  <th scope="row">{message.subject}</th>
                  <td>
                    {t(`admin.outboxStatuses.${message.status}`)}
                    {message.error && <span className="field-problem"> {message.error}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {list.data.items.length === 0 && <p>{t('admin.outboxEmpty')}</p>}
        </div>
      )}
    </AdminLayout>
  );
}
