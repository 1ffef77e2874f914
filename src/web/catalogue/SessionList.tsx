import { useEffect, useRef, useState } from 'react';
import { enrolmentEndpoints } from '../../shared/catalogue/endpoints';
import { formatDateTime, formatTimeRange } from '../../shared/i18n/format';
import { ErrorAlert } from '../components/ErrorAlert';
import { useSubmit } from '../components/useSubmit';
import { useI18n } from '../i18n';
import { useEndpointMutation } from '../serverState';
import type { SessionDto, TrainingDto } from './types';

interface Props {
  training: TrainingDto;
}

/** What an enrolment changes: the seat counts on the training, your enrolments, your recommendations. */
const enrolmentChanges = { invalidates: ['getTraining', 'listMyEnrolments', 'getMyRecommendations'] };

type FocusAfterReload = { sessionId: string; target: 'status' | 'enrol' } | null;

/** The sessions of a training, each with its seats and the caller's enrol / waitlist / cancel action. */
export function SessionList({ training }: Props) {
  const { t } = useI18n();
  const [focusAfter, setFocusAfter] = useState<FocusAfterReload>(null);

  return (
    <section className="sessions" aria-labelledby="sessions-title">
      <h2 id="sessions-title">{t('sessions.title')}</h2>
      {training.sessions.length === 0 ? (
        <p>{t(training.kind === 'self_paced' || training.kind === 'learning_resource' ? 'sessions.noneSelfPaced' : 'sessions.none')}</p>
      ) : (
        <ul className="session-list">
          {training.sessions.map((session) => (
            <SessionRow
              key={session.id}
              session={session}
              canEnrol={training.policies.canEnrol}
              focus={focusAfter?.sessionId === session.id ? focusAfter.target : null}
              onFocused={() => setFocusAfter(null)}
              onChanged={(target) => {
                setFocusAfter({ sessionId: session.id, target });
              }}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

interface RowProps {
  session: SessionDto;
  canEnrol: boolean;
  focus: 'status' | 'enrol' | null;
  onFocused(): void;
  onChanged(focusAfter: 'status' | 'enrol'): void;
}

function SessionRow({ session, canEnrol, focus, onFocused, onChanged }: RowProps) {
  const { t, locale } = useI18n();
  const enrol = useEndpointMutation(enrolmentEndpoints.enrolInSession, enrolmentChanges);
  const cancelEnrolment = useEndpointMutation(enrolmentEndpoints.cancelEnrolment, enrolmentChanges);
  const {
    run: act,
    busy,
    failure,
  } = useSubmit(async (send: () => Promise<unknown>, focusAfter: 'status' | 'enrol') => {
    await send();
    onChanged(focusAfter);
  });
  const statusRef = useRef<HTMLParagraphElement>(null);
  const enrolRef = useRef<HTMLButtonElement>(null);
  const whenRef = useRef<HTMLParagraphElement>(null);
  const mine = session.myEnrolment;
  const whenId = `session-${session.id}-when`;
  const now = Date.now();
  const enrolmentOpen = now < Date.parse(session.enrolmentDeadline) && now < Date.parse(session.startsAt);
  const cancelOpen = now < Date.parse(session.cancellationDeadline);

  // Once the fresh data shows the change, put the focus where the reader continues.
  useEffect(() => {
    const element = focus === 'status' && mine ? statusRef.current : focus === 'enrol' && !mine ? (enrolRef.current ?? whenRef.current) : null;
    if (!element) return;
    element.focus();
    onFocused();
  }, [focus, mine?.id]);

  return (
    <li className="session-row" data-testid="session-row" data-session-id={session.id}>
      <div className="session-info">
        <p className="session-when" id={whenId} ref={whenRef} tabIndex={-1}>
          <strong>{formatTimeRange(session.startsAt, session.endsAt, locale)}</strong>
        </p>
        <p className="session-place">{session.online ? t('catalogue.online') : (session.place ?? t('sessions.placeUnknown'))}</p>
        <p className="session-seats">{session.seatsLeft > 0 ? t('sessions.seatsLeft', { count: session.seatsLeft }) : t('sessions.full', { count: session.waitlisted })}</p>
        {!mine && (
          <p className="muted session-deadline">
            {t(enrolmentOpen ? 'sessions.enrolUntil' : 'sessions.enrolClosed', {
              deadline: formatDateTime(session.enrolmentDeadline, locale),
            })}
          </p>
        )}
      </div>
      <div className="session-action">
        {mine ? (
          <>
            <p className="enrolment-status" data-testid="enrolment-status" ref={statusRef} tabIndex={-1}>
              <strong>{mine.status === 'enrolled' ? t('sessions.statusEnrolled') : t('sessions.statusWaitlisted', { position: mine.position ?? '–' })}</strong>
            </p>
            <p className="muted">
              {mine.status === 'waitlisted'
                ? t('sessions.leaveWaitlistAnytime')
                : t(cancelOpen ? 'sessions.cancelUntil' : 'sessions.cancelClosedOn', {
                    deadline: formatDateTime(session.cancellationDeadline, locale),
                  })}
            </p>
            <button
              type="button"
              className="button button-secondary"
              data-testid="cancel-enrolment-button"
              aria-describedby={whenId}
              disabled={busy}
              onClick={() => {
                // A seat given up may go to the waiting list at once: ask first.
                const question = mine.status === 'waitlisted' ? 'sessions.leaveWaitlistConfirm' : 'sessions.cancelConfirm';
                if (window.confirm(t(question, { when: formatTimeRange(session.startsAt, session.endsAt, locale) }))) {
                  void act(() => cancelEnrolment({ params: { enrolmentId: mine.id } }), 'enrol');
                }
              }}
            >
              {busy ? t('sessions.working') : t(mine.status === 'waitlisted' ? 'sessions.leaveWaitlist' : 'sessions.cancel')}
            </button>
          </>
        ) : (
          canEnrol &&
          enrolmentOpen && (
            <button
              ref={enrolRef}
              type="button"
              className={session.seatsLeft > 0 ? 'button button-primary' : 'button button-secondary'}
              data-testid="enrol-button"
              aria-describedby={whenId}
              disabled={busy}
              onClick={() => act(() => enrol({ params: { sessionId: session.id } }), 'status')}
            >
              {busy ? t('sessions.working') : t(session.seatsLeft > 0 ? 'sessions.enrol' : 'sessions.joinWaitlist')}
            </button>
          )
        )}
        {failure && (
          <ErrorAlert error={failure}>
            {failure.id === 'cancellation_closed' && t('sessions.cancelClosedHelp', { deadline: formatDateTime(session.cancellationDeadline, locale) })}
          </ErrorAlert>
        )}
      </div>
    </li>
  );
}
