import { formatDate, formatDateTime } from '../../../shared/i18n/format';
import { grants } from '../../../shared/platform/capabilities';
import { cyberCheckEndpoints } from '../../../shared/school/cyber-check/endpoints';
import { schoolEndpoints } from '../../../shared/school/endpoints';
import { call } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { NarrowPage } from '../../components/NarrowPage';
import { PageHeading } from '../../components/PageHeading';
import { useSubmit } from '../../components/useSubmit';
import { useI18n } from '../../i18n';
import { Link, navigate } from '../../router';
import { useEndpointQuery } from '../../serverState';
import { SchoolNav } from '../SchoolNav';
import { cyberCheckPath, cyberResultPath } from './cyberPaths';
import { maturityText, shareText } from './cyberView';
import type { CyberCheckSummary } from './types';

/** The school's cybersecurity checks: start or resume the one in progress, and every earlier result. */
export function CyberCheckPage({ schoolId }: { schoolId: string }) {
  const { t } = useI18n();
  const school = useEndpointQuery(schoolEndpoints.getSchool, { params: { schoolId } });
  const checks = useEndpointQuery(cyberCheckEndpoints.listCyberChecks, { params: { schoolId } });

  if (school.loading && !school.data) return <Loading />;
  if (school.error || !school.data) {
    return <NarrowPage title={t('cyber.title')}>{school.error && <ErrorAlert error={school.error} onRetry={school.reload} />}</NarrowPage>;
  }
  const canRun = grants(school.data.myRoles, 'runCyberChecks');
  const items = checks.data?.items;
  const open = items?.find((check) => check.status === 'in_progress');
  const title = t('cyber.titleFor', { school: school.data.name });
  return (
    <section className="page cyber-page">
      <PageHeading title={title}>{title}</PageHeading>
      <SchoolNav schoolId={schoolId} />
      <p className="lead">{t('cyber.intro')}</p>
      <p className="muted">{t('cyber.source')}</p>
      {checks.error && <ErrorAlert error={checks.error} onRetry={checks.reload} />}
      {!items && !checks.error && <Loading />}
      {items && canRun && <StartCard schoolId={schoolId} open={open} />}
      {items && <CheckHistory schoolId={schoolId} items={items} />}
    </section>
  );
}

/** Start a check, or go on with the one in progress (any manager may continue another's work). */
function StartCard({ schoolId, open }: { schoolId: string; open: CyberCheckSummary | undefined }) {
  const { t, locale } = useI18n();
  const {
    run: start,
    busy,
    failure,
  } = useSubmit(
    async () => {
      const check = await call(cyberCheckEndpoints.startCyberCheck, { params: { schoolId } });
      navigate(cyberCheckPath(schoolId, check.id));
    },
    { leavesPage: true },
  );

  return (
    <section className="card card-accent" aria-labelledby="cyber-start-title" data-testid="cyber-start">
      <h2 id="cyber-start-title">{open ? t('cyber.openTitle') : t('cyber.startTitle')}</h2>
      <p>{open ? t('cyber.openText', { answered: open.progress.answered, total: open.progress.total, date: formatDateTime(open.updatedAt, locale) }) : t('cyber.startText')}</p>
      {failure && <ErrorAlert error={failure} />}
      <button type="button" className="button button-primary" onClick={start} disabled={busy} data-testid="cyber-start-button">
        {open ? t('cyber.resume') : t('cyber.start')}
      </button>
    </section>
  );
}

function CheckHistory({ schoolId, items }: { schoolId: string; items: CyberCheckSummary[] }) {
  const { t, locale } = useI18n();
  const submitted = items.filter((check) => check.status === 'submitted');
  return (
    <section className="card" aria-labelledby="cyber-history-title">
      <h2 id="cyber-history-title">{t('cyber.historyTitle')}</h2>
      {submitted.length === 0 ? (
        <p className="muted">{t('cyber.historyNone')}</p>
      ) : (
        <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="cyber-history-title">
          <table className="data-table" data-testid="cyber-history">
            <caption className="visually-hidden">{t('cyber.historyCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('cyber.columnSubmitted')}</th>
                <th scope="col" className="numeric">
                  {t('cyber.columnMean')}
                </th>
                <th scope="col" className="numeric">
                  {t('cyber.columnShare')}
                </th>
                <th scope="col" className="numeric">
                  {t('cyber.columnActions')}
                </th>
                <th scope="col">{t('cyber.columnResult')}</th>
              </tr>
            </thead>
            <tbody>
              {submitted.map((check) => (
                <tr key={check.id}>
                  <th scope="row">{formatDate(check.submittedAt!, locale)}</th>
                  <td className="numeric">{maturityText(check.overall?.meanMaturity ?? null, locale)}</td>
                  <td className="numeric">{shareText(check.overall?.shareAtTarget ?? null, locale)}</td>
                  <td className="numeric">{check.overall?.actions ?? '–'}</td>
                  <td>
                    <Link href={cyberResultPath(schoolId, check.id)}>{t('cyber.viewResult', { date: formatDate(check.submittedAt!, locale) })}</Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
