import { fronts } from '../../../shared/platform/fronts';
import { actionStatuses } from '../../../shared/school/policy-plan/policy-plan-rules';
import { endpointHref } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { NarrowPage } from '../../components/NarrowPage';
import { PageHeading } from '../../components/PageHeading';
import { useI18n } from '../../i18n';
import { useSession } from '../../platform/session';
import { useLocation } from '../../router';
import { SchoolNav } from '../SchoolNav';
import { managedSchools } from '../schoolAccess';
import { ActionsSection } from './ActionsSection';
import { GoalsSection } from './GoalsSection';
import { PrintPlan } from './PrintPlan';
import { SuggestionPanels } from './SuggestionPanels';
import type { PolicyPlan, SourceKind } from './types';
import { VisionSection } from './VisionSection';
import './policy-plan.css';
import { policyPlanEndpoints } from '../../../shared/school/policy-plan/endpoints';
import { useEndpointQuery } from '../../serverState';

/**
 * The school's ICT policy plan: vision, goals by term, actions, and panels to take actions
 * from results. Every member reads it; principals and ICT coordinators change it. After each
 * change the plan is read again, so the summary and the overdue marks are the server's.
 */
export function PolicyPlanPage({ schoolId }: { schoolId: string }) {
  const { t } = useI18n();
  const plan = useEndpointQuery(policyPlanEndpoints.getPolicyPlan, { params: { schoolId } });

  if (plan.loading && !plan.data) return <Loading />;
  if (plan.error || !plan.data) {
    return (
      <NarrowPage title={t('policyPlan.title')}>
        <SchoolNav schoolId={schoolId} />
        {plan.error && <ErrorAlert error={plan.error} onRetry={plan.reload} />}
      </NarrowPage>
    );
  }
  return <PlanView plan={plan.data} />;
}

function PlanView({ plan }: { plan: PolicyPlan }) {
  const { t, locale } = useI18n();
  const { query } = useLocation();
  const { user } = useSession();
  // Teachers read the plan; the school's other pages are for those who manage it.
  const manages = managedSchools(user).some((school) => school.schoolId === plan.schoolId);
  const title = t('policyPlan.titleFor', { school: plan.schoolName });
  const requested = query.get('bron');
  const from = requested && query.get('resultaat') ? { kind: requested as SourceKind, id: query.get('resultaat')! } : null;
  return (
    <section className="page policy-plan-page" data-testid="policy-plan">
      <PageHeading title={title}>{title}</PageHeading>
      <div className="no-print">
        {manages && <SchoolNav schoolId={plan.schoolId} />}
        <p className="lead">{t('policyPlan.intro')}</p>
        {!plan.canEdit && <p className="alert alert-info">{t('policyPlan.readOnly')}</p>}
        <div className="actions actions-tight">
          <button type="button" className="button button-secondary" onClick={() => window.print()} data-testid="policy-print">
            {t('policyPlan.print')}
          </button>
          <a
            className="button button-secondary"
            href={endpointHref(policyPlanEndpoints.getPolicyPlan, { params: { schoolId: plan.schoolId }, query: { format: 'csv', lang: locale } })}
            download
            data-testid="policy-csv"
          >
            {t('policyPlan.csv')}
          </a>
          <a
            className="button button-secondary"
            href={endpointHref(policyPlanEndpoints.getPolicyPlan, { params: { schoolId: plan.schoolId }, query: { format: 'xlsx', lang: locale } })}
            download
            data-testid="policy-xlsx"
          >
            {t('policyPlan.xlsx')}
          </a>
        </div>
        <Summary plan={plan} />
        <VisionSection plan={plan} />
        <GoalsSection plan={plan} />
        <ActionsSection plan={plan} />
        {plan.canEdit && <SuggestionPanels plan={plan} from={from} />}
      </div>
      <PrintPlan plan={plan} />
    </section>
  );
}

/** Actions per front and status, with what is overdue or lacks an owner or deadline. */
function Summary({ plan }: { plan: PolicyPlan }) {
  const { t } = useI18n();
  const { summary } = plan;
  const row = (label: string, tally: PolicyPlan['summary']['total'], key: string, total = false) => (
    <tr key={key} className={total ? 'total-row' : undefined}>
      <th scope="row">{label}</th>
      {actionStatuses.map((status) => (
        <td key={status} className="numeric">
          {tally.byStatus[status]}
        </td>
      ))}
      <td className="numeric">{tally.total}</td>
      <td className={`numeric${tally.overdue > 0 ? ' policy-overdue' : ''}`}>{tally.overdue}</td>
    </tr>
  );
  return (
    <section className="card" aria-labelledby="policy-summary-title" data-testid="policy-summary">
      <h2 id="policy-summary-title">{t('policyPlan.summaryTitle')}</h2>
      <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="policy-summary-caption">
        <table className="data-table">
          <caption id="policy-summary-caption">{t('policyPlan.summaryCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('policyPlan.columnFront')}</th>
              {actionStatuses.map((status) => (
                <th key={status} scope="col" className="numeric">
                  {t(`policyPlan.status.${status}`)}
                </th>
              ))}
              <th scope="col" className="numeric">
                {t('policyPlan.columnTotal')}
              </th>
              <th scope="col" className="numeric">
                {t('policyPlan.overdue')}
              </th>
            </tr>
          </thead>
          <tbody>
            {fronts.map((front) => row(t(`fronts.${front}`), summary.fronts.find((f) => f.front === front)!, front))}
            {row(t('policyPlan.summaryTotal'), summary.total, 'total', true)}
          </tbody>
        </table>
      </div>
      {summary.withoutOwner > 0 && <p className="muted">{t('policyPlan.withoutOwner', { count: summary.withoutOwner })}</p>}
      {summary.withoutDeadline > 0 && <p className="muted">{t('policyPlan.withoutDeadline', { count: summary.withoutDeadline })}</p>}
    </section>
  );
}
