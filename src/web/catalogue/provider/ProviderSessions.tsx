import { useRef, useState } from 'react';
import { formatDateTime, formatTimeRange } from '../../../shared/i18n/format';
import { useI18n } from '../../i18n';
import type { TrainingDto } from '../types';
import { EnrolmentList } from './EnrolmentList';
import { SessionForm } from './SessionForm';
import { sessionsInDateOrder } from './sessionForm';

/** The sessions of one's own training: seats taken, edit in place, add one, see who enrolled. */
export function ProviderSessions({ training }: { training: TrainingDto }) {
  const { t, locale } = useI18n();
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const [message, setMessage] = useState('');

  const done = (saved: boolean) => {
    setEditing(null);
    if (saved) {
      setMessage(t('sessionForm.saved'));
    }
    requestAnimationFrame(() => addButton.current?.focus());
  };

  return (
    <section className="card" aria-labelledby="provider-sessions-title" data-testid="provider-sessions">
      <h2 id="provider-sessions-title">{t('sessions.title')}</h2>
      <p role="status" className="save-status">
        {message && <span className="save-ok">{message}</span>}
      </p>
      {training.sessions.length === 0 && <p>{t('providerTraining.noSessions')}</p>}
      <ul className="session-list">
        {sessionsInDateOrder(training.sessions).map((session) => {
          const when = formatTimeRange(session.startsAt, session.endsAt, locale);
          return (
            <li key={session.id} className="session-row session-row-provider" data-testid="session-row" data-session-id={session.id}>
              <div className="session-info">
                <p className="session-when">
                  <strong>{when}</strong>
                </p>
                <p>{session.online ? t('catalogue.online') : (session.place ?? t('sessions.placeUnknown'))}</p>
                <p>{t('providerTraining.seats', { enrolled: session.enrolled, capacity: session.capacity, waitlisted: session.waitlisted })}</p>
                <p className="muted">
                  {t('providerTraining.deadlines', {
                    enrol: formatDateTime(session.enrolmentDeadline, locale),
                    cancel: formatDateTime(session.cancellationDeadline, locale),
                  })}
                </p>
              </div>
              <div className="session-action">
                {editing !== session.id && (
                  <button type="button" className="button button-secondary" onClick={() => setEditing(session.id)}>
                    {t('providerTraining.editSession')}
                    <span className="visually-hidden"> {when}</span>
                  </button>
                )}
              </div>
              {editing === session.id && (
                <div className="session-edit">
                  <SessionForm trainingId={training.id} session={session} onSaved={() => done(true)} onCancel={() => done(false)} />
                </div>
              )}
              <div className="session-enrolments">
                <EnrolmentList sessionId={session.id} label={when} />
              </div>
            </li>
          );
        })}
      </ul>
      {editing === 'new' ? (
        <SessionForm trainingId={training.id} onSaved={() => done(true)} onCancel={() => done(false)} />
      ) : (
        <button ref={addButton} type="button" className="button button-primary" onClick={() => setEditing('new')}>
          {t('providerTraining.addSession')}
        </button>
      )}
    </section>
  );
}
