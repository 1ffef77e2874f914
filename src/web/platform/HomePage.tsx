import { useState } from 'react';
import type { FrameworkVersionDto } from '../../shared/digisnap/api';
import { digisnapEndpoints } from '../../shared/digisnap/endpoints';
import { formatDate, formatScore } from '../../shared/i18n/format';
import { grants } from '../../shared/platform/capabilities';
import { type ApiError, asApiError, call } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import { Redirect } from '../components/Redirect';
import { TableScroll } from '../components/TableScroll';
import { loadFrameworkVersions } from '../digisnap/frameworkStore';
import { versionLabel } from '../digisnap/frameworkView';
import type { ScanSummary } from '../digisnap/types';
import { useI18n } from '../i18n';
import { MyLoans } from '../infra/MyLoans';
import { Link, navigate } from '../router';
import { MySchools } from '../school/MySchools';
import { MySchoolPlans } from '../school/policy-plan/MySchoolPlans';
import { MyReflections } from '../school/reflection/MyReflections';
import { useCombinedQuery } from '../serverState';
import { useSession } from './session';

async function loadHome() {
  const [{ scans }, versions] = await Promise.all([call(digisnapEndpoints.listMyScans), loadFrameworkVersions()]);
  const open = scans.find((scan) => scan.status === 'in_progress');
  const openScan = open ? await call(digisnapEndpoints.getScan, { params: { scanId: open.id } }) : undefined;
  return { scans, openScan, versions };
}

/** Each scan labelled with the version it was taken with, and scored against that version's maximum. */
function ScanList({ scans, versions }: { scans: ScanSummary[]; versions: readonly FrameworkVersionDto[] }) {
  const { t, text, locale } = useI18n();
  const maxOf = (scan: ScanSummary) => versions.find((v) => v.id === scan.frameworkId && v.version === scan.frameworkVersion)?.maxTotal;
  if (scans.length === 0) return <p>{t('home.scansEmpty')}</p>;
  const newestFirst = [...scans].sort((a, b) => (b.submittedAt ?? b.startedAt).localeCompare(a.submittedAt ?? a.startedAt));
  return (
    <TableScroll label={t('home.scansCaption')}>
      <table className="data-table">
        <caption className="visually-hidden">{t('home.scansCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('home.columnDate')}</th>
            <th scope="col">{t('home.columnVersion')}</th>
            <th scope="col">{t('home.columnStatus')}</th>
            <th scope="col">{t('home.columnLevel')}</th>
            <th scope="col" className="numeric">
              {t('home.columnScore')}
            </th>
          </tr>
        </thead>
        <tbody>
          {newestFirst.map((scan) => (
            <tr key={scan.id} data-testid="scan-history-row">
              <td>{formatDate(scan.submittedAt ?? scan.startedAt, locale)}</td>
              <td>{text(versionLabel(versions, scan))}</td>
              <td>{t(scan.status === 'submitted' ? 'home.statusSubmitted' : 'home.statusInProgress')}</td>
              <td>{scan.level ?? t('home.noValue')}</td>
              <td className="numeric">{scan.total === null ? t('home.noValue') : formatScore(scan.total, maxOf(scan) ?? scan.total, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

function LogoutEverywhere() {
  const { t } = useI18n();
  const { logoutEverywhere } = useSession();
  const [failure, setFailure] = useState<ApiError>();
  const handleClick = async () => {
    try {
      await logoutEverywhere();
      navigate('/login');
    } catch (error) {
      setFailure(asApiError(error));
    }
  };
  return (
    <section className="card card-quiet" aria-labelledby="logout-all-title">
      <h2 id="logout-all-title">{t('auth.logoutAllTitle')}</h2>
      <p>{t('auth.logoutAllText')}</p>
      <p>
        <Link href="/wachtwoord">{t('changePassword.link')}</Link>
      </p>
      {failure && <ErrorAlert error={failure} />}
      <button type="button" className="button button-secondary" onClick={handleClick}>
        {t('auth.logoutAll')}
      </button>
    </section>
  );
}

/** The start page: an administrator's is the accounts page, everyone else's their scans, schools and plans. */
export function HomePage() {
  const { user } = useSession();
  if (user && grants(user.globalRoles, 'manageAccounts')) return <Redirect to="/beheer" />;
  return <PersonalHome />;
}

function PersonalHome() {
  const { t, locale } = useI18n();
  const { user } = useSession();
  const home = useCombinedQuery(['listMyScans', 'getScan', 'listFrameworkVersions'], [], loadHome);
  const hasSubmitted = home.data?.scans.some((scan) => scan.status === 'submitted') ?? false;
  const open = home.data?.openScan;

  return (
    <section className="page">
      <PageHeading title={t('home.title')}>{t('home.greeting', { name: user?.displayName ?? '' })}</PageHeading>
      <p className="lead">{t('home.intro')}</p>
      <MyReflections />
      <MyLoans />
      {home.loading && <Loading />}
      {home.error && <ErrorAlert error={home.error} onRetry={home.reload} />}
      {home.data && (
        <>
          <div className="actions">
            {open ? (
              <Link href={`/scan/${encodeURIComponent(open.id)}`} className="button button-primary button-large">
                {t('home.resume', { progress: formatScore(open.progress.answered, open.progress.total, locale) })}
              </Link>
            ) : (
              <Link href="/scan" className="button button-primary button-large">
                {t(hasSubmitted ? 'home.startAgain' : 'home.start')}
              </Link>
            )}
            {hasSubmitted && (
              <Link href="/profile" className="button button-secondary button-large">
                {t('home.viewProfile')}
              </Link>
            )}
          </div>
          <section aria-labelledby="scans-title">
            <h2 id="scans-title">{t('home.scansTitle')}</h2>
            <ScanList scans={home.data.scans} versions={home.data.versions} />
          </section>
        </>
      )}
      <MySchoolPlans />
      <MySchools />
      <LogoutEverywhere />
    </section>
  );
}
