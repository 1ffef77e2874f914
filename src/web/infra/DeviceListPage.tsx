import { type FormEvent, useState } from 'react';
import { formatDate } from '../../shared/i18n/format';
import { deviceTypes, fundingSources } from '../../shared/infra/device-types';
import { infraEndpoints } from '../../shared/infra/endpoints';
import { deviceStates } from '../../shared/infra/lifecycle';
import { grants } from '../../shared/platform/capabilities';
import { schoolEndpoints } from '../../shared/school/endpoints';
import { endpointHref } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { Loading } from '../components/Loading';
import { NarrowPage } from '../components/NarrowPage';
import { PageHeading } from '../components/PageHeading';
import { useI18n } from '../i18n';
import { Link, navigate, useLocation } from '../router';
import { SchoolNav } from '../school/SchoolNav';
import { useEndpointQuery } from '../serverState';
import { boardParkPath, decommissionPath, deviceImportPath, devicePath, fundingPath, ictParkPath, indicatorsPath, loansPath, newDevicePath, replacementPath } from './infraPaths';

const filterKeys = ['q', 'type', 'state', 'fundingSource', 'campus', 'room', 'purchaseYear', 'sort', 'order', 'page'] as const;
export type Filters = Partial<Record<(typeof filterKeys)[number], string>>;
const sortKeys = ['assetTag', 'purchaseDate', 'model', 'state', 'updatedAt'] as const;
const sortLabels = { assetTag: 'sortAssetTag', purchaseDate: 'sortPurchaseDate', model: 'sortModel', state: 'sortState', updatedAt: 'sortUpdatedAt' } as const;
export const PAGE_SIZE = 50;

/** The filters live in the address, so a filtered list can be bookmarked and the back button works. */
export function filtersOf(query: URLSearchParams): Filters {
  const filters: Filters = {};
  for (const key of filterKeys) {
    const value = query.get(key);
    if (value) filters[key] = value;
  }
  return filters;
}

export function hrefOf(basePath: string, filters: Filters): string {
  const query = new URLSearchParams(Object.entries(filters).filter(([, value]) => value) as Array<[string, string]>).toString();
  return `${basePath}${query ? `?${query}` : ''}`;
}

/** The school's devices: search, filters, pages, and the way to add, import and export. */
export function DeviceListPage({ schoolId }: { schoolId: string }) {
  const { t, locale } = useI18n();
  const filters = filtersOf(useLocation().query);
  const school = useEndpointQuery(schoolEndpoints.getSchool, { params: { schoolId } });
  const query = { ...filters, limit: String(PAGE_SIZE) } as Record<string, string>;
  const list = useEndpointQuery(infraEndpoints.listDevices, { params: { schoolId }, query });

  if ((school.loading && !school.data) || (list.loading && !list.data && !list.error)) return <Loading />;
  const failure = school.error ?? list.error;
  if (failure || !school.data || !list.data) {
    return (
      <NarrowPage title={t('infra.nav')}>
        <SchoolNav schoolId={schoolId} />
        {failure && <ErrorAlert error={failure} onRetry={school.error ? school.reload : list.reload} />}
        {list.error && Object.keys(filters).length > 0 && (
          <p>
            <Link href={ictParkPath(schoolId)}>{t('infra.reset')}</Link>
          </p>
        )}
      </NarrowPage>
    );
  }
  const canManage = grants(school.data.myRoles, 'manageDevices');
  const title = t('infra.title', { school: school.data.name });
  const { items, total } = list.data;
  const page = list.data.page;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  return (
    <section className="page ictpark-page">
      <PageHeading title={title}>{title}</PageHeading>
      <SchoolNav schoolId={schoolId} />
      <p className="lead">{t('infra.intro')}</p>
      {!canManage && <p className="alert alert-info">{t('infra.readOnly')}</p>}
      {school.data.board && school.data.myRoles.includes('board_admin') && (
        <p>
          <Link href={boardParkPath(school.data.board.id)}>{t('infra.boardLink', { board: school.data.board.name })}</Link>
        </p>
      )}
      <div className="actions actions-tight no-print">
        {canManage && (
          <>
            <Link className="button button-primary" href={newDevicePath(schoolId)}>
              {t('infra.add')}
            </Link>
            <Link className="button button-secondary" href={deviceImportPath(schoolId)}>
              {t('infra.importLink')}
            </Link>
          </>
        )}
        <Link className="button button-secondary" href={loansPath(schoolId)}>
          {t('loans.nav')}
        </Link>
        <Link className="button button-secondary" href={fundingPath(schoolId)}>
          {t('funding.nav')}
        </Link>
        <Link className="button button-secondary" href={indicatorsPath(schoolId)}>
          {t('indicators.nav')}
        </Link>
        <Link className="button button-secondary" href={decommissionPath(schoolId)}>
          {t('decom.nav')}
        </Link>
        <Link className="button button-secondary" href={replacementPath(schoolId)}>
          {t('replacement.nav')}
        </Link>
        <a className="button button-secondary" href={endpointHref(infraEndpoints.exportDevices, { params: { schoolId }, query: { format: 'csv' } })} download>
          {t('infra.exportCsv')}
        </a>
        <a className="button button-secondary" href={endpointHref(infraEndpoints.exportDevices, { params: { schoolId }, query: { format: 'xlsx' } })} download>
          {t('infra.exportXlsx')}
        </a>
      </div>
      <FilterForm key={JSON.stringify(filters)} basePath={ictParkPath(schoolId)} filters={filters} />
      <p role="status" data-testid="device-count">
        {t('infra.count', { count: total })}
      </p>
      {items.length === 0 ? (
        <p>{t('infra.empty')}</p>
      ) : (
        <div className="table-wrap" tabIndex={0} role="region" aria-label={t('infra.tableCaption')}>
          <table className="data-table" data-testid="device-table">
            <caption className="visually-hidden">{t('infra.tableCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('infra.assetTag')}</th>
                <th scope="col">{t('infra.model')}</th>
                <th scope="col">{t('infra.type')}</th>
                <th scope="col">{t('infra.state')}</th>
                <th scope="col">{t('infra.location')}</th>
                <th scope="col">{t('infra.purchaseDate')}</th>
                <th scope="col">{t('infra.fundingSource')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((device) => (
                <tr key={device.id}>
                  <th scope="row">
                    <Link href={devicePath(schoolId, device.id)}>{device.assetTag}</Link>
                  </th>
                  <td>
                    {device.model.manufacturer} {device.model.name}
                  </td>
                  <td>{t(`infra.types.${device.model.type}`)}</td>
                  <td>{t(`infra.states.${device.state}`)}</td>
                  <td>{[device.campus, device.room].filter(Boolean).join(', ')}</td>
                  <td>{device.purchaseDate ? formatDate(device.purchaseDate, locale) : ''}</td>
                  <td>{device.fundingSource ? t(`infra.funding.${device.fundingSource}`) : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <DevicePager basePath={ictParkPath(schoolId)} filters={filters} page={page} pages={pages} />
    </section>
  );
}

/** Previous and next page of a device list, keeping its filters in the address. */
export function DevicePager({ basePath, filters, page, pages }: { basePath: string; filters: Filters; page: number; pages: number }) {
  const { t } = useI18n();
  if (pages <= 1) return null;
  return (
    <nav aria-label={t('infra.pagesLabel')} className="device-pager no-print">
      {page > 1 && <Link href={hrefOf(basePath, { ...filters, page: String(page - 1) })}>{t('infra.previous')}</Link>}
      <span>{t('infra.page', { page, pages })}</span>
      {page < pages && <Link href={hrefOf(basePath, { ...filters, page: String(page + 1) })}>{t('infra.next')}</Link>}
    </nav>
  );
}

export function FilterForm({ basePath, filters }: { basePath: string; filters: Filters }) {
  const { t } = useI18n();
  const [values, setValues] = useState<Filters>(filters);
  const set = (key: keyof Filters) => (event: { target: { value: string } }) => setValues((current) => ({ ...current, [key]: event.target.value }));
  const apply = (event: FormEvent) => {
    event.preventDefault();
    navigate(hrefOf(basePath, { ...values, page: undefined }));
  };
  const select = (key: keyof Filters, label: string, options: ReadonlyArray<{ value: string; label: string }>, empty = true) => (
    <div className="field field-inline">
      <label htmlFor={`filter-${key}`}>{label}</label>
      <select id={`filter-${key}`} value={values[key] ?? ''} onChange={set(key)}>
        {empty && <option value="">{t('infra.any')}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
  const input = (key: keyof Filters, label: string, type = 'text') => (
    <div className="field field-inline">
      <label htmlFor={`filter-${key}`}>{label}</label>
      <input id={`filter-${key}`} type={type} value={values[key] ?? ''} onChange={set(key)} />
    </div>
  );
  return (
    <form className="card device-filters no-print" role="search" aria-label={t('infra.filtersTitle')} onSubmit={apply}>
      {input('q', t('infra.search'), 'search')}
      {select(
        'type',
        t('infra.type'),
        deviceTypes.map((code) => ({ value: code, label: t(`infra.types.${code}`) })),
      )}
      {select(
        'state',
        t('infra.state'),
        deviceStates.map((code) => ({ value: code, label: t(`infra.states.${code}`) })),
      )}
      {select(
        'fundingSource',
        t('infra.fundingSource'),
        fundingSources.map((code) => ({ value: code, label: t(`infra.funding.${code}`) })),
      )}
      {input('campus', t('infra.campus'))}
      {input('room', t('infra.room'))}
      {input('purchaseYear', t('infra.purchaseYear'), 'number')}
      {select(
        'sort',
        t('infra.sort'),
        sortKeys.map((code) => ({ value: code, label: t(`infra.${sortLabels[code]}`) })),
        false,
      )}
      {select(
        'order',
        t('infra.order'),
        [
          { value: 'asc', label: t('infra.orderAsc') },
          { value: 'desc', label: t('infra.orderDesc') },
        ],
        false,
      )}
      <div className="actions actions-tight">
        <button type="submit" className="button button-primary">
          {t('infra.apply')}
        </button>
        <Link className="button button-secondary" href={basePath}>
          {t('infra.reset')}
        </Link>
      </div>
    </form>
  );
}
