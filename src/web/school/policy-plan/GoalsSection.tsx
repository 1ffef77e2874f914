import { type FormEvent, useState } from 'react';
import { policyPlanEndpoints } from '../../../shared/school/policy-plan/endpoints';
import { type GoalTerm, goalTerms, groupBy } from '../../../shared/school/policy-plan/policy-plan-rules';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useSubmit } from '../../components/useSubmit';
import { useI18n } from '../../i18n';
import { FormField } from '../FormField';
import { GoalStemFigure } from './GoalStemFigure';
import { usePlanChange } from './planChanges';
import type { PolicyGoal, PolicyPlan } from './types';

/** Goals by term (short, medium, long), each with how the school will know it is reached. */
export function GoalsSection({ plan }: { plan: PolicyPlan }) {
  const { t } = useI18n();
  const removeGoal = usePlanChange(policyPlanEndpoints.removePolicyGoal);
  const [editing, setEditing] = useState<string | null>(null);
  const removal = useSubmit(async (goal: PolicyGoal) => {
    await removeGoal({ params: { schoolId: plan.schoolId, goalId: goal.id } });
  });

  const remove = async (goal: PolicyGoal) => {
    if (window.confirm(t('policyPlan.removeGoalConfirm'))) await removal.run(goal);
  };

  return (
    <section className="card" aria-labelledby="policy-goals-title" data-testid="policy-goals">
      <h2 id="policy-goals-title">{t('policyPlan.goalsTitle')}</h2>
      <p className="muted">{t('policyPlan.goalsIntro')}</p>
      {removal.failure && <ErrorAlert error={removal.failure} />}
      {groupBy(plan.goals, goalTerms, (goal) => goal.term).map(({ key: term, items }) => (
        <div key={term} className="policy-term" data-testid={`goals-${term}`}>
          <h3>{t(`policyPlan.term.${term}`)}</h3>
          {items.length === 0 ? (
            <p className="muted">{t('policyPlan.noGoals')}</p>
          ) : (
            <ul className="policy-list">
              {items.map((goal) =>
                editing === goal.id ? (
                  <li key={goal.id}>
                    <GoalForm plan={plan} goal={goal} onDone={() => setEditing(null)} />
                  </li>
                ) : (
                  <li key={goal.id} className="policy-goal">
                    <p className="policy-goal-text">{goal.text}</p>
                    {goal.successCriterion && <p className="muted">{t('policyPlan.successLabel', { criterion: goal.successCriterion })}</p>}
                    {goal.stemFigure && <GoalStemFigure figure={goal.stemFigure} />}
                    {plan.canEdit && (
                      <div className="actions actions-tight">
                        <button type="button" className="button button-quiet" onClick={() => setEditing(goal.id)} aria-label={t('policyPlan.editGoalFor', { goal: goal.text })}>
                          {t('policyPlan.edit')}
                        </button>
                        <button type="button" className="button button-quiet" onClick={() => void remove(goal)} aria-label={t('policyPlan.removeGoalFor', { goal: goal.text })}>
                          {t('policyPlan.remove')}
                        </button>
                      </div>
                    )}
                  </li>
                ),
              )}
            </ul>
          )}
        </div>
      ))}
      {plan.canEdit && (
        <div className="policy-add">
          <h3>{t('policyPlan.addGoalTitle')}</h3>
          <GoalForm plan={plan} onDone={() => undefined} />
        </div>
      )}
    </section>
  );
}

/** Adds a goal, or changes `goal`; `onDone(true)` after a save, `onDone(false)` on cancel. */
function GoalForm({ plan, goal, onDone }: { plan: PolicyPlan; goal?: PolicyGoal; onDone(changed: boolean): void }) {
  const { t, text: localised } = useI18n();
  const { schoolId } = plan;
  const changeGoal = usePlanChange(policyPlanEndpoints.changePolicyGoal);
  const addGoal = usePlanChange(policyPlanEndpoints.addPolicyGoal);
  const prefix = `goal-${goal?.id ?? 'new'}`;
  const [term, setTerm] = useState<GoalTerm>(goal?.term ?? 'short');
  const [text, setText] = useState(goal?.text ?? '');
  const [criterion, setCriterion] = useState(goal?.successCriterion ?? '');
  const [stemIndicator, setStemIndicator] = useState(goal?.stemFigure?.indicator ?? '');
  const [problem, setProblem] = useState<string>();
  const { run, busy, failure, clearFailure } = useSubmit(async () => {
    const body = { term, text: text.trim(), successCriterion: criterion.trim() || null, stemIndicator: stemIndicator || null };
    if (goal) await changeGoal({ params: { schoolId, goalId: goal.id }, body });
    else await addGoal({ params: { schoolId }, body });
    if (!goal) {
      setText('');
      setCriterion('');
      setStemIndicator('');
    }
    onDone(true);
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    clearFailure();
    setProblem(undefined);
    if (!text.trim()) {
      setProblem(t('policyPlan.textProblem'));
      document.getElementById(`${prefix}-text`)?.focus();
      return;
    }
    await run();
  };

  return (
    <form className="form" noValidate onSubmit={submit} data-testid={goal ? 'goal-edit-form' : 'goal-form'}>
      <div className="form-row">
        <FormField id={`${prefix}-term`} label={t('policyPlan.goalTerm')}>
          {(control) => (
            <select {...control} value={term} onChange={(event) => setTerm(event.target.value as GoalTerm)}>
              {goalTerms.map((value) => (
                <option key={value} value={value}>
                  {t(`policyPlan.term.${value}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField id={`${prefix}-text`} label={t('policyPlan.goalText')} problem={problem}>
          {(control) => <input {...control} type="text" maxLength={500} value={text} onChange={(event) => setText(event.target.value)} />}
        </FormField>
      </div>
      <FormField id={`${prefix}-criterion`} label={t('policyPlan.successCriterion')} hint={t('policyPlan.successCriterionHint')} optional>
        {(control) => <input {...control} type="text" maxLength={500} value={criterion} onChange={(event) => setCriterion(event.target.value)} />}
      </FormField>
      <FormField id={`${prefix}-stem`} label={t('policyPlan.stem.label')} hint={t('policyPlan.stem.hint')} optional>
        {(control) => (
          <select {...control} value={stemIndicator} onChange={(event) => setStemIndicator(event.target.value)}>
            <option value="">{t('policyPlan.stem.none')}</option>
            {plan.stemIndicators.map((indicator) => (
              <option key={indicator.id} value={indicator.id}>
                {localised(indicator.name)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      {failure && <ErrorAlert error={failure} />}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {goal ? t('policyPlan.save') : t('policyPlan.addGoal')}
        </button>
        {goal && (
          <button type="button" className="button button-quiet" onClick={() => onDone(false)}>
            {t('policyPlan.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
