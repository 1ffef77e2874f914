import { formatDate, formatNumber, formatPercent } from '../../../shared/i18n/format';
import type { BoardOverviewSchool } from '../../../shared/school/board-overview/board-overview';
import { boardOverviewEndpoints } from '../../../shared/school/board-overview/endpoints';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { NarrowPage } from '../../components/NarrowPage';
import { PageHeading } from '../../components/PageHeading';
import { useI18n } from '../../i18n';
import { Link } from '../../router';
import { useEndpointQuery } from '../../serverState';
import { percentText } from '../campaign/reportView';
import { cyberPath } from '../cyber-check/cyberPaths';
import { policyPlanPath } from '../policy-plan/policyPaths';
import { budgetPath, campaignsPath, reportPath, schoolPath } from '../schoolAccess';
import { formatCents } from '../training-budget/trainingBudgetView';

/** A board's schools side by side, one row per school: what each school's own pages show the board, in one table. */
export function BoardOverviewPage({ boardId }: { boardId: string }) {
  const { t } = useI18n();
  const overview = useEndpointQuery(boardOverviewEndpoints.getBoardOverview, { params: { boardId } });
  if (overview.loading && !overview.data && !overview.error) return <Loading />;
  if (overview.error || !overview.data) {
    return <NarrowPage title={t('boardOverview.title')}>{overview.error && <ErrorAlert error={overview.error} onRetry={overview.reload} />}</NarrowPage>;
  }
  const { boardName, schools } = overview.data;
  return (
    <section className="page board-overview-page">
      <PageHeading title={t('boardOverview.title')}>{t('boardOverview.title')}</PageHeading>
      <p className="lead">{t('boardOverview.intro', { board: boardName })}</p>
      {/* The ICT park's pages are the infra module's; their address is written here, not imported. */}
      <p className="no-print">
        <Link href={`/bestuur/${encodeURIComponent(boardId)}/ictpark`}>{t('infra.boardTitle')}</Link>
      </p>
      <div className="table-wrap" tabIndex={0} role="region" aria-label={t('boardOverview.title')}>
        <table className="data-table" data-testid="board-overview-table">
          <caption className="visually-hidden">{t('boardOverview.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('boardOverview.school')}</th>
              <th scope="col">{t('boardOverview.participation')}</th>
              <th scope="col">{t('boardOverview.levels')}</th>
              <th scope="col">{t('boardOverview.budget')}</th>
              <th scope="col">{t('boardOverview.park')}</th>
              <th scope="col">{t('boardOverview.funding')}</th>
              <th scope="col">{t('boardOverview.cyber')}</th>
              <th scope="col">{t('boardOverview.plan')}</th>
            </tr>
          </thead>
          <tbody>
            {schools.map((school) => (
              <SchoolRow key={school.schoolId} school={school} />
            ))}
          </tbody>
        </table>
      </div>
      <p className="muted">{t('boardOverview.privacy')}</p>
    </section>
  );
}

function SchoolRow({ school }: { school: BoardOverviewSchool }) {
  const { t, locale } = useI18n();
  const { digisnap, trainingBudget, ictPark, funding, cyberCheck, policyPlan } = school;
  const report = digisnap?.report;
  return (
    <tr data-testid="board-overview-row">
      <th scope="row">
        <Link href={schoolPath(school.schoolId)}>{school.schoolName}</Link>
      </th>
      <td>
        {digisnap === null ? (
          t('boardOverview.noRound')
        ) : (
          <Link href={campaignsPath(school.schoolId)}>
            {digisnap.participation
              ? t('boardOverview.participated', { completed: formatNumber(digisnap.participation.completed, locale), invited: formatNumber(digisnap.participation.invited, locale) })
              : t('boardOverview.participationHidden', { threshold: digisnap.threshold })}
          </Link>
        )}
      </td>
      <td>
        {report && digisnap ? (
          <Link href={reportPath(school.schoolId, digisnap.campaignId)}>
            {report.bands.map((band) => `${band.band} ${percentText(band.share, locale)}`).join(' · ')}
            <br />
            {t('boardOverview.bOrAbove', { share: percentText(report.bOrAboveShare, locale) })}
          </Link>
        ) : (
          t('boardOverview.noReport')
        )}
      </td>
      <td>
        <Link href={budgetPath(school.schoolId)}>
          {t('boardOverview.budgetLeft', { left: formatCents(trainingBudget.leftCents, locale), total: formatCents(trainingBudget.totalCents, locale) })}
        </Link>
      </td>
      <td>
        {ictPark
          ? t('boardOverview.devices', {
              count: ictPark.devices,
              devices: formatNumber(ictPark.devices, locale),
              per100: ictPark.computersPer100Pupils === null ? '–' : formatNumber(ictPark.computersPer100Pupils, locale),
            })
          : '–'}
      </td>
      <td>
        {funding
          ? t('boardOverview.fundingSpent', {
              spent: formatCents(funding.spentCents, locale),
              budget: funding.budgetCents === null ? '–' : formatCents(funding.budgetCents, locale),
            })
          : '–'}
      </td>
      <td>
        {cyberCheck ? (
          <Link href={cyberPath(school.schoolId)}>
            {t('boardOverview.cyberDone', {
              date: formatDate(cyberCheck.submittedAt, locale),
              atTarget: cyberCheck.shareAtTarget === null ? '–' : formatPercent(cyberCheck.shareAtTarget, locale),
              actions: formatNumber(cyberCheck.actions, locale),
            })}
          </Link>
        ) : (
          t('boardOverview.noCyber')
        )}
      </td>
      <td>
        <Link href={policyPlanPath(school.schoolId)}>
          {policyPlan.current ? t('boardOverview.planCurrent', { from: policyPlan.periodFrom, to: policyPlan.periodTo }) : t('boardOverview.planNotCurrent')}
        </Link>
        <br />
        {t('boardOverview.planCounts', { goals: formatNumber(policyPlan.goals, locale), actions: formatNumber(policyPlan.actions, locale) })}
      </td>
    </tr>
  );
}
