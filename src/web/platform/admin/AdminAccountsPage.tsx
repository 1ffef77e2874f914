import { useState } from 'react';
import { formatDate } from '../../../shared/i18n/format';
import type { AccountDto } from '../../../shared/platform/admin';
import { adminEndpoints } from '../../../shared/platform/admin-endpoints';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { useSubmit } from '../../components/useSubmit';
import { useI18n } from '../../i18n';
import { useEndpointMutation, useEndpointQuery } from '../../serverState';
import { useSession } from '../session';
import { AdminLayout, PAGE_SIZE, PageButtons, SearchForm, useSearchedPage } from './AdminLayout';

/** `/beheer`: accounts found by address or name, with their roles; block, unblock, mail a reset link. */
export function AdminAccountsPage() {
  const { t } = useI18n();
  const { query, offset, setOffset, search } = useSearchedPage();
  const list = useEndpointQuery(adminEndpoints.listAccounts, { query });
  return (
    <AdminLayout title={t('admin.accountsTitle')}>
      <SearchForm id="admin-account-search" label={t('admin.accountSearch')} onSearch={search} />
      {list.loading && <Loading />}
      {list.error && <ErrorAlert error={list.error} onRetry={list.reload} />}
      {list.data && (
        <>
          <p role="status">{t('admin.accountCount', { count: list.data.total })}</p>
          <div className="table-wrap">
            <table className="data-table">
              <caption className="visually-hidden">{t('admin.accountsTitle')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('admin.columnName')}</th>
                  <th scope="col">{t('admin.columnEmail')}</th>
                  <th scope="col">{t('admin.columnRoles')}</th>
                  <th scope="col">{t('admin.columnCreated')}</th>
                  <th scope="col">{t('admin.columnActions')}</th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((account) => (
                  <AccountRow key={account.id} account={account} />
                ))}
              </tbody>
            </table>
          </div>
          <PageButtons offset={offset} hasMore={offset + PAGE_SIZE < list.data.total} onOffset={setOffset} />
        </>
      )}
    </AdminLayout>
  );
}

function AccountRow({ account }: { account: AccountDto }) {
  const { t, locale } = useI18n();
  const { user } = useSession();
  const [done, setDone] = useState<string>();
  const block = useEndpointMutation(adminEndpoints.blockAccount, { invalidates: ['listAccounts', 'listAuditLog'] });
  const unblock = useEndpointMutation(adminEndpoints.unblockAccount, { invalidates: ['listAccounts', 'listAuditLog'] });
  const reset = useEndpointMutation(adminEndpoints.sendPasswordResetLink, { invalidates: ['listOutbox', 'listAuditLog'] });
  const params = { accountId: account.id };
  const { run, busy, failure } = useSubmit(async (action: 'block' | 'unblock' | 'reset') => {
    if (action === 'block') await block({ params });
    else if (action === 'unblock') await unblock({ params });
    else await reset({ params });
    setDone(t(`admin.done.${action}`, { email: account.email }));
  });
  const roles = [
    ...account.platformRoles.map((role) => t(`admin.roles.${role}`)),
    ...account.memberships.map((m) => t('admin.roleAt', { role: t(`admin.roles.${m.role}`), school: m.schoolName })),
  ];
  return (
    <tr>
      <th scope="row">
        {account.displayName}
        {account.blockedAt && <span className="badge"> {t('admin.blocked')}</span>}
      </th>
      <td>{account.email}</td>
      <td>{roles.join(', ') || t('admin.noRoles')}</td>
      <td>{formatDate(account.createdAt, locale)}</td>
      <td>
        <div className="actions">
          {account.blockedAt ? (
            <button
              type="button"
              className="button button-secondary"
              disabled={busy}
              onClick={() => void run('unblock')}
              aria-label={t('admin.unblockLabel', { email: account.email })}
            >
              {t('admin.unblock')}
            </button>
          ) : (
            account.id !== user?.id && (
              <button type="button" className="button button-secondary" disabled={busy} onClick={() => void run('block')} aria-label={t('admin.blockLabel', { email: account.email })}>
                {t('admin.block')}
              </button>
            )
          )}
          <button type="button" className="button button-secondary" disabled={busy} onClick={() => void run('reset')} aria-label={t('admin.resetLabel', { email: account.email })}>
            {t('admin.reset')}
          </button>
        </div>
        {done && !failure && <p role="status">{done}</p>}
        {failure && <ErrorAlert error={failure} />}
      </td>
    </tr>
  );
}
