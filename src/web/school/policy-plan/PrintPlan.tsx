import { formatDate } from '../../../shared/i18n/format';
import { fronts } from '../../../shared/platform/fronts';
import { goalTerms, groupBy } from '../../../shared/school/policy-plan/policy-plan-rules';
import { useI18n } from '../../i18n';
import { ActionDetails } from './ActionsSection';
import { GoalStemFigure } from './GoalStemFigure';
import type { PolicyPlan } from './types';

/**
 * The plan on paper (shown by the print style sheet only): vision and period, goals by term,
 * and the actions grouped by front with owner, deadline and status. Nothing to click.
 */
export function PrintPlan({ plan }: { plan: PolicyPlan }) {
  const { t, locale } = useI18n();
  return (
    <div className="print-only policy-print" data-testid="policy-print-view">
      <p>
        {plan.periodFrom ? t('policyPlan.period', { from: plan.periodFrom, to: plan.periodTo }) : t('policyPlan.noPeriod')} ·{' '}
        {t('policyPlan.printedOn', { date: formatDate(plan.today, locale) })}
      </p>
      <h2>{t('policyPlan.visionTitle')}</h2>
      {plan.vision ? <p className="policy-vision-text">{plan.vision}</p> : <p>{t('policyPlan.noVision')}</p>}

      <h2>{t('policyPlan.goalsTitle')}</h2>
      {groupBy(plan.goals, goalTerms, (goal) => goal.term).map(({ key, items }) => (
        <section key={key}>
          <h3>{t(`policyPlan.term.${key}`)}</h3>
          {items.length === 0 ? (
            <p>{t('policyPlan.noGoals')}</p>
          ) : (
            <ul>
              {items.map((goal) => (
                <li key={goal.id}>
                  {goal.text}
                  {goal.successCriterion && <> — {t('policyPlan.successLabel', { criterion: goal.successCriterion })}</>}
                  {goal.stemFigure && <GoalStemFigure figure={goal.stemFigure} linked={false} />}
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}

      <h2>{t('policyPlan.actionsTitle')}</h2>
      {plan.actions.length === 0 && <p>{t('policyPlan.noActions')}</p>}
      {groupBy(plan.actions, fronts, (action) => action.front)
        .filter((group) => group.items.length > 0)
        .map(({ key, items }) => (
          <section key={key}>
            <h3>{t(`fronts.${key}`)}</h3>
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t('policyPlan.columnAction')}</th>
                  <th scope="col">{t('policyPlan.columnOwner')}</th>
                  <th scope="col">{t('policyPlan.columnDeadline')}</th>
                  <th scope="col">{t('policyPlan.columnStatus')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((action) => (
                  <tr key={action.id}>
                    <th scope="row">
                      <span className="policy-action-title">{action.title}</span>
                      <ActionDetails plan={plan} action={action} />
                    </th>
                    <td>{action.owner?.name ?? '–'}</td>
                    <td>
                      {action.deadline ? formatDate(action.deadline, locale) : '–'}
                      {action.overdue && ` (${t('policyPlan.overdue')})`}
                    </td>
                    <td>{t(`policyPlan.status.${action.status}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        ))}
    </div>
  );
}
