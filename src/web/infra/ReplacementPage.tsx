import { formatDate } from '../../shared/i18n/format';
import { decommissionEndpoints } from '../../shared/infra/decommission-endpoints';
import { schoolEndpoints } from '../../shared/school/endpoints';
import { ReadMoreLink } from '../centre/ReadMoreLink';
import { ErrorAlert } from '../components/ErrorAlert';
import { Loading } from '../components/Loading';
import { NarrowPage } from '../components/NarrowPage';
import { PageHeading } from '../components/PageHeading';
import { useI18n } from '../i18n';
import { Link } from '../router';
import { SchoolNav } from '../school/SchoolNav';
import { formatCents } from '../school/training-budget/trainingBudgetView';
import { useEndpointQuery } from '../serverState';
import { schoolYearLabel } from './decommissionView';
import { decommissionPath, devicePath, ictParkPath } from './infraPaths';

/** Devices due for replacement and the forecast per school year; extending a device's life is offered first. */
export function ReplacementPage({ schoolId }: { schoolId: string }) {
  const { t, locale } = useI18n();
  const school = useEndpointQuery(schoolEndpoints.getSchool, { params: { schoolId } });
  const forecast = useEndpointQuery(decommissionEndpoints.getReplacementForecast, { params: { schoolId } });
  if ((school.loading && !school.data) || (forecast.loading && !forecast.data && !forecast.error)) return <Loading />;
  const failure = school.error ?? forecast.error;
  if (failure || !school.data || !forecast.data) {
    return (
      <NarrowPage title={t('replacement.nav')}>
        <SchoolNav schoolId={schoolId} />
        {failure && <ErrorAlert error={failure} onRetry={school.error ? school.reload : forecast.reload} />}
      </NarrowPage>
    );
  }
  const { due, years } = forecast.data;
  const title = t('replacement.title', { school: school.data.name });
  return (
    <section className="page ictpark-page" data-testid="replacement-page">
      <PageHeading title={title}>{title}</PageHeading>
      <SchoolNav schoolId={schoolId} />
      <p>
        <Link href={ictParkPath(schoolId)}>{t('infra.backToList')}</Link> · <Link href={decommissionPath(schoolId)}>{t('decom.nav')}</Link>
      </p>
      <section className="card" aria-labelledby="extend-title">
        <h2 id="extend-title">{t('replacement.extendTitle')}</h2>
        <p>
          {t('replacement.extendIntro')}
          <ReadMoreLink tag={{ topic: 'replacement' }} />
        </p>
        <ul>
          <li>{t('replacement.extend.refurbish')}</li>
          <li>{t('replacement.extend.battery')}</li>
          <li>{t('replacement.extend.redeploy')}</li>
        </ul>
      </section>
      <h2 id="forecast-title">{t('replacement.forecastTitle')}</h2>
      <p>{t('replacement.forecastIntro')}</p>
      <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="forecast-title">
        <table className="data-table" data-testid="forecast-table">
          <caption className="visually-hidden">{t('replacement.forecastTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('replacement.schoolYear')}</th>
              <th scope="col">{t('replacement.devices')}</th>
              <th scope="col">{t('replacement.cost')}</th>
            </tr>
          </thead>
          <tbody>
            {years.map((year) => (
              <tr key={year.startYear}>
                <td>{schoolYearLabel(year.startYear)}</td>
                <td>{year.devices}</td>
                <td>
                  {formatCents(year.costCents, locale)}
                  {year.estimated > 0 && <span className="field-hint"> {t('replacement.estimated', { count: year.estimated })}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2 id="due-title">{t('replacement.dueTitle')}</h2>
      <p role="status" data-testid="due-count">
        {t('replacement.dueCount', { count: due.length })}
      </p>
      {due.length > 0 && (
        <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="due-title">
          <table className="data-table" data-testid="due-table">
            <caption className="visually-hidden">{t('replacement.dueTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('infra.assetTag')}</th>
                <th scope="col">{t('decom.device')}</th>
                <th scope="col">{t('infra.state')}</th>
                <th scope="col">{t('replacement.endOfLife')}</th>
                <th scope="col">{t('replacement.repairs')}</th>
                <th scope="col">{t('replacement.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {due.map((device) => (
                <tr key={device.id}>
                  <td>
                    <Link href={devicePath(schoolId, device.id)}>{device.assetTag}</Link>
                  </td>
                  <td>
                    {device.manufacturer} {device.model}
                  </td>
                  <td>{t(`infra.states.${device.state}`)}</td>
                  <td>{device.endOfLifeOn ? formatDate(device.endOfLifeOn, locale) : '—'}</td>
                  <td>{device.repairs}</td>
                  <td>{t(`replacement.reasons.${device.reason}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
