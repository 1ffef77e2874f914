import { type FormEvent, useState } from 'react';
import { reflectionEndpoints } from '../../../shared/school/reflection/endpoints';
import { MAX_CLASS_LABEL } from '../../../shared/school/reflection/limits';
import { call } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useSubmit } from '../../components/useSubmit';
import { useI18n } from '../../i18n';
import { FormField, focusFirstProblem } from '../FormField';
import type { ClassCode, ReflectionRound } from './types';

interface Props {
  round: ReflectionRound;
  canRun: boolean;
  onChanged(round: ReflectionRound): void;
}

/**
 * The class codes of a round: what pupils type or open, to print or share, with how many of
 * its places were used; rotate a leaked code, revoke one no longer needed, add one per class.
 */
export function ClassCodes({ round, canRun, onChanged }: Props) {
  const { t } = useI18n();
  const {
    run: act,
    busy,
    failure,
  } = useSubmit(async (code: ClassCode, kind: 'rotate' | 'revoke') => {
    const endpoint = kind === 'rotate' ? reflectionEndpoints.rotateReflectionCode : reflectionEndpoints.revokeReflectionCode;
    onChanged(await call(endpoint, { params: { schoolId: round.schoolId, roundId: round.id, codeId: code.id } }));
  });

  const live = round.codes.filter((code) => code.revokedAt === null);
  const revoked = round.codes.length - live.length;
  return (
    <section className="class-codes" aria-labelledby={`codes-${round.id}`} data-testid="class-codes">
      <h3 id={`codes-${round.id}`}>{t('reflection.codes.title')}</h3>
      <p className="muted">{t('reflection.codes.intro')}</p>
      {live.length === 0 && <p>{t('reflection.codes.none')}</p>}
      <ul className="class-code-list">
        {live.map((code) => (
          <li key={code.id} className="class-code" data-testid="class-code">
            <p className="class-code-label">{t('reflection.codes.label', { label: code.label })}</p>
            <p className="join-code" data-testid="class-code-text">
              {code.code}
            </p>
            <p className="join-link">
              <a href={code.url}>{code.url}</a>
            </p>
            <p className="muted">{t('reflection.codes.used', { used: code.used, max: code.maxResponses })}</p>
            {canRun && (
              <div className="actions actions-tight no-print">
                <button type="button" className="button button-secondary button-small" disabled={busy} onClick={() => void act(code, 'rotate')}>
                  {t('reflection.codes.rotate', { label: code.label })}
                </button>
                <button type="button" className="button button-quiet button-small" disabled={busy} onClick={() => void act(code, 'revoke')}>
                  {t('reflection.codes.revoke', { label: code.label })}
                </button>
              </div>
            )}
          </li>
        ))}
      </ul>
      {revoked > 0 && <p className="muted no-print">{t('reflection.codes.revoked', { count: revoked })}</p>}
      {failure && <ErrorAlert error={failure} />}
      {canRun && (
        <div className="no-print">
          {live.length > 0 && (
            <button type="button" className="button button-secondary" onClick={() => window.print()}>
              {t('reflection.codes.print')}
            </button>
          )}
          <NewCodeForm round={round} onChanged={onChanged} />
        </div>
      )}
    </section>
  );
}

function NewCodeForm({ round, onChanged }: { round: ReflectionRound; onChanged(round: ReflectionRound): void }) {
  const { t } = useI18n();
  const prefix = `code-${round.id}`;
  const [label, setLabel] = useState('');
  const [max, setMax] = useState(String(round.maxResponsesPerCode));
  const [problems, setProblems] = useState<{ label?: string; max?: string }>({});
  const { run, busy, failure, clearFailure } = useSubmit(async (maxResponses: number) => {
    onChanged(await call(reflectionEndpoints.createReflectionCode, { params: { schoolId: round.schoolId, roundId: round.id }, body: { label: label.trim(), maxResponses } }));
    setLabel('');
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    clearFailure();
    const found: { label?: string; max?: string } = {};
    const length = label.trim().length;
    if (length === 0) found.label = t('reflection.codes.labelProblem');
    // Said, never cut: a pasted long name is not silently shortened in the middle of a word.
    else if (length > MAX_CLASS_LABEL) found.label = t('reflection.codes.labelTooLong', { max: MAX_CLASS_LABEL, count: length });
    const maxResponses = Number(max);
    if (!Number.isInteger(maxResponses) || maxResponses < 1 || maxResponses > 500) found.max = t('reflection.form.perCodeProblem', { max: 500 });
    setProblems(found);
    if (focusFirstProblem(prefix, found)) return;
    await run(maxResponses);
  };

  return (
    <form className="form" noValidate onSubmit={submit} aria-label={t('reflection.codes.newTitle')}>
      <div className="form-row">
        <FormField id={`${prefix}-label`} label={t('reflection.codes.newLabel')} hint={t('reflection.codes.newLabelHint')} problem={problems.label}>
          {(control) => <input {...control} type="text" value={label} onChange={(event) => setLabel(event.target.value)} />}
        </FormField>
        <FormField id={`${prefix}-max`} label={t('reflection.form.perCode')} problem={problems.max}>
          {(control) => <input {...control} type="number" inputMode="numeric" min={1} max={500} step={1} value={max} onChange={(event) => setMax(event.target.value)} />}
        </FormField>
      </div>
      <button type="submit" className="button button-secondary" disabled={busy}>
        {t('reflection.codes.add')}
      </button>
      {failure && <ErrorAlert error={failure} />}
    </form>
  );
}
