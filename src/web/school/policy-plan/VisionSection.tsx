import { type FormEvent, useState } from 'react';
import { formatDateTime } from '../../../shared/i18n/format';
import { policyPlanEndpoints } from '../../../shared/school/policy-plan/endpoints';
import { MAX_PLAN_YEARS, VISION_MAX } from '../../../shared/school/policy-plan/policy-plan-rules';
import { type ApiError, call } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useSubmit } from '../../components/useSubmit';
import { useI18n } from '../../i18n';
import { useInvalidate } from '../../serverState';
import { FormField } from '../FormField';
import { planViews, usePlanChange } from './planChanges';
import { defaultPeriod, periodFormProblem, schoolYearChoices } from './policyView';
import type { PolicyPlan } from './types';

/** The vision and the period of the plan: read by everyone, edited by the plan's editors. */
export function VisionSection({ plan }: { plan: PolicyPlan }) {
  const { t } = useI18n();
  return (
    <section className="card" aria-labelledby="policy-vision-title" data-testid="policy-vision">
      <h2 id="policy-vision-title">{t('policyPlan.visionTitle')}</h2>
      {plan.canEdit ? <VisionEditor plan={plan} /> : <VisionText plan={plan} />}
    </section>
  );
}

function LastChanged({ plan }: { plan: Pick<PolicyPlan, 'updatedAt' | 'updatedBy'> }) {
  const { t, locale } = useI18n();
  if (!plan.updatedAt) return null;
  return <p className="muted">{t('policyPlan.lastChanged', { date: formatDateTime(plan.updatedAt, locale), name: plan.updatedBy?.name ?? '–' })}</p>;
}

function VisionText({ plan }: { plan: PolicyPlan }) {
  const { t } = useI18n();
  return (
    <>
      <p>{plan.periodFrom ? t('policyPlan.period', { from: plan.periodFrom, to: plan.periodTo }) : t('policyPlan.noPeriod')}</p>
      {plan.vision ? <p className="policy-vision-text">{plan.vision}</p> : <p className="muted">{t('policyPlan.noVision')}</p>}
      <LastChanged plan={plan} />
    </>
  );
}

/**
 * Saves with the version it started from. When someone else saved meanwhile, the server
 * refuses (conflict): their text is shown beside the draft, which stays, and the next save
 * is made against their version, on purpose.
 */
function VisionEditor({ plan }: { plan: PolicyPlan }) {
  const { t } = useI18n();
  const saveVision = usePlanChange(policyPlanEndpoints.savePolicyVision);
  const invalidate = useInvalidate();
  const proposed = defaultPeriod(plan.today);
  const [vision, setVision] = useState(plan.vision);
  const [from, setFrom] = useState(plan.periodFrom ?? proposed.from);
  const [to, setTo] = useState(plan.periodTo ?? proposed.to);
  const [base, setBase] = useState(plan.version);
  const [theirs, setTheirs] = useState<PolicyPlan | null>(null);
  const [periodProblem, setPeriodProblem] = useState<string>();
  const [saved, setSaved] = useState(false);
  const years = schoolYearChoices(plan.today, [plan.periodFrom, plan.periodTo]);

  /** A conflict shows their text beside the draft; a refused period shows beside the period. */
  const showConflictOrPeriod = async (error: ApiError) => {
    if (error.id === 'conflict') {
      const current = await call(policyPlanEndpoints.getPolicyPlan, { params: { schoolId: plan.schoolId } }).catch(() => null);
      if (current) {
        setTheirs(current);
        setBase(current.version);
        void invalidate(planViews);
        return true;
      }
    }
    if (!error.field?.startsWith('body.period')) return false;
    setPeriodProblem(t('policyPlan.periodOrder', { max: MAX_PLAN_YEARS }));
    return true;
  };
  const { run, busy, failure, clearFailure } = useSubmit(
    async () => {
      const result = await saveVision({ params: { schoolId: plan.schoolId }, body: { vision, periodFrom: from, periodTo: to, version: base } });
      setBase(result.version);
      setTheirs(null);
      setSaved(true);
    },
    { handle: showConflictOrPeriod },
  );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    clearFailure();
    setPeriodProblem(undefined);
    if (periodFormProblem(from, to)) {
      setPeriodProblem(t('policyPlan.periodOrder', { max: MAX_PLAN_YEARS }));
      document.getElementById('policy-periodTo')?.focus();
      return;
    }
    await run();
  };

  const yearSelect = (id: string, value: string, onChange: (year: string) => void, control: { 'aria-invalid'?: true; 'aria-describedby'?: string }) => (
    <select id={id} value={value} onChange={(event) => onChange(event.target.value)} {...control}>
      {years.map((year) => (
        <option key={year} value={year}>
          {year}
        </option>
      ))}
    </select>
  );

  return (
    <form className="form" noValidate onSubmit={submit} data-testid="vision-form">
      <p className="muted">{t('policyPlan.visionIntro')}</p>
      {theirs && (
        <div className="alert alert-info" role="alert" data-testid="vision-conflict">
          <p>
            <strong>{t('policyPlan.conflictTitle')}</strong> {t('policyPlan.conflictText', { name: theirs.updatedBy?.name ?? '–' })}
          </p>
          <h3>{t('policyPlan.conflictTheirs')}</h3>
          <p className="policy-vision-text">{theirs.vision}</p>
        </div>
      )}
      <div className="form-row">
        <FormField id="policy-periodFrom" label={t('policyPlan.periodFrom')}>
          {(control) => yearSelect(control.id, from, setFrom, control)}
        </FormField>
        <FormField id="policy-periodTo" label={t('policyPlan.periodTo')} problem={periodProblem}>
          {(control) => yearSelect(control.id, to, setTo, control)}
        </FormField>
      </div>
      <FormField id="policy-vision" label={t('policyPlan.vision')} hint={t('policyPlan.visionHint')}>
        {(control) => <textarea {...control} rows={8} maxLength={VISION_MAX} value={vision} onChange={(event) => setVision(event.target.value)} />}
      </FormField>
      {failure && <ErrorAlert error={failure} />}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? t('policyPlan.saving') : t('policyPlan.saveVision')}
        </button>
        <p className="save-status" role="status">
          {saved ? t('policyPlan.saved') : ''}
        </p>
      </div>
      <LastChanged plan={plan} />
    </form>
  );
}
