import { type FormEvent, useState } from 'react';
import type { CentreActionDto } from '../../shared/centre/actions';
import { centreActionEndpoints } from '../../shared/centre/actions-endpoints';
import { centreActionStatuses, centreProgrammes, spearheads } from '../../shared/centre/actions-rules';
import { centreIndicators } from '../../shared/centre/indicator-keys';
import { formatNumber } from '../../shared/i18n/format';
import { fronts } from '../../shared/platform/fronts';
import type { ApiError } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { FrontOptions } from '../components/FrontOptions';
import { useSubmit } from '../components/useSubmit';
import { useI18n } from '../i18n';
import { FormField, focusFirstProblem } from '../school/FormField';
import { useEndpointMutation } from '../serverState';
import { type CentreActionField, centreActionFieldOf, centreActionInputOf, centreActionProblems, type CentreActionForm as FormState, formOfCentreAction } from './centreActionsView';

/** What a change to the register shows anew. */
const registerViews = ['listCentreActions', 'getCentreAction'];

interface Props {
  /** The action to change; a new one when absent. */
  action?: CentreActionDto;
  onDone(saved: CentreActionDto | null): void;
}

/** Adds or changes an action of the register: every field, the indicators as checkboxes per front. */
export function CentreActionForm({ action, onDone }: Props) {
  const { t, text, locale } = useI18n();
  const create = useEndpointMutation(centreActionEndpoints.createCentreAction, { invalidates: registerViews });
  const update = useEndpointMutation(centreActionEndpoints.updateCentreAction, { invalidates: registerViews });
  const prefix = `centre-action-${action?.id ?? 'new'}`;
  const [form, setForm] = useState<FormState>(() => formOfCentreAction(action, (cents) => formatNumber(cents / 100, locale, 2)));
  const [problems, setProblems] = useState<Partial<Record<CentreActionField, string>>>({});
  const set = <K extends keyof FormState>(key: K, value: FormState[K]) => {
    setForm((current) => ({ ...current, [key]: value }));
    setProblems((current) => ({ ...current, [key]: undefined }));
  };

  /** A refusal of one field is shown beside it; a stale version as an alert of its own. */
  const showBesideField = (error: ApiError) => {
    const field = centreActionFieldOf(error.field);
    if (!field || error.id !== 'validation_error') return false;
    setProblems({ [field]: t(`errors.${error.id}`) });
    focusFirstProblem(prefix, { [field]: 'x' });
    return true;
  };
  const { run, busy, failure, clearFailure } = useSubmit(
    async () => {
      const body = centreActionInputOf(form);
      const saved = action ? await update({ params: { centreActionId: action.id }, body: { ...body, version: action.version } }) : await create({ body });
      onDone(saved);
    },
    { handle: showBesideField },
  );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    clearFailure();
    const found = Object.fromEntries(Object.entries(centreActionProblems(form)).map(([field, kind]) => [field, t(`centreActions.problem.${kind}`)]));
    setProblems(found);
    if (focusFirstProblem(prefix, found)) return;
    await run();
  };

  const id = (field: CentreActionField) => `${prefix}-${field}`;
  const toggleIndicator = (key: string, on: boolean) => set('indicators', on ? [...form.indicators, key] : form.indicators.filter((k) => k !== key));
  return (
    <form className="form" noValidate onSubmit={submit} data-testid="centre-action-form">
      <FormField id={id('title')} label={t('centreActions.fieldTitle')} problem={problems.title}>
        {(control) => <input {...control} type="text" maxLength={200} value={form.title} onChange={(event) => set('title', event.target.value)} />}
      </FormField>
      <div className="form-row">
        <FormField id={id('front')} label={t('centreActions.fieldFront')} problem={problems.front}>
          {(control) => (
            <select {...control} value={form.front} onChange={(event) => set('front', event.target.value as FormState['front'])}>
              <FrontOptions empty={t('centreActions.chooseFront')} />
            </select>
          )}
        </FormField>
        <FormField id={id('spearhead')} label={t('centreActions.fieldSpearhead')} problem={problems.spearhead}>
          {(control) => (
            <select {...control} value={form.spearhead} onChange={(event) => set('spearhead', event.target.value as FormState['spearhead'])}>
              {spearheads.map((spearhead) => (
                <option key={spearhead} value={spearhead}>
                  {t(`centreActions.spearhead.${spearhead}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
      </div>
      <FormField id={id('goal')} label={t('centreActions.fieldGoal')} optional problem={problems.goal}>
        {(control) => <textarea {...control} rows={3} maxLength={2000} value={form.goal} onChange={(event) => set('goal', event.target.value)} />}
      </FormField>
      <div className="form-row">
        <FormField id={id('owner')} label={t('centreActions.fieldOwner')} hint={t('centreActions.fieldOwnerHint')} problem={problems.owner}>
          {(control) => <input {...control} type="text" maxLength={120} value={form.owner} onChange={(event) => set('owner', event.target.value)} />}
        </FormField>
        <FormField id={id('budget')} label={t('centreActions.fieldBudget')} hint={t('centreActions.fieldBudgetHint')} optional problem={problems.budget}>
          {(control) => <input {...control} type="text" inputMode="decimal" value={form.budget} onChange={(event) => set('budget', event.target.value)} />}
        </FormField>
      </div>
      <div className="form-row">
        <FormField id={id('startDate')} label={t('centreActions.fieldStart')} problem={problems.startDate}>
          {(control) => <input {...control} type="date" value={form.startDate} onChange={(event) => set('startDate', event.target.value)} />}
        </FormField>
        <FormField id={id('endDate')} label={t('centreActions.fieldEnd')} optional problem={problems.endDate}>
          {(control) => <input {...control} type="date" value={form.endDate} onChange={(event) => set('endDate', event.target.value)} />}
        </FormField>
        <FormField id={id('status')} label={t('centreActions.fieldStatus')} problem={problems.status}>
          {(control) => (
            <select {...control} value={form.status} onChange={(event) => set('status', event.target.value as FormState['status'])}>
              {centreActionStatuses.map((status) => (
                <option key={status} value={status}>
                  {t(`centreActions.status.${status}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
      </div>
      <fieldset className="field" id={id('indicators')} tabIndex={-1} aria-describedby={problems.indicators ? `${id('indicators')}-problem` : undefined}>
        <legend>{t('centreActions.fieldIndicators')}</legend>
        {fronts.map((front) => {
          const ofFront = centreIndicators.filter((indicator) => indicator.front === front);
          if (ofFront.length === 0) return null;
          return (
            <div key={front} className="checkbox-group">
              <p className="field-hint">{t(`fronts.${front}`)}</p>
              {ofFront.map((indicator) => (
                <div key={indicator.key} className="checkbox-field">
                  <input
                    id={`${prefix}-indicator-${indicator.key}`}
                    type="checkbox"
                    checked={form.indicators.includes(indicator.key)}
                    onChange={(event) => toggleIndicator(indicator.key, event.target.checked)}
                  />
                  <label htmlFor={`${prefix}-indicator-${indicator.key}`}>{text(indicator.name)}</label>
                </div>
              ))}
            </div>
          );
        })}
        {problems.indicators && (
          <p id={`${id('indicators')}-problem`} className="field-problem">
            {problems.indicators}
          </p>
        )}
      </fieldset>
      <FormField id={id('programme')} label={t('centreActions.fieldProgramme')} optional problem={problems.programme}>
        {(control) => (
          <select {...control} value={form.programme} onChange={(event) => set('programme', event.target.value as FormState['programme'])}>
            <option value="">{t('centreActions.programmeNone')}</option>
            {centreProgrammes.map((programme) => (
              <option key={programme} value={programme}>
                {t(`centreActions.programme.${programme}`)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      {form.programme === '' && (
        <div className="form-row">
          <FormField id={id('reachSchools')} label={t('centreActions.fieldReachSchools')} hint={t('centreActions.reachHint')} optional problem={problems.reachSchools}>
            {(control) => <input {...control} type="text" inputMode="numeric" value={form.reachSchools} onChange={(event) => set('reachSchools', event.target.value)} />}
          </FormField>
          <FormField id={id('reachTeachers')} label={t('centreActions.fieldReachTeachers')} optional problem={problems.reachTeachers}>
            {(control) => <input {...control} type="text" inputMode="numeric" value={form.reachTeachers} onChange={(event) => set('reachTeachers', event.target.value)} />}
          </FormField>
        </div>
      )}
      {failure && <ErrorAlert error={failure} message={failure.id === 'conflict' ? t('centreActions.conflict') : undefined} />}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {action ? t('centreActions.save') : t('centreActions.create')}
        </button>
        <button type="button" className="button button-quiet" onClick={() => onDone(null)}>
          {t('centreActions.cancel')}
        </button>
      </div>
    </form>
  );
}
