import { type FormEvent, useEffect, useRef, useState } from 'react';
import { formatDate } from '../../../shared/i18n/format';
import { policyPlanEndpoints } from '../../../shared/school/policy-plan/endpoints';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { useSubmit } from '../../components/useSubmit';
import { useI18n } from '../../i18n';
import { useEndpointQuery } from '../../serverState';
import { usePlanChange } from './planChanges';
import type { PolicyPlan, PolicySources, SourceKind, SuggestionsResult } from './types';

type Source = PolicySources['items'][number];

/**
 * "Add actions from…": a panel per result the plan can take actions from (the team report, the
 * reflection, the cybersecurity check, as far as the server offers them), listing what the
 * newest result suggests, or the result the page was opened for (`from`).
 */
export function SuggestionPanels({ plan, from }: { plan: PolicyPlan; from: { kind: SourceKind; id: string } | null }) {
  const { t } = useI18n();
  const sources = useEndpointQuery(policyPlanEndpoints.listPolicySources, { params: { schoolId: plan.schoolId } });
  return (
    <section className="card" aria-labelledby="policy-suggestions-title" data-testid="policy-suggestions">
      <h2 id="policy-suggestions-title">{t('policyPlan.suggestionsTitle')}</h2>
      <p className="muted">{t('policyPlan.suggestionsIntro')}</p>
      {sources.error && <ErrorAlert error={sources.error} onRetry={sources.reload} />}
      {!sources.data && !sources.error && <Loading />}
      {sources.data?.items.map((source) => (
        <SourcePanel key={source.kind} plan={plan} source={source} resultId={from?.kind === source.kind ? from.id : (source.latest?.id ?? null)} focus={from?.kind === source.kind} />
      ))}
    </section>
  );
}

interface PanelProps {
  plan: PolicyPlan;
  source: Source;
  resultId: string | null;
  /** The page was opened for this result: the panel takes the focus. */
  focus: boolean;
}

function SourcePanel({ plan, source, resultId, focus }: PanelProps) {
  const { t, locale } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  const headingId = `suggestions-${source.kind}`;
  useEffect(() => {
    if (!focus) return;
    heading.current?.scrollIntoView({ block: 'start' });
    heading.current?.focus();
  }, [focus]);
  const isLatest = source.latest !== null && source.latest.id === resultId;
  return (
    <section className="policy-source" aria-labelledby={headingId} data-testid={`suggestions-${source.kind}`}>
      <h3 id={headingId} ref={heading} tabIndex={-1}>
        {t(`policyPlan.sourceTitle.${source.kind}`)}
      </h3>
      {resultId === null ? (
        <p className="muted">{t('policyPlan.noResult')}</p>
      ) : (
        <>
          {isLatest && <p className="muted">{t('policyPlan.resultOf', { date: formatDate(source.latest!.date, locale) })}</p>}
          <SuggestionList plan={plan} kind={source.kind} resultId={resultId} />
        </>
      )}
    </section>
  );
}

function SuggestionList({ plan, kind, resultId }: { plan: PolicyPlan; kind: SourceKind; resultId: string }) {
  const { t, text, locale } = useI18n();
  const addFromSuggestions = usePlanChange(policyPlanEndpoints.addPolicyActionsFromSuggestions);
  const suggestions = useEndpointQuery(policyPlanEndpoints.listPolicySuggestions, { params: { schoolId: plan.schoolId }, query: { kind, id: resultId } });
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [deadline, setDeadline] = useState('');
  const [goalId, setGoalId] = useState('');
  const [problem, setProblem] = useState<string>();
  const [outcome, setOutcome] = useState<SuggestionsResult>();
  const { run, busy, failure, clearFailure } = useSubmit(async () => {
    const result = await addFromSuggestions({
      params: { schoolId: plan.schoolId },
      body: {
        source: { kind, id: resultId },
        keys: [...chosen],
        ...(deadline ? { deadline } : {}),
        ...(goalId ? { goalId } : {}),
        language: locale,
      },
    });
    setOutcome(result);
    setChosen(new Set());
  });
  const prefix = `suggest-${kind}`;

  if (suggestions.error) return <ErrorAlert error={suggestions.error} onRetry={suggestions.reload} />;
  if (!suggestions.data) return <Loading />;
  const items = suggestions.data.items;
  if (items.length === 0) return <p className="muted">{t('policyPlan.noSuggestions')}</p>;

  const toggle = (key: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(key);
    else next.delete(key);
    setChosen(next);
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    clearFailure();
    setOutcome(undefined);
    setProblem(undefined);
    if (chosen.size === 0) {
      setProblem(t('policyPlan.chooseFirst'));
      document.getElementById(`${prefix}-${items.find((item) => !item.taken)?.key ?? ''}`)?.focus();
      return;
    }
    await run();
  };

  return (
    <form className="form" noValidate onSubmit={submit} data-testid={`suggestion-form-${kind}`}>
      <fieldset className="field">
        <legend>{t('policyPlan.chooseSuggestions')}</legend>
        <ul className="policy-list policy-suggestion-list">
          {items.map((item) => (
            <li key={item.key} className="checkbox-field">
              <input
                id={`${prefix}-${item.key}`}
                type="checkbox"
                checked={item.taken || chosen.has(item.key)}
                disabled={item.taken}
                aria-describedby={`${prefix}-${item.key}-why${problem ? ` ${prefix}-problem` : ''}`}
                onChange={(event) => toggle(item.key, event.target.checked)}
              />
              <label htmlFor={`${prefix}-${item.key}`}>
                {text(item.title)}
                {item.taken && <span className="status-badge policy-taken"> {t('policyPlan.taken')}</span>}
              </label>
              <p id={`${prefix}-${item.key}-why`} className="field-hint">
                {text(item.why)} {t('policyPlan.frontLabel', { front: t(`fronts.${item.front}`) })}
              </p>
            </li>
          ))}
        </ul>
        {problem && (
          <p id={`${prefix}-problem`} className="field-problem">
            {problem}
          </p>
        )}
      </fieldset>
      <div className="form-row">
        <div className="field">
          <label htmlFor={`${prefix}-deadline`}>
            {t('policyPlan.suggestionDeadline')}
            <span className="field-optional"> {t('form.optional')}</span>
          </label>
          <input id={`${prefix}-deadline`} type="date" value={deadline} onChange={(event) => setDeadline(event.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${prefix}-goal`}>
            {t('policyPlan.goalLink')}
            <span className="field-optional"> {t('form.optional')}</span>
          </label>
          <select id={`${prefix}-goal`} value={goalId} onChange={(event) => setGoalId(event.target.value)}>
            <option value="">{t('policyPlan.goalNone')}</option>
            {plan.goals.map((goal) => (
              <option key={goal.id} value={goal.id}>
                {t(`policyPlan.term.${goal.term}`)}: {goal.text}
              </option>
            ))}
          </select>
        </div>
      </div>
      {failure && <ErrorAlert error={failure} />}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {t('policyPlan.addChosen', { count: chosen.size })}
        </button>
        <p className="save-status" role="status" data-testid={`suggestion-outcome-${kind}`}>
          {outcome && t('policyPlan.added', { count: outcome.created.length })}
          {outcome && outcome.skipped.length > 0 && ` ${t('policyPlan.skipped', { count: outcome.skipped.length })}`}
        </p>
      </div>
    </form>
  );
}
