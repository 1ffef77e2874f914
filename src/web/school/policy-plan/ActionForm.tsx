import { type FormEvent, useEffect, useState } from 'react';
import { policyPlanEndpoints } from '../../../shared/school/policy-plan/endpoints';
import { actionStatuses, targetText } from '../../../shared/school/policy-plan/policy-plan-rules';
import type { ApiError } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FrontOptions } from '../../components/FrontOptions';
import { useSubmit } from '../../components/useSubmit';
import type { Framework } from '../../digisnap/types';
import { useI18n } from '../../i18n';
import { FormField, focusFirstProblem } from '../FormField';
import type { Member } from '../types';
import { usePlanChange } from './planChanges';
import { type ActionField, actionFieldOf, actionFormProblems, actionInputOf, type ActionForm as FormState, formOfAction } from './policyView';
import type { PolicyAction, PolicyPlan } from './types';

interface Props {
  plan: PolicyPlan;
  /** The action to change; a new one when absent. */
  action?: PolicyAction;
  members: readonly Member[];
  framework: Framework;
  onDone(changed: boolean): void;
}

/** Adds or changes an action: what, who (a team member or a name), when, status, front, target and goal. */
export function ActionForm({ plan, action, members, framework, onDone }: Props) {
  const changeAction = usePlanChange(policyPlanEndpoints.changePolicyAction);
  const addAction = usePlanChange(policyPlanEndpoints.addPolicyAction);
  const { t, text, locale } = useI18n();
  const prefix = `action-${action?.id ?? 'new'}`;
  const [form, setForm] = useState<FormState>(() => formOfAction(action));
  const [problems, setProblems] = useState<Partial<Record<ActionField, string>>>({});
  const set = <K extends keyof FormState>(key: K, value: FormState[K]) => {
    setForm((current) => ({ ...current, [key]: value }));
    setProblems((current) => Object.fromEntries(Object.entries(current).filter(([field]) => field !== key)));
  };
  // Actions taken into the plan elsewhere (the suggestions) answer what this form asked: its "Vul dit in." goes.
  const actionCount = plan.actions.length;
  useEffect(() => setProblems({}), [actionCount]);

  /** A refusal of one field is shown beside that field. */
  const showBesideField = (error: ApiError) => {
    const field = actionFieldOf(error.field);
    if (!field || error.id === 'forbidden') return false;
    setProblems({ [field]: t(`errors.${error.id}`) });
    focusFirstProblem(prefix, { [field]: 'x' });
    return true;
  };
  const { run, busy, failure, clearFailure } = useSubmit(
    async () => {
      const body = actionInputOf(form);
      if (action) await changeAction({ params: { schoolId: plan.schoolId, actionId: action.id }, body });
      else await addAction({ params: { schoolId: plan.schoolId }, body });
      if (!action) setForm(formOfAction());
      onDone(true);
    },
    { handle: showBesideField },
  );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    clearFailure();
    const found = Object.fromEntries(
      Object.entries(actionFormProblems(form)).map(([field, kind]) => [field, kind === 'date' ? t('policyPlan.dateProblem') : t('policyPlan.textProblem')]),
    ) as Partial<Record<ActionField, string>>;
    setProblems(found);
    if (focusFirstProblem(prefix, found)) return;
    await run();
  };

  const id = (field: ActionField) => `${prefix}-${field}`;
  return (
    <form className="form policy-action-form" noValidate onSubmit={submit} data-testid={action ? 'action-edit-form' : 'action-form'}>
      <FormField id={id('title')} label={t('policyPlan.actionTitle')} problem={problems.title}>
        {(control) => <input {...control} type="text" maxLength={200} value={form.title} onChange={(event) => set('title', event.target.value)} />}
      </FormField>
      <FormField id={id('description')} label={t('policyPlan.actionDescription')} optional problem={problems.description}>
        {(control) => <textarea {...control} rows={3} maxLength={2000} value={form.description} onChange={(event) => set('description', event.target.value)} />}
      </FormField>
      <fieldset className="field">
        <legend>{t('policyPlan.ownerKind')}</legend>
        {(['none', 'member', 'name'] as const).map((kind) => (
          <div key={kind} className="checkbox-field">
            <input id={`${prefix}-ownerKind-${kind}`} type="radio" name={`${prefix}-ownerKind`} checked={form.ownerKind === kind} onChange={() => set('ownerKind', kind)} />
            <label htmlFor={`${prefix}-ownerKind-${kind}`}>{t(`policyPlan.ownerKinds.${kind}`)}</label>
          </div>
        ))}
      </fieldset>
      {form.ownerKind === 'member' && (
        <FormField id={id('owner')} label={t('policyPlan.ownerMember')} problem={problems.owner}>
          {(control) => (
            <select {...control} value={form.ownerUserId} onChange={(event) => set('ownerUserId', event.target.value)}>
              <option value="">{t('policyPlan.chooseMember')}</option>
              {members.map((member) => (
                <option key={member.userId} value={member.userId}>
                  {member.name}
                </option>
              ))}
            </select>
          )}
        </FormField>
      )}
      {form.ownerKind === 'name' && (
        <FormField id={id('ownerName')} label={t('policyPlan.ownerName')} hint={t('policyPlan.ownerNameHint')} problem={problems.ownerName}>
          {(control) => <input {...control} type="text" maxLength={120} value={form.ownerName} onChange={(event) => set('ownerName', event.target.value)} />}
        </FormField>
      )}
      <div className="form-row">
        <FormField id={id('deadline')} label={t('policyPlan.columnDeadline')} optional problem={problems.deadline}>
          {(control) => <input {...control} type="date" value={form.deadline} onChange={(event) => set('deadline', event.target.value)} />}
        </FormField>
        <FormField id={id('status')} label={t('policyPlan.columnStatus')} problem={problems.status}>
          {(control) => (
            <select {...control} value={form.status} onChange={(event) => set('status', event.target.value as FormState['status'])}>
              {actionStatuses.map((status) => (
                <option key={status} value={status}>
                  {t(`policyPlan.status.${status}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField id={id('front')} label={t('policyPlan.columnFront')} problem={problems.front}>
          {(control) => (
            <select {...control} value={form.front} onChange={(event) => set('front', event.target.value as FormState['front'])}>
              <FrontOptions empty={t('policyPlan.chooseFront')} />
            </select>
          )}
        </FormField>
      </div>
      <div className="form-row">
        <FormField id={id('target')} label={t('policyPlan.target')} optional problem={problems.target}>
          {(control) => (
            <select {...control} value={form.target} onChange={(event) => set('target', event.target.value)}>
              <option value="">{t('policyPlan.targetNone')}</option>
              {form.target === 'keep' && action?.target && <option value="keep">{targetText(action.target, locale)}</option>}
              {framework.areas.map((area) => (
                <optgroup key={area.number} label={`${area.number}. ${text(area.name)}`}>
                  <option value={`area:${area.number}`}>{t('policyPlan.targetWholeArea', { area: `${area.number}. ${text(area.name)}` })}</option>
                  {area.competences.map((competence) => (
                    <option key={competence.code} value={`competence:${competence.code}`}>
                      {competence.code} {text(competence.name)}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          )}
        </FormField>
        <FormField id={id('goalId')} label={t('policyPlan.goalLink')} optional problem={problems.goalId}>
          {(control) => (
            <select {...control} value={form.goalId} onChange={(event) => set('goalId', event.target.value)}>
              <option value="">{t('policyPlan.goalNone')}</option>
              {plan.goals.map((goal) => (
                <option key={goal.id} value={goal.id}>
                  {t(`policyPlan.term.${goal.term}`)}: {goal.text}
                </option>
              ))}
            </select>
          )}
        </FormField>
      </div>
      {failure && <ErrorAlert error={failure} />}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {action ? t('policyPlan.save') : t('policyPlan.addAction')}
        </button>
        {action && (
          <button type="button" className="button button-quiet" onClick={() => onDone(false)}>
            {t('policyPlan.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
