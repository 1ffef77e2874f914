import { centreIctTeamsEndpoints } from '../../shared/centre/ict-teams-endpoints';
import { formatNumber, formatPercent } from '../../shared/i18n/format';
import { ErrorAlert } from '../components/ErrorAlert';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import { TableScroll } from '../components/TableScroll';
import { useI18n } from '../i18n';
import { useEndpointQuery } from '../serverState';
import { CentreNav } from './CentreNav';
import './centre.css';

/** `/kenniscentrum/ict-teams`: how many schools have an ICT team, their hours and where a school group shares one; counts of schools only. */
export function CentreIctTeamsPage() {
  const { t, locale } = useI18n();
  const picture = useEndpointQuery(centreIctTeamsEndpoints.getCentreIctTeams);
  const data = picture.data;
  return (
    <section className="page centre-page" data-testid="centre-ict-teams">
      <PageHeading title={t('centreIctTeams.title')}>{t('centreIctTeams.title')}</PageHeading>
      <CentreNav />
      <p className="lead">{t('centreIctTeams.intro')}</p>
      {picture.loading && !data && <Loading />}
      {picture.error && <ErrorAlert error={picture.error} onRetry={picture.reload} />}
      {data && (
        <>
          <dl className="fact-list">
            <dt>{t('centreIctTeams.withTeam')}</dt>
            <dd data-testid="centre-ict-with-team">
              {t('centreIctTeams.ofSchools', {
                count: data.schoolsWithTeam,
                total: formatNumber(data.schools, locale),
                share: formatPercent(data.schools ? data.schoolsWithTeam / data.schools : 0, locale),
              })}
            </dd>
            <dt>{t('centreIctTeams.median')}</dt>
            <dd>{data.medianHours === null ? '–' : t('centreIctTeams.hours', { hours: formatNumber(data.medianHours, locale) })}</dd>
            <dt>{t('centreIctTeams.sharing')}</dt>
            <dd>{t('centreIctTeams.sharingText', { schools: data.sharingSchools, groups: data.sharingGroups })}</dd>
          </dl>
          <h2 id="centre-ict-hours">{t('centreIctTeams.hoursTitle')}</h2>
          <TableScroll label={t('centreIctTeams.hoursTitle')}>
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t('centreIctTeams.band')}</th>
                  <th scope="col" className="numeric">
                    {t('centreIctTeams.schools')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.hours.map((row) => (
                  <tr key={row.band}>
                    <th scope="row">{t(`centreIctTeams.bands.${row.band}`)}</th>
                    <td className="numeric">{formatNumber(row.schools, locale)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </>
      )}
    </section>
  );
}
