import { type FormEvent, useEffect, useRef, useState } from 'react';
import type { BootcampCohort, BootcampProgramme } from '../../shared/centre/actions';
import { centreActionEndpoints } from '../../shared/centre/actions-endpoints';
import { formatDate, formatNumber } from '../../shared/i18n/format';
import { ErrorAlert } from '../components/ErrorAlert';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import { useSubmit } from '../components/useSubmit';
import { useI18n } from '../i18n';
import { Link } from '../router';
import { useEndpointMutation, useEndpointQuery } from '../serverState';
import { BootcampCohortSetup } from './BootcampCohortSetup';
import { NewCohortForm, NewTrackForm, programmeViews } from './BootcampTrackForms';
import { CentreNav } from './CentreNav';

/**
 * The IT bootcamps: tracks, their cohorts with completion per team, and for a chosen cohort its
 * attendance; whoever may change the programme also adds tracks and cohorts, and sets up a cohort's teams.
 */
export function BootcampsPage() {
  const { t, text, locale } = useI18n();
  const programme = useEndpointQuery(centreActionEndpoints.getBootcampProgramme);
  const [cohortId, setCohortId] = useState<string | null>(null);
  const [adding, setAdding] = useState<'track' | 'cohort' | null>(null);

  return (
    <section className="page" data-testid="bootcamps">
      <PageHeading title={t('centreActions.bootcampsTitle')}>{t('centreActions.bootcampsTitle')}</PageHeading>
      <CentreNav />
      {programme.error && <ErrorAlert error={programme.error} onRetry={programme.reload} />}
      {programme.loading && !programme.data && <Loading />}
      {programme.data && (
        <>
          <p className="lead">{t('centreActions.bootcampsIntro', { percent: programme.data.completionPercent })}</p>
          <p data-testid="bootcamps-reach">
            {t('centreActions.bootcampsReach', {
              schools: formatNumber(programme.data.reach.schools, locale),
              teachers: formatNumber(programme.data.reach.teachers, locale),
              completed: formatNumber(programme.data.reach.teamsCompleted, locale),
            })}
          </p>
          {programme.data.canManage && (
            <div className="actions">
              <button type="button" className="button button-secondary" onClick={() => setAdding('track')} aria-expanded={adding === 'track'} data-testid="bootcamp-new-track">
                {t('bootcampSetup.newTrack')}
              </button>
              {programme.data.tracks.length > 0 && (
                <button type="button" className="button button-secondary" onClick={() => setAdding('cohort')} aria-expanded={adding === 'cohort'} data-testid="bootcamp-new-cohort">
                  {t('bootcampSetup.newCohort')}
                </button>
              )}
            </div>
          )}
          {adding === 'track' && <NewTrackForm onDone={() => setAdding(null)} />}
          {adding === 'cohort' && (
            <NewCohortForm
              tracks={programme.data.tracks}
              onDone={(created) => {
                setAdding(null);
                if (created) setCohortId(created);
              }}
            />
          )}
          {programme.data.tracks.map((track) => (
            <section key={track.id} className="card" aria-labelledby={`track-${track.id}`} data-testid="bootcamp-track">
              <h2 id={`track-${track.id}`}>
                {t('centreActions.track')}: {text(track.name)}
              </h2>
              <p>{text(track.description)}</p>
              {track.training && (
                <p>
                  <Link href={`/opleidingen/${encodeURIComponent(track.training.id)}`}>{t('centreActions.trainingLink', { title: track.training.title })}</Link>
                </p>
              )}
              {track.cohorts.length === 0 && <p className="muted">{t('centreActions.noCohorts')}</p>}
              {track.cohorts.map((cohort) => (
                <CohortTable key={cohort.id} cohort={cohort} onAttendance={() => setCohortId(cohort.id)} />
              ))}
            </section>
          ))}
        </>
      )}
      {cohortId && <Attendance cohortId={cohortId} />}
    </section>
  );
}

type CohortSummary = BootcampProgramme['tracks'][number]['cohorts'][number];

function CohortTable({ cohort, onAttendance }: { cohort: CohortSummary; onAttendance(): void }) {
  const { t, locale } = useI18n();
  const captionId = `cohort-${cohort.id}-caption`;
  return (
    <div data-testid="bootcamp-cohort">
      <div className="table-wrap" tabIndex={0} role="region" aria-labelledby={captionId}>
        <table className="data-table">
          <caption id={captionId}>
            {t('centreActions.cohortCaption', { cohort: cohort.name })}
            <div className="muted">{t('centreActions.cohortStart', { date: formatDate(cohort.startsOn, locale), held: cohort.sessionsHeld, sessions: cohort.sessions })}</div>
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('centreActions.columnSchool')}</th>
              <th scope="col" className="numeric">
                {t('centreActions.columnMembers')}
              </th>
              <th scope="col">{t('centreActions.columnCompleted')}</th>
            </tr>
          </thead>
          <tbody>
            {cohort.teams.map((team) => (
              <tr key={team.id}>
                <th scope="row">{team.schoolName}</th>
                <td className="numeric">
                  {team.completion.membersCompleted} / {team.completion.members}
                </td>
                <td>{team.completion.completed ? t('centreActions.yes') : t('centreActions.no')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="actions">
        <button type="button" className="button button-secondary" onClick={onAttendance} data-testid="bootcamp-attendance-open">
          {t('centreActions.attendanceFor', { cohort: cohort.name })}
        </button>
      </div>
    </div>
  );
}

/** Who was present at one session of a cohort: a checkbox per participant, grouped by school team. */
function Attendance({ cohortId }: { cohortId: string }) {
  const { t } = useI18n();
  const cohort = useEndpointQuery(centreActionEndpoints.getBootcampCohort, { params: { cohortId } });
  const heading = useRef<HTMLHeadingElement>(null);
  const shown = cohort.data?.id;
  // A keyboard user who opened a cohort's attendance lands on it, once per cohort.
  useEffect(() => {
    if (shown) heading.current?.focus();
  }, [shown]);
  if (cohort.error) return <ErrorAlert error={cohort.error} onRetry={cohort.reload} />;
  if (!cohort.data) return <Loading />;
  return (
    <>
      <section className="card" aria-labelledby="bootcamp-attendance-title" data-testid="bootcamp-attendance">
        <h2 id="bootcamp-attendance-title" tabIndex={-1} ref={heading}>
          {t('centreActions.attendanceFor', { cohort: cohort.data.name })}
        </h2>
        <AttendanceForm key={cohort.data.id} cohort={cohort.data} />
      </section>
      {cohort.data.canManage && <BootcampCohortSetup key={`${cohort.data.id}-setup`} cohort={cohort.data} />}
    </>
  );
}

function AttendanceForm({ cohort }: { cohort: BootcampCohort }) {
  const { t, locale } = useI18n();
  const save = useEndpointMutation(centreActionEndpoints.saveBootcampAttendance, { invalidates: programmeViews });
  const [sessionId, setSessionId] = useState(cohort.sessions[0]?.id ?? '');
  const session = cohort.sessions.find((s) => s.id === sessionId);
  const [present, setPresent] = useState<ReadonlySet<string>>(() => new Set(session?.present));
  const [saved, setSaved] = useState(false);
  const { run, busy, failure } = useSubmit(async () => {
    await save({ params: { cohortId: cohort.id, bootcampSessionId: sessionId }, body: { present: [...present] } });
    setSaved(true);
  });
  const choose = (id: string) => {
    setSessionId(id);
    setPresent(new Set(cohort.sessions.find((s) => s.id === id)?.present));
    setSaved(false);
  };
  const toggle = (id: string, on: boolean) => {
    const next = new Set(present);
    if (on) next.add(id);
    else next.delete(id);
    setPresent(next);
    setSaved(false);
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await run();
  };
  return (
    <form className="form" onSubmit={submit}>
      <div className="field">
        <label htmlFor="bootcamp-session">{t('centreActions.session')}</label>
        <select id="bootcamp-session" value={sessionId} onChange={(event) => choose(event.target.value)}>
          {cohort.sessions.map((s) => (
            <option key={s.id} value={s.id}>
              {s.topic
                ? t('centreActions.sessionOption', { number: s.number, date: formatDate(s.heldOn, locale), topic: s.topic })
                : t('bootcampSetup.sessionOption', { number: s.number, date: formatDate(s.heldOn, locale) })}
            </option>
          ))}
        </select>
      </div>
      {cohort.teams.map((team) => (
        <fieldset key={team.id} className="field">
          <legend>
            {team.schoolName} ({team.completion.completed ? t('centreActions.yes') : t('centreActions.no')}: {t('centreActions.columnCompleted').toLowerCase()})
          </legend>
          {team.participants.map((participant) => (
            <div key={participant.id} className="checkbox-field">
              <input id={`present-${participant.id}`} type="checkbox" checked={present.has(participant.id)} onChange={(event) => toggle(participant.id, event.target.checked)} />
              <label htmlFor={`present-${participant.id}`}>
                {participant.name} <span className="muted">({t('centreActions.attendedOf', { attended: participant.attended, sessions: cohort.sessions.length })})</span>
              </label>
            </div>
          ))}
        </fieldset>
      ))}
      {failure && <ErrorAlert error={failure} />}
      {saved && (
        <p className="alert alert-success" role="status">
          {t('centreActions.attendanceSaved')}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy || !session} data-testid="bootcamp-attendance-save">
          {t('centreActions.saveAttendance')}
        </button>
      </div>
    </form>
  );
}
