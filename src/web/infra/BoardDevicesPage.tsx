import { formatDate } from '../../shared/i18n/format';
import { infraEndpoints } from '../../shared/infra/endpoints';
import { ErrorAlert } from '../components/ErrorAlert';
import { Loading } from '../components/Loading';
import { NarrowPage } from '../components/NarrowPage';
import { PageHeading } from '../components/PageHeading';
import { useI18n } from '../i18n';
import { Link, useLocation } from '../router';
import { useEndpointQuery } from '../serverState';
import { DevicePager, FilterForm, filtersOf, PAGE_SIZE } from './DeviceListPage';
import { boardFundingPath, boardIndicatorsPath, boardParkPath, devicePath } from './infraPaths';

/** A board's view of the ICT park of all its schools, read only, with the same filters. */
export function BoardDevicesPage({ boardId }: { boardId: string }) {
  const { t, locale } = useI18n();
  const filters = filtersOf(useLocation().query);
  const list = useEndpointQuery(infraEndpoints.listBoardDevices, { params: { boardId }, query: { ...filters, limit: String(PAGE_SIZE) } as Record<string, string> });
  if (list.loading && !list.data && !list.error) return <Loading />;
  if (list.error || !list.data) return <NarrowPage title={t('infra.boardTitle')}>{list.error && <ErrorAlert error={list.error} onRetry={list.reload} />}</NarrowPage>;
  const { items, total, page } = list.data;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const base = boardParkPath(boardId);
  return (
    <section className="page ictpark-page">
      <PageHeading title={t('infra.boardTitle')}>{t('infra.boardTitle')}</PageHeading>
      <p className="lead">{t('infra.boardIntro')}</p>
      <p>
        <Link href={boardFundingPath(boardId)}>{t('funding.boardTitle')}</Link> <Link href={boardIndicatorsPath(boardId)}>{t('indicators.nav')}</Link>{' '}
        {/* The board's overview is the school module's page; its address is written here, not imported. */}
        <Link href={`/bestuur/${encodeURIComponent(boardId)}/overzicht`}>{t('boardOverview.title')}</Link>
      </p>
      <FilterForm key={JSON.stringify(filters)} basePath={base} filters={filters} />
      <p role="status" data-testid="device-count">
        {t('infra.count', { count: total })}
      </p>
      {items.length === 0 ? (
        <p>{t('infra.empty')}</p>
      ) : (
        <div className="table-wrap" tabIndex={0} role="region" aria-label={t('infra.boardTitle')}>
          <table className="data-table" data-testid="device-table">
            <caption className="visually-hidden">{t('infra.boardTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('infra.assetTag')}</th>
                <th scope="col">{t('infra.school')}</th>
                <th scope="col">{t('infra.model')}</th>
                <th scope="col">{t('infra.state')}</th>
                <th scope="col">{t('infra.purchaseDate')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((device) => (
                <tr key={device.id}>
                  <th scope="row">
                    <Link href={devicePath(device.schoolId, device.id)}>{device.assetTag}</Link>
                  </th>
                  <td>{device.schoolName ?? ''}</td>
                  <td>
                    {device.model.manufacturer} {device.model.name}
                  </td>
                  <td>{t(`infra.states.${device.state}`)}</td>
                  <td>{device.purchaseDate ? formatDate(device.purchaseDate, locale) : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <DevicePager basePath={base} filters={filters} page={page} pages={pages} />
    </section>
  );
}
