import { useState } from 'react';
import { formatDate } from '../../../shared/i18n/format';
import type { Front } from '../../../shared/platform/fronts';
import { schoolEndpoints } from '../../../shared/school/endpoints';
import { policyPlanEndpoints } from '../../../shared/school/policy-plan/endpoints';
import { type ActionStatus, actionStatuses, targetText } from '../../../shared/school/policy-plan/policy-plan-rules';
import { type ApiError, asApiError, call } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FrontOptions } from '../../components/FrontOptions';
import { loadFramework } from '../../digisnap/frameworkStore';
import { useI18n } from '../../i18n';
import { useCombinedQuery } from '../../serverState';
import { ActionForm } from './ActionForm';
import { usePlanChange } from './planChanges';
import { type ActionFilter, filterActions } from './policyView';
import type { PolicyAction, PolicyPlan } from './types';

/** The plan's actions, filtered by status and front; editors add, change, re-status and remove them. */
export function ActionsSection({ plan }: { plan: PolicyPlan }) {
  const { t } = useI18n();
  const changeAction = usePlanChange(policyPlanEndpoints.changePolicyAction);
  const removeAction = usePlanChange(policyPlanEndpoints.removePolicyAction);
  const [filter, setFilter] = useState<ActionFilter>({ status: '', front: '' });
  const [editing, setEditing] = useState<string | null>(null);
  const [failure, setFailure] = useState<ApiError>();
  // The form's choices: the team (owners) and DigCompEdu (targets); only editors need them.
  const choices = useCombinedQuery(['listSchoolMembers', 'getCurrentFramework'], [plan.schoolId, plan.canEdit], async () =>
    plan.canEdit ? { members: (await call(schoolEndpoints.listSchoolMembers, { params: { schoolId: plan.schoolId } })).items, framework: await loadFramework() } : null,
  );
  const shown = filterActions(plan.actions, filter);

  const run = async (work: () => Promise<unknown>) => {
    setFailure(undefined);
    try {
      await work();
    } catch (caught) {
      setFailure(asApiError(caught));
    }
  };
  const setStatus = (action: PolicyAction, status: ActionStatus) => run(() => changeAction({ params: { schoolId: plan.schoolId, actionId: action.id }, body: { status } }));
  const remove = (action: PolicyAction) => {
    if (window.confirm(t('policyPlan.removeActionConfirm', { action: action.title }))) void run(() => removeAction({ params: { schoolId: plan.schoolId, actionId: action.id } }));
  };
  const form = (action?: PolicyAction) =>
    choices.data && <ActionForm plan={plan} action={action} members={choices.data.members} framework={choices.data.framework} onDone={() => setEditing(null)} />;

  return (
    <section className="card" aria-labelledby="policy-actions-title" data-testid="policy-actions">
      <h2 id="policy-actions-title">{t('policyPlan.actionsTitle')}</h2>
      <p className="muted">{t('policyPlan.actionsIntro')}</p>
      <div className="form-row policy-filters">
        <div className="field">
          <label htmlFor="policy-filter-status">{t('policyPlan.filterStatus')}</label>
          <select id="policy-filter-status" value={filter.status} onChange={(event) => setFilter({ ...filter, status: event.target.value as ActionStatus | '' })}>
            <option value="">{t('policyPlan.filterAll')}</option>
            {actionStatuses.map((status) => (
              <option key={status} value={status}>
                {t(`policyPlan.status.${status}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="policy-filter-front">{t('policyPlan.filterFront')}</label>
          <select id="policy-filter-front" value={filter.front} onChange={(event) => setFilter({ ...filter, front: event.target.value as Front | '' })}>
            <FrontOptions empty={t('policyPlan.filterAll')} />
          </select>
        </div>
      </div>
      {failure && <ErrorAlert error={failure} />}
      {choices.error && <ErrorAlert error={choices.error} onRetry={choices.reload} />}
      {plan.actions.length === 0 ? (
        <p className="muted">{t('policyPlan.noActions')}</p>
      ) : shown.length === 0 ? (
        <p className="muted">{t('policyPlan.noMatches')}</p>
      ) : (
        <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="policy-actions-caption">
          <table className="data-table policy-actions" data-testid="policy-action-table">
            <caption id="policy-actions-caption">{t('policyPlan.actionsCaption', { count: shown.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('policyPlan.columnAction')}</th>
                <th scope="col">{t('policyPlan.columnFront')}</th>
                <th scope="col">{t('policyPlan.columnOwner')}</th>
                <th scope="col">{t('policyPlan.columnDeadline')}</th>
                <th scope="col">{t('policyPlan.columnStatus')}</th>
                {plan.canEdit && <th scope="col">{t('policyPlan.columnManage')}</th>}
              </tr>
            </thead>
            <tbody>
              {shown.map((action) =>
                editing === action.id ? (
                  <tr key={action.id}>
                    <td colSpan={6}>{form(action)}</td>
                  </tr>
                ) : (
                  <ActionRow key={action.id} plan={plan} action={action} onStatus={setStatus} onEdit={() => setEditing(action.id)} onRemove={remove} />
                ),
              )}
            </tbody>
          </table>
        </div>
      )}
      {plan.canEdit && (
        <div className="policy-add">
          <h3>{t('policyPlan.addActionTitle')}</h3>
          {form()}
        </div>
      )}
    </section>
  );
}

interface RowProps {
  plan: PolicyPlan;
  action: PolicyAction;
  onStatus(action: PolicyAction, status: ActionStatus): void;
  onEdit(): void;
  onRemove(action: PolicyAction): void;
}

function ActionRow({ plan, action, onStatus, onEdit, onRemove }: RowProps) {
  const { t, locale } = useI18n();
  return (
    <tr data-testid="policy-action">
      <th scope="row">
        <span className="policy-action-title">{action.title}</span>
        <ActionDetails plan={plan} action={action} />
      </th>
      <td>{t(`fronts.${action.front}`)}</td>
      <td>{action.owner?.name ?? <span className="muted">{t('policyPlan.noOwner')}</span>}</td>
      <td>
        {action.deadline ? formatDate(action.deadline, locale) : <span className="muted">{t('policyPlan.noDeadline')}</span>}
        {action.overdue && <span className="status-badge policy-overdue-badge"> {t('policyPlan.overdue')}</span>}
      </td>
      <td>
        {plan.canEdit ? (
          <select aria-label={t('policyPlan.statusFor', { action: action.title })} value={action.status} onChange={(event) => onStatus(action, event.target.value as ActionStatus)}>
            {actionStatuses.map((status) => (
              <option key={status} value={status}>
                {t(`policyPlan.status.${status}`)}
              </option>
            ))}
          </select>
        ) : (
          t(`policyPlan.status.${action.status}`)
        )}
      </td>
      {plan.canEdit && (
        <td>
          <div className="actions actions-tight">
            <button type="button" className="button button-quiet" onClick={onEdit} aria-label={t('policyPlan.editActionFor', { action: action.title })}>
              {t('policyPlan.edit')}
            </button>
            <button type="button" className="button button-quiet" onClick={() => onRemove(action)} aria-label={t('policyPlan.removeActionFor', { action: action.title })}>
              {t('policyPlan.remove')}
            </button>
          </div>
        </td>
      )}
    </tr>
  );
}

/** Description, target, goal and source of an action, under its title (on screen and on paper). */
export function ActionDetails({ plan, action }: { plan: PolicyPlan; action: PolicyAction }) {
  const { t, locale } = useI18n();
  const goal = plan.goals.find((g) => g.id === action.goalId);
  return (
    <>
      {action.description && <span className="policy-action-description">{action.description}</span>}
      <span className="policy-action-meta">
        {action.target && <span>{t('policyPlan.servesTarget', { target: targetText(action.target, locale) })}</span>}
        {goal && <span>{t('policyPlan.servesGoal', { goal: goal.text })}</span>}
        {action.source && <span>{t(`policyPlan.sourceTitle.${action.source.kind}`)}</span>}
      </span>
    </>
  );
}
