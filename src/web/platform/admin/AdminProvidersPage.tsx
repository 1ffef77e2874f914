import { catalogueEndpoints } from '../../../shared/catalogue/endpoints';
import { formatDate } from '../../../shared/i18n/format';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { useSubmit } from '../../components/useSubmit';
import { useI18n } from '../../i18n';
import { useEndpointMutation, useEndpointQuery } from '../../serverState';
import { AdminLayout } from './AdminLayout';

/** `/beheer/aanbieders`: training providers, those still to verify first, each verified with one click. */
export function AdminProvidersPage() {
  const { t, locale } = useI18n();
  const list = useEndpointQuery(catalogueEndpoints.listProviders);
  const verify = useEndpointMutation(catalogueEndpoints.verifyProvider, { invalidates: ['listProviders'] });
  const { run, busy, failure } = useSubmit((providerId: string) => verify({ params: { providerId } }));
  const providers = [...(list.data?.items ?? [])].sort((a, b) => Number(a.verified) - Number(b.verified) || a.name.localeCompare(b.name, locale));
  return (
    <AdminLayout title={t('admin.providersTitle')}>
      {list.loading && <Loading />}
      {list.error && <ErrorAlert error={list.error} onRetry={list.reload} />}
      {failure && <ErrorAlert error={failure} />}
      {list.data && (
        <>
          <p role="status">{t('admin.providersToVerify', { count: providers.filter((p) => !p.verified).length })}</p>
          <div className="table-wrap">
            <table className="data-table">
              <caption className="visually-hidden">{t('admin.providersTitle')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('admin.columnProvider')}</th>
                  <th scope="col">{t('admin.columnEmail')}</th>
                  <th scope="col">{t('admin.columnCreated')}</th>
                  <th scope="col">{t('admin.columnStatus')}</th>
                </tr>
              </thead>
              <tbody>
                {providers.map((provider) => (
                  <tr key={provider.id}>
                    <th scope="row">{provider.website ? <a href={provider.website}>{provider.name}</a> : provider.name}</th>
                    <td>{provider.contactEmail}</td>
                    <td>{formatDate(provider.createdAt, locale)}</td>
                    <td>
                      {provider.verified ? (
                        t('admin.verified')
                      ) : (
                        <button
                          type="button"
                          className="button button-secondary"
                          disabled={busy}
                          onClick={() => void run(provider.id)}
                          aria-label={t('admin.verifyLabel', { name: provider.name })}
                        >
                          {t('admin.verify')}
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </AdminLayout>
  );
}
