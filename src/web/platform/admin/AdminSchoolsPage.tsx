import { schoolEndpoints } from '../../../shared/school/endpoints';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { useI18n } from '../../i18n';
import { Link } from '../../router';
import { boardOverviewPath } from '../../school/board-overview/boardOverviewPaths';
import { useEndpointQuery } from '../../serverState';
import { AdminLayout, PAGE_SIZE, PageButtons, SearchForm, useSearchedPage } from './AdminLayout';

/** `/beheer/scholen`: every school with its board (linked to the board's overview) and number of members, searched by name or number. */
export function AdminSchoolsPage() {
  const { t } = useI18n();
  const { query, offset, setOffset, search } = useSearchedPage();
  const list = useEndpointQuery(schoolEndpoints.listAllSchools, { query });
  return (
    <AdminLayout title={t('admin.schoolsTitle')}>
      <SearchForm id="admin-school-search" label={t('admin.schoolSearch')} onSearch={search} />
      {list.loading && <Loading />}
      {list.error && <ErrorAlert error={list.error} onRetry={list.reload} />}
      {list.data && (
        <>
          <p role="status">{t('admin.schoolCount', { count: list.data.total })}</p>
          <div className="table-wrap">
            <table className="data-table">
              <caption className="visually-hidden">{t('admin.schoolsTitle')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('admin.columnSchool')}</th>
                  <th scope="col">{t('admin.columnNumber')}</th>
                  <th scope="col">{t('admin.columnBoard')}</th>
                  <th scope="col">{t('admin.columnPlace')}</th>
                  <th scope="col" className="numeric">
                    {t('admin.columnMembers')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((school) => (
                  <tr key={school.id}>
                    <th scope="row">{school.name}</th>
                    <td>{school.institutionNumber ?? '–'}</td>
                    <td>
                      {school.board ? (
                        // The board's overview, opened for support work (the platform admin's read is audited).
                        <Link href={boardOverviewPath(school.board.id)}>{`${school.board.name}${school.board.number ? ` (${school.board.number})` : ''}`}</Link>
                      ) : (
                        '–'
                      )}
                    </td>
                    <td>
                      {[school.educationLevel && t(`codes.educationLevel.${school.educationLevel}`), school.province && t(`codes.province.${school.province}`)]
                        .filter(Boolean)
                        .join(', ') || '–'}
                    </td>
                    <td className="numeric">{school.members}</td>
                  </tr>
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
