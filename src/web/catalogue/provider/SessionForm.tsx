import { useEffect } from 'react';
import { catalogueEndpoints } from '../../../shared/catalogue/endpoints';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useI18n } from '../../i18n';
import { useEndpointMutation } from '../../serverState';
import type { SessionDto } from '../types';
import { CheckboxField, ProblemSummary, TextField } from './FormFields';
import { fieldId } from './formProblems';
import { emptySessionForm, formFromSession, type SessionFormValues, sessionFormProblems, sessionProblemKey, toSessionInput } from './sessionForm';
import { useProblemForm } from './useProblemForm';

interface Props {
  trainingId: string;
  /** The session being edited; none to add one. */
  session?: SessionDto;
  onSaved(session: SessionDto): void;
  onCancel(): void;
}

/** What a changed session shows anew: the training with its sessions and seats, the provider's list. */
const sessionChanges = { invalidates: ['getTraining', 'listProviderTrainings'] };

/** Add or change one session: times on the Brussels clock, place or online, seats and deadlines. */
export function SessionForm({ trainingId, session, onSaved, onCancel }: Props) {
  const { t } = useI18n();
  const updateSession = useEndpointMutation(catalogueEndpoints.updateSession, sessionChanges);
  const createSession = useEndpointMutation(catalogueEndpoints.createSession, sessionChanges);
  const form = `session-${session?.id ?? 'new'}`;
  const enrolled = session ? session.enrolled : 0;
  const { values, set, problems, summaryRef, busy, failure, handleSubmit } = useProblemForm<SessionFormValues>({
    initial: () => (session ? formFromSession(session) : emptySessionForm()),
    check: (current) => sessionFormProblems(current, enrolled),
    save: async (current) => {
      const input = toSessionInput(current);
      onSaved(session ? await updateSession({ params: { sessionId: session.id }, body: input }) : await createSession({ params: { trainingId }, body: input }));
    },
  });

  // the form replaces the button that opened it: carry the focus into it
  useEffect(() => document.getElementById(fieldId(form, 'startsAt'))?.focus(), [form]);

  const problem = (path: string) => (problems[path] ? t(`sessionForm.problems.${sessionProblemKey(path)}`, { enrolled }) : undefined);

  const summary = Object.keys(problems).map((path) => {
    const key = sessionProblemKey(path);
    return {
      id: fieldId(form, key === 'other' ? 'startsAt' : key),
      text: `${key === 'other' ? t('sessionForm.legendNew') : t(`sessionForm.label.${key}`)}: ${t(`sessionForm.problems.${key}`, { enrolled })}`,
    };
  });
  const timeField = (key: 'startsAt' | 'endsAt' | 'enrolmentDeadline' | 'cancellationDeadline', hint?: string) => (
    <TextField id={fieldId(form, key)} type="datetime-local" label={t(`sessionForm.label.${key}`)} hint={hint} value={values[key]} onChange={set(key)} problem={problem(key)} />
  );

  return (
    <form className="form session-form card" data-testid="session-form" noValidate onSubmit={handleSubmit} aria-busy={busy}>
      <fieldset className="form-section">
        <legend>{t(session ? 'sessionForm.legendEdit' : 'sessionForm.legendNew')}</legend>
        <ProblemSummary ref={summaryRef} entries={summary} />
        {failure && <ErrorAlert error={failure} title={t('trainingForm.notSaved')} />}
        <p className="field-hint">{t('sessionForm.timeHint')}</p>
        <div className="form-row">
          {timeField('startsAt')}
          {timeField('endsAt')}
        </div>
        <CheckboxField id={fieldId(form, 'online')} label={t('sessionForm.label.online')} checked={values.online} onChange={set('online')} />
        <TextField
          id={fieldId(form, 'place')}
          label={t('sessionForm.label.place')}
          hint={t('sessionForm.placeHint')}
          value={values.place}
          onChange={set('place')}
          problem={problem('place')}
          maxLength={200}
          optional
        />
        <TextField
          id={fieldId(form, 'capacity')}
          label={t('sessionForm.label.capacity')}
          value={values.capacity}
          onChange={set('capacity')}
          problem={problem('capacity')}
          inputMode="numeric"
        />
        <div className="form-row">
          {timeField('enrolmentDeadline', t('sessionForm.deadlineHint'))}
          {timeField('cancellationDeadline', t('sessionForm.deadlineHint'))}
        </div>
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? t('trainingForm.saving') : t('sessionForm.save')}
          </button>
          <button type="button" className="button button-quiet" onClick={onCancel}>
            {t('form.cancel')}
          </button>
        </div>
      </fieldset>
    </form>
  );
}
