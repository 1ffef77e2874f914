import { useState, type FormEvent } from 'react';
import { api, type ApiError } from '../../api';
import { brusselsToday } from '../../catalogue/brusselsTime';
import { ErrorAlert } from '../../components/ErrorAlert';
import { asApiError } from '../../components/useAsync';
import { useI18n } from '../../i18n';
import { FormField, focusFirstProblem } from '../FormField';
import type { ReflectionGroup, ReflectionInstrument } from './types';

const MIN_GROUP_SIZE = 5;
const DEFAULT_PER_CODE = 35;
const MAX_PER_CODE = 500;

/** A day `days` after a YYYY-MM-DD date. */
function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

type Problems = Partial<Record<'instrument' | 'groups' | 'opensOn' | 'closesOn' | 'minGroupSize' | 'maxResponsesPerCode', string>>;

/** Opening a round: which instrument, who answers, when, and how small a group the report may show. */
export function RoundForm({ schoolId, instruments, onOpened }: { schoolId: string; instruments: ReflectionInstrument[]; onOpened(): void }) {
  const { t, text } = useI18n();
  const today = brusselsToday();
  const [instrumentId, setInstrumentId] = useState<string>(instruments[0]?.id ?? '');
  const instrument = instruments.find((candidate) => candidate.id === instrumentId);
  const [groups, setGroups] = useState<ReflectionGroup[]>(instruments[0]?.groups ?? []);
  const [opensOn, setOpensOn] = useState(today);
  const [closesOn, setClosesOn] = useState(addDays(today, 14));
  const [minGroupSize, setMinGroupSize] = useState(String(MIN_GROUP_SIZE));
  const [perCode, setPerCode] = useState(String(DEFAULT_PER_CODE));
  const [problems, setProblems] = useState<Problems>({});
  const [failure, setFailure] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const [opened, setOpened] = useState(false);

  const chooseInstrument = (id: string) => {
    setInstrumentId(id);
    setGroups(instruments.find((candidate) => candidate.id === id)?.groups ?? []);
  };
  const toggleGroup = (group: ReflectionGroup, on: boolean) =>
    setGroups((current) => (on ? [...current, group] : current.filter((g) => g !== group)));

  const check = (): Problems => {
    const found: Problems = {};
    const isDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);
    if (!instrument) found.instrument = t('reflection.form.instrumentProblem');
    if (groups.length === 0) found.groups = t('reflection.form.groupsProblem');
    if (!isDate(opensOn)) found.opensOn = t('campaigns.dateProblem');
    if (!isDate(closesOn)) found.closesOn = t('campaigns.dateProblem');
    else if (closesOn < today) found.closesOn = t('campaigns.closesPast');
    else if (isDate(opensOn) && closesOn < opensOn) found.closesOn = t('campaigns.closesBeforeOpens');
    const size = Number(minGroupSize);
    if (!Number.isInteger(size) || size < MIN_GROUP_SIZE || size > 500) found.minGroupSize = t('campaigns.minGroupProblem', { min: MIN_GROUP_SIZE });
    const per = Number(perCode);
    if (!Number.isInteger(per) || per < 1 || per > MAX_PER_CODE) found.maxResponsesPerCode = t('reflection.form.perCodeProblem', { max: MAX_PER_CODE });
    return found;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setOpened(false);
    setFailure(undefined);
    const found = check();
    setProblems(found);
    if (focusFirstProblem('round', found)) return;
    setBusy(true);
    try {
      await api.openReflectionRound(schoolId, {
        instrumentId: instrumentId as ReflectionInstrument['id'],
        groups,
        opensOn,
        closesOn,
        minGroupSize: Number(minGroupSize),
        maxResponsesPerCode: Number(perCode),
      });
      setOpened(true);
      onOpened();
    } catch (caught) {
      setFailure(asApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby="round-form-title">
      <h2 id="round-form-title">{t('reflection.form.title')}</h2>
      <p className="muted">{t('reflection.form.intro')}</p>
      <form className="form" noValidate onSubmit={submit} data-testid="reflection-round-form">
        <fieldset className="field" aria-describedby={problems.instrument ? 'round-instrument-problem' : undefined}>
          <legend>{t('reflection.form.instrument')}</legend>
          {instruments.map((candidate, index) => (
            <div className="checkbox-field" key={candidate.id}>
              <input
                id={index === 0 ? 'round-instrument' : `round-instrument-${candidate.id}`}
                type="radio"
                name="round-instrument"
                checked={candidate.id === instrumentId}
                onChange={() => chooseInstrument(candidate.id)}
                aria-describedby={`round-instrument-${candidate.id}-hint`}
              />
              <label htmlFor={index === 0 ? 'round-instrument' : `round-instrument-${candidate.id}`}>{text(candidate.name)}</label>
              <p id={`round-instrument-${candidate.id}-hint`} className="field-hint">
                {t('reflection.form.instrumentFacts', { sections: candidate.sections, items: candidate.items[0]?.count ?? 0 })}
              </p>
            </div>
          ))}
          {problems.instrument && (
            <p id="round-instrument-problem" className="field-problem">
              {problems.instrument}
            </p>
          )}
        </fieldset>
        <fieldset className="field" aria-describedby={problems.groups ? 'round-groups-problem' : 'round-groups-hint'}>
          <legend>{t('reflection.form.groups')}</legend>
          <p id="round-groups-hint" className="field-hint">
            {t('reflection.form.groupsHint')}
          </p>
          {(instrument?.groups ?? []).map((group, index) => (
            <div className="checkbox-field" key={group}>
              <input
                id={index === 0 ? 'round-groups' : `round-groups-${group}`}
                type="checkbox"
                checked={groups.includes(group)}
                onChange={(event) => toggleGroup(group, event.target.checked)}
              />
              <label htmlFor={index === 0 ? 'round-groups' : `round-groups-${group}`}>
                {t(`reflection.groups.${group}`)}{' '}
                <span className="muted">{t('reflection.form.statements', { count: instrument?.items.find((entry) => entry.group === group)?.count ?? 0 })}</span>
              </label>
            </div>
          ))}
          {problems.groups && (
            <p id="round-groups-problem" className="field-problem">
              {problems.groups}
            </p>
          )}
        </fieldset>
        <div className="form-row">
          <FormField id="round-opensOn" label={t('reflection.form.opensOn')} problem={problems.opensOn}>
            {(control) => <input {...control} type="date" required value={opensOn} onChange={(event) => setOpensOn(event.target.value)} />}
          </FormField>
          <FormField id="round-closesOn" label={t('reflection.form.closesOn')} problem={problems.closesOn}>
            {(control) => <input {...control} type="date" required value={closesOn} onChange={(event) => setClosesOn(event.target.value)} />}
          </FormField>
        </div>
        <div className="form-row">
          <FormField id="round-minGroupSize" label={t('campaigns.minGroupSize')} hint={t('reflection.form.minGroupHint', { min: MIN_GROUP_SIZE })} problem={problems.minGroupSize}>
            {(control) => (
              <input {...control} type="number" inputMode="numeric" min={MIN_GROUP_SIZE} max={500} step={1} value={minGroupSize} onChange={(event) => setMinGroupSize(event.target.value)} />
            )}
          </FormField>
          {groups.includes('pupils') && (
            <FormField id="round-maxResponsesPerCode" label={t('reflection.form.perCode')} hint={t('reflection.form.perCodeHint')} problem={problems.maxResponsesPerCode}>
              {(control) => (
                <input {...control} type="number" inputMode="numeric" min={1} max={MAX_PER_CODE} step={1} value={perCode} onChange={(event) => setPerCode(event.target.value)} />
              )}
            </FormField>
          )}
        </div>
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? t('reflection.form.opening') : t('reflection.form.open')}
          </button>
        </div>
        {failure && (
          <ErrorAlert error={failure} title={t('reflection.form.notOpened')}>
            {failure.id === 'conflict' ? t('reflection.form.overlap') : undefined}
          </ErrorAlert>
        )}
        {opened && (
          <p className="alert alert-success" role="status">
            {t('reflection.form.opened')}
          </p>
        )}
      </form>
    </section>
  );
}
