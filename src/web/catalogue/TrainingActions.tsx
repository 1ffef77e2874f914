import { type FormEvent, useRef, useState } from 'react';
import { enrolmentEndpoints } from '../../shared/catalogue/endpoints';
import { brusselsDate } from '../../shared/platform/brussels-time';
import { type ApiError, asApiError, call } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { useSubmit } from '../components/useSubmit';
import { useI18n } from '../i18n';
import type { TrainingDto } from './types';

/**
 * Keep a training for later. The button says what it will do ("Bewaar…", "Niet meer bewaren"),
 * the line under it what is the case, so a saved training never still reads "Bewaar…".
 */
export function BookmarkToggle({ training }: { training: TrainingDto }) {
  const { t } = useI18n();
  const [bookmarked, setBookmarked] = useState(training.bookmarked);
  const [removed, setRemoved] = useState(false);
  const [failure, setFailure] = useState<ApiError>();

  const toggle = async () => {
    const next = !bookmarked;
    setBookmarked(next);
    setFailure(undefined);
    try {
      await call(next ? enrolmentEndpoints.addBookmark : enrolmentEndpoints.removeBookmark, { params: { trainingId: training.id } });
      setRemoved(!next);
    } catch (error) {
      setBookmarked(!next);
      setFailure(asApiError(error));
    }
  };

  return (
    <div className="training-action">
      <button type="button" className="button button-secondary bookmark-button" data-testid="bookmark-button" onClick={toggle}>
        <span aria-hidden="true">{bookmarked ? '★' : '☆'}</span> {t(bookmarked ? 'training.unbookmark' : 'training.bookmark')}
      </button>
      <p className="muted action-status" role="status">
        {bookmarked ? t('training.bookmarkAdded') : removed ? t('training.bookmarkRemoved') : ''}
      </p>
      {failure && <ErrorAlert error={failure} />}
    </div>
  );
}

/** "I took this training": adds it to the teacher's history on the profile, with the date. */
export function CompletionForm({ training }: { training: TrainingDto }) {
  const { t } = useI18n();
  const [completed, setCompleted] = useState(training.completed);
  const doneRef = useRef<HTMLParagraphElement>(null);
  const today = brusselsDate();
  const { run, busy, failure } = useSubmit(async (send: () => Promise<void>, next: boolean) => {
    await send();
    setCompleted(next);
    if (next) requestAnimationFrame(() => doneRef.current?.focus());
  });

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const completedOn = String(new FormData(event.currentTarget).get('completedOn') ?? '') || today;
    void run(() => call(enrolmentEndpoints.markTrainingCompleted, { params: { trainingId: training.id }, body: { completedOn } }), true);
  };

  return (
    <div className="training-action">
      {completed ? (
        <>
          <p className="completed-note" ref={doneRef} tabIndex={-1}>
            <span aria-hidden="true">✓ </span>
            {t('training.completedNote')}
          </p>
          <button
            type="button"
            className="button button-quiet"
            disabled={busy}
            onClick={() => run(() => call(enrolmentEndpoints.unmarkTrainingCompleted, { params: { trainingId: training.id } }), false)}
          >
            {t('training.uncomplete')}
          </button>
        </>
      ) : (
        <form className="completion-form" onSubmit={handleSubmit}>
          <div className="field field-compact">
            <label htmlFor="completed-on">{t('training.completedOn')}</label>
            <input id="completed-on" name="completedOn" type="date" defaultValue={today} max={today} required />
          </div>
          <button type="submit" className="button button-secondary" data-testid="complete-button" disabled={busy}>
            {t('training.complete')}
          </button>
        </form>
      )}
      {failure && <ErrorAlert error={failure} />}
    </div>
  );
}
