import { type FormEvent, useState } from 'react';
import { formatDateTime } from '../../../shared/i18n/format';
import { adminEndpoints } from '../../../shared/platform/admin-endpoints';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { useI18n } from '../../i18n';
import { useEndpointQuery } from '../../serverState';
import { AdminLayout, PAGE_SIZE, PageButtons } from './AdminLayout';

interface Filter {
  actor?: string;
  action?: string;
  from?: string;
  to?: string;
}

/** `/beheer/audit`: the audit log, newest first, filtered by actor, action and days, a page at a time. */
export function AdminAuditPage() {
  const { t, locale } = useI18n();
  const [filter, setFilter] = useState<Filter>({});
  const [offset, setOffset] = useState(0);
  const list = useEndpointQuery(adminEndpoints.listAuditLog, { query: { ...filter, limit: PAGE_SIZE, offset } });
  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const value = (name: string) => String(form.get(name) ?? '').trim() || undefined;
    setFilter({ actor: value('actor'), action: value('action'), from: value('from'), to: value('to') });
    setOffset(0);
  };
  return (
    <AdminLayout title={t('admin.auditTitle')}>
      <form className="form-inline" onSubmit={handleSubmit} aria-label={t('admin.auditFilter')}>
        <div className="field">
          <label htmlFor="audit-actor">{t('admin.auditActor')}</label>
          <input id="audit-actor" name="actor" type="email" />
        </div>
        <div className="field">
          <label htmlFor="audit-action">{t('admin.auditAction')}</label>
          <input id="audit-action" name="action" />
        </div>
        <div className="field">
          <label htmlFor="audit-from">{t('admin.auditFrom')}</label>
          <input id="audit-from" name="from" type="date" />
        </div>
        <div className="field">
          <label htmlFor="audit-to">{t('admin.auditTo')}</label>
          <input id="audit-to" name="to" type="date" />
        </div>
        <button type="submit" className="button button-secondary">
          {t('admin.search')}
        </button>
      </form>
      {list.loading && <Loading />}
      {list.error && <ErrorAlert error={list.error} onRetry={list.reload} />}
      {list.data && (
        <>
          <div className="table-wrap">
            <table className="data-table">
              <caption className="visually-hidden">{t('admin.auditTitle')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('admin.columnWhen')}</th>
                  <th scope="col">{t('admin.auditActor')}</th>
                  <th scope="col">{t('admin.auditAction')}</th>
                  <th scope="col">{t('admin.columnSubject')}</th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((event) => (
                  <tr key={event.id}>
                    <td>{formatDateTime(event.at, locale)}</td>
                    <td>{event.actorEmail ?? t('admin.system')}</td>
                    <th scope="row">{event.action}</th>
                    <td>{event.subject ?? '–'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {list.data.items.length === 0 && <p>{t('admin.auditEmpty')}</p>}
          <PageButtons offset={offset} hasMore={list.data.hasMore} onOffset={setOffset} />
        </>
      )}
    </AdminLayout>
  );
}
