import { useState } from 'react';
import { MIN_GROUP_SIZE } from '../../../shared/digisnap/privacy';
import { brusselsDate } from '../../../shared/platform/brussels-time';
import { reflectionEndpoints } from '../../../shared/school/reflection/endpoints';
import { useI18n } from '../../i18n';
import { useEndpointMutation } from '../../serverState';
import { FormField } from '../FormField';
import { OpeningFormEnd, useOpening } from '../OpeningForm';
import { initialWindow, isMinGroupSize, MAX_GROUP_SIZE, windowProblems } from '../openingView';
import { WindowFields } from '../WindowFields';
import type { ReflectionGroup, ReflectionInstrument } from './types';

const DEFAULT_PER_CODE = 35;
const MAX_PER_CODE = 500;

type Problems = Partial<Record<'instrument' | 'groups' | 'opensOn' | 'closesOn' | 'minGroupSize' | 'maxResponsesPerCode', string>>;

/** Opening a round: which instrument, who answers, when, and how small a group the report may show. */
export function RoundForm({ schoolId, instruments }: { schoolId: string; instruments: ReflectionInstrument[] }) {
  const openRound = useEndpointMutation(reflectionEndpoints.openReflectionRound, { invalidates: ['listReflectionRounds'] });
  const { t, text } = useI18n();
  const today = brusselsDate();
  const [instrumentId, setInstrumentId] = useState<string>(instruments[0]?.id ?? '');
  const instrument = instruments.find((candidate) => candidate.id === instrumentId);
  const [groups, setGroups] = useState<ReflectionGroup[]>(instruments[0]?.groups ?? []);
  const [dates, setDates] = useState(() => initialWindow(today));
  const [minGroupSize, setMinGroupSize] = useState(String(MIN_GROUP_SIZE));
  const [perCode, setPerCode] = useState(String(DEFAULT_PER_CODE));

  const chooseInstrument = (id: string) => {
    setInstrumentId(id);
    setGroups(instruments.find((candidate) => candidate.id === id)?.groups ?? []);
  };
  const toggleGroup = (group: ReflectionGroup, on: boolean) => setGroups((current) => (on ? [...current, group] : current.filter((g) => g !== group)));

  const check = (): Problems => {
    const found: Problems = {};
    if (!instrument) found.instrument = t('reflection.form.instrumentProblem');
    if (groups.length === 0) found.groups = t('reflection.form.groupsProblem');
    Object.assign(found, windowProblems(dates, today, t));
    if (!isMinGroupSize(minGroupSize)) found.minGroupSize = t('campaigns.minGroupProblem', { min: MIN_GROUP_SIZE });
    const per = Number(perCode);
    if (!Number.isInteger(per) || per < 1 || per > MAX_PER_CODE) found.maxResponsesPerCode = t('reflection.form.perCodeProblem', { max: MAX_PER_CODE });
    return found;
  };

  const { problems, failure, busy, opened, submit } = useOpening({
    idPrefix: 'round',
    check,
    open: () =>
      openRound({
        params: { schoolId },
        body: {
          instrumentId: instrumentId as ReflectionInstrument['id'],
          groups,
          ...dates,
          minGroupSize: Number(minGroupSize),
          maxResponsesPerCode: Number(perCode),
        },
      }),
  });

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
        <WindowFields
          idPrefix="round"
          labels={{ opensOn: t('reflection.form.opensOn'), closesOn: t('reflection.form.closesOn') }}
          value={dates}
          problems={problems}
          onChange={setDates}
        />
        <div className="form-row">
          <FormField id="round-minGroupSize" label={t('campaigns.minGroupSize')} hint={t('reflection.form.minGroupHint', { min: MIN_GROUP_SIZE })} problem={problems.minGroupSize}>
            {(control) => (
              <input
                {...control}
                type="number"
                inputMode="numeric"
                min={MIN_GROUP_SIZE}
                max={MAX_GROUP_SIZE}
                step={1}
                value={minGroupSize}
                onChange={(event) => setMinGroupSize(event.target.value)}
              />
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
        <OpeningFormEnd texts="reflection.form" busy={busy} failure={failure} opened={opened} />
      </form>
    </section>
  );
}
