import { type FormEvent, useState } from 'react';
import type { BootcampCohort } from '../../shared/centre/actions';
import { bootcampSetupEndpoints } from '../../shared/centre/bootcamp-setup-endpoints';
import { formatDate } from '../../shared/i18n/format';
import { ErrorAlert } from '../components/ErrorAlert';
import { useSubmit } from '../components/useSubmit';
import { useI18n } from '../i18n';
import { FormField } from '../school/FormField';
import { useEndpointMutation, useEndpointQuery } from '../serverState';
import { programmeViews } from './BootcampTrackForms';
import { linesOf, participantsProblem } from './bootcampSetupView';

type Team = BootcampCohort['teams'][number];

/** A cohort's set-up, for whoever may change it: its school teams and participants, and the dates of its sessions. */
export function BootcampCohortSetup({ cohort }: { cohort: BootcampCohort }) {
  const { t } = useI18n();
  return (
    <section className="card" aria-labelledby={`bootcamp-setup-${cohort.id}`} data-testid="bootcamp-cohort-setup">
      <h2 id={`bootcamp-setup-${cohort.id}`}>{t('bootcampSetup.teamsTitle', { cohort: cohort.name })}</h2>
      {cohort.teams.length === 0 && <p className="muted">{t('bootcampSetup.noTeams')}</p>}
      {cohort.teams.map((team) => (
        <TeamEditor key={team.id} cohortId={cohort.id} team={team} />
      ))}
      <AddTeamForm cohortId={cohort.id} />
      <MoveSessionForm cohort={cohort} />
    </section>
  );
}

/** Adds a school's team: the school found by name or number, then its participants one a line. */
function AddTeamForm({ cohortId }: { cohortId: string }) {
  const { t } = useI18n();
  const prefix = `bootcamp-team-${cohortId}`;
  const add = useEndpointMutation(bootcampSetupEndpoints.addBootcampTeam, { invalidates: programmeViews });
  const [search, setSearch] = useState('');
  const [q, setQ] = useState<string | null>(null);
  const found = useEndpointQuery(bootcampSetupEndpoints.searchBootcampSchools, { query: { q: q ?? '' } }, { enabled: q !== null });
  const [schoolId, setSchoolId] = useState('');
  const [names, setNames] = useState('');
  const [problems, setProblems] = useState<{ school?: string; participants?: string }>({});
  const { run, busy, failure, clearFailure } = useSubmit(
    async () => {
      await add({ params: { cohortId }, body: { school: schoolId, participants: linesOf(names) } });
      setSchoolId('');
      setNames('');
      setSearch('');
      setQ(null);
    },
    {
      handle: (error) => {
        if (error.field !== 'body.school' && !error.field?.startsWith('body.participants')) return false;
        const key = error.field === 'body.school' ? 'school' : 'participants';
        setProblems({ [key]: t(error.id === 'conflict' ? 'bootcampSetup.refused.schoolTaken' : `bootcampSetup.refused.${key === 'school' ? 'school' : 'invalid'}`) });
        document.getElementById(`${prefix}-${key}`)?.focus();
        return true;
      },
    },
  );
  const findSchools = (event: FormEvent) => {
    event.preventDefault();
    setQ(search.trim());
    setSchoolId('');
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    clearFailure();
    const participants = participantsProblem(linesOf(names));
    const next = { school: schoolId ? undefined : t('bootcampSetup.problem.school'), participants: participants ? t(`bootcampSetup.problem.${participants}`) : undefined };
    setProblems(next);
    if (next.school || next.participants) {
      document.getElementById(`${prefix}-${next.school ? 'search' : 'participants'}`)?.focus();
      return;
    }
    await run();
  };
  return (
    <section className="card" aria-labelledby={`${prefix}-title`} data-testid="bootcamp-add-team">
      <h3 id={`${prefix}-title`}>{t('bootcampSetup.addTeam')}</h3>
      <form className="form" noValidate onSubmit={findSchools} role="search" aria-label={t('bootcampSetup.findSchool')}>
        <FormField id={`${prefix}-search`} label={t('bootcampSetup.findSchool')} hint={t('bootcampSetup.findSchoolHint')} problem={problems.school}>
          {(control) => (
            <div className="form-row">
              <input {...control} type="search" maxLength={100} value={search} onChange={(event) => setSearch(event.target.value)} />
              <button type="submit" className="button button-secondary">
                {t('bootcampSetup.search')}
              </button>
            </div>
          )}
        </FormField>
      </form>
      <form className="form" noValidate onSubmit={submit}>
        {found.error && <ErrorAlert error={found.error} />}
        {q !== null && found.data && (
          <fieldset className="field" id={`${prefix}-school`} tabIndex={-1}>
            <legend>{t('bootcampSetup.school')}</legend>
            {found.data.schools.length === 0 && <p className="muted">{t('bootcampSetup.noSchools')}</p>}
            {found.data.schools.map((school) => (
              <div key={school.id} className="checkbox-field">
                <input
                  id={`${prefix}-school-${school.id}`}
                  type="radio"
                  name={`${prefix}-school`}
                  value={school.id}
                  checked={schoolId === school.id}
                  onChange={() => setSchoolId(school.id)}
                />
                <label htmlFor={`${prefix}-school-${school.id}`}>
                  {school.name}
                  <span className="muted">
                    {' '}
                    ({[school.institutionNumber, school.province && t(`codes.province.${school.province}`, { defaultValue: school.province })].filter(Boolean).join(', ') || '–'})
                  </span>
                </label>
              </div>
            ))}
          </fieldset>
        )}
        <FormField id={`${prefix}-participants`} label={t('bootcampSetup.participants')} hint={t('bootcampSetup.participantsHint')} problem={problems.participants}>
          {(control) => <textarea {...control} rows={4} value={names} onChange={(event) => setNames(event.target.value)} />}
        </FormField>
        {failure && <ErrorAlert error={failure} />}
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy} data-testid="bootcamp-add-team-save">
            {t('bootcampSetup.addTeamButton')}
          </button>
        </div>
      </form>
    </section>
  );
}

/** A team folded open on demand; its form starts anew from the saved participants after every change. */
function TeamEditor({ cohortId, team }: { cohortId: string; team: Team }) {
  const { t } = useI18n();
  return (
    <details className="card" data-testid="bootcamp-team">
      <summary>
        {team.schoolName} ({t('bootcampSetup.teamSummary', { members: team.participants.length, completed: team.completion.membersCompleted })})
      </summary>
      <ParticipantsForm key={team.participants.map((p) => `${p.id}:${p.name}`).join('|')} cohortId={cohortId} team={team} />
    </details>
  );
}

/** A team's participants, renamed, removed or added, and the team taken out of the cohort. */
function ParticipantsForm({ cohortId, team }: { cohortId: string; team: Team }) {
  const { t } = useI18n();
  const prefix = `bootcamp-team-${team.id}`;
  const save = useEndpointMutation(bootcampSetupEndpoints.updateBootcampTeamParticipants, { invalidates: programmeViews });
  const remove = useEndpointMutation(bootcampSetupEndpoints.removeBootcampTeam, { invalidates: programmeViews });
  const [kept, setKept] = useState(() => team.participants.map((p) => ({ id: p.id, name: p.name, removed: false })));
  const [added, setAdded] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const [askForce, setAskForce] = useState(false);
  const saving = useSubmit(async () => {
    await save({
      params: { cohortId, bootcampTeamId: team.id },
      body: { participants: [...kept.filter((p) => !p.removed).map(({ id, name }) => ({ id, name })), ...linesOf(added).map((name) => ({ name }))] },
    });
  });
  const removing = useSubmit(
    async (force: boolean) => {
      await remove({ params: { cohortId, bootcampTeamId: team.id }, query: { force: force ? 'true' : undefined } });
    },
    {
      handle: (error) => {
        if (error.id !== 'conflict') return false;
        setAskForce(true);
        return true;
      },
    },
  );
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const names = [...kept.filter((p) => !p.removed).map((p) => p.name.trim()), ...linesOf(added)];
    const found = names.some((name) => name === '') ? 'required' : participantsProblem(names);
    setProblem(found ? t(`bootcampSetup.problem.${found}`) : undefined);
    if (found) return;
    await saving.run();
  };
  const change = (index: number, patch: Partial<{ name: string; removed: boolean }>) => setKept((current) => current.map((p, i) => (i === index ? { ...p, ...patch } : p)));
  return (
    <form className="form" noValidate onSubmit={submit}>
      <fieldset className="field" aria-describedby={problem ? `${prefix}-problem` : undefined}>
        <legend>{t('bootcampSetup.participants')}</legend>
        {kept.map((participant, index) => (
          <div key={participant.id} className="form-row">
            <FormField id={`${prefix}-name-${participant.id}`} label={t('bootcampSetup.participantName', { number: index + 1 })}>
              {(control) => (
                <input
                  {...control}
                  type="text"
                  maxLength={120}
                  value={participant.name}
                  disabled={participant.removed}
                  onChange={(event) => change(index, { name: event.target.value })}
                />
              )}
            </FormField>
            <div className="checkbox-field">
              <input id={`${prefix}-remove-${participant.id}`} type="checkbox" checked={participant.removed} onChange={(event) => change(index, { removed: event.target.checked })} />
              <label htmlFor={`${prefix}-remove-${participant.id}`}>{t('bootcampSetup.removeParticipant', { name: participant.name })}</label>
            </div>
          </div>
        ))}
        {problem && (
          <p id={`${prefix}-problem`} className="field-problem">
            {problem}
          </p>
        )}
      </fieldset>
      <FormField id={`${prefix}-added`} label={t('bootcampSetup.newParticipants')} hint={t('bootcampSetup.participantsHint')} optional>
        {(control) => <textarea {...control} rows={2} value={added} onChange={(event) => setAdded(event.target.value)} />}
      </FormField>
      {saving.failure && <ErrorAlert error={saving.failure} />}
      {removing.failure && <ErrorAlert error={removing.failure} />}
      {askForce && (
        <div className="alert alert-info" role="alert">
          <p>{t('bootcampSetup.removeWithAttendance', { school: team.schoolName })}</p>
          <button type="button" className="button button-primary" onClick={() => removing.run(true)} disabled={removing.busy}>
            {t('bootcampSetup.removeAnyway')}
          </button>
        </div>
      )}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={saving.busy}>
          {t('bootcampSetup.saveParticipants')}
        </button>
        <button type="button" className="button button-secondary" onClick={() => removing.run(false)} disabled={removing.busy}>
          {t('bootcampSetup.removeTeam', { school: team.schoolName })}
        </button>
      </div>
    </form>
  );
}

/** Moves one session to another date; the others keep theirs. */
function MoveSessionForm({ cohort }: { cohort: BootcampCohort }) {
  const { t, locale } = useI18n();
  const prefix = `bootcamp-move-${cohort.id}`;
  const move = useEndpointMutation(bootcampSetupEndpoints.updateBootcampSession, { invalidates: programmeViews });
  const [sessionId, setSessionId] = useState(cohort.sessions[0]?.id ?? '');
  const [heldOn, setHeldOn] = useState(cohort.sessions[0]?.heldOn ?? '');
  const [problem, setProblem] = useState<string | undefined>();
  const [moved, setMoved] = useState(false);
  const { run, busy, failure } = useSubmit(async () => {
    await move({ params: { cohortId: cohort.id, bootcampSessionId: sessionId }, body: { heldOn } });
    setMoved(true);
  });
  const choose = (id: string) => {
    setSessionId(id);
    setHeldOn(cohort.sessions.find((s) => s.id === id)?.heldOn ?? '');
    setMoved(false);
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const bad = !/^\d{4}-\d{2}-\d{2}$/.test(heldOn);
    setProblem(bad ? t('bootcampSetup.problem.date') : undefined);
    if (bad) {
      document.getElementById(`${prefix}-date`)?.focus();
      return;
    }
    await run();
  };
  return (
    <section className="card" aria-labelledby={`${prefix}-title`}>
      <h3 id={`${prefix}-title`}>{t('bootcampSetup.moveSession')}</h3>
      <form className="form" noValidate onSubmit={submit} data-testid="bootcamp-move-session">
        <div className="form-row">
          <FormField id={`${prefix}-session`} label={t('centreActions.session')}>
            {(control) => (
              <select {...control} value={sessionId} onChange={(event) => choose(event.target.value)}>
                {cohort.sessions.map((s) => (
                  <option key={s.id} value={s.id}>
                    {t('bootcampSetup.sessionOption', { number: s.number, date: formatDate(s.heldOn, locale) })}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <FormField id={`${prefix}-date`} label={t('bootcampSetup.newDate')} problem={problem}>
            {(control) => (
              <input
                {...control}
                type="date"
                value={heldOn}
                onChange={(event) => {
                  setHeldOn(event.target.value);
                  setMoved(false);
                }}
              />
            )}
          </FormField>
        </div>
        {failure && <ErrorAlert error={failure} />}
        {moved && (
          <p className="alert alert-success" role="status">
            {t('bootcampSetup.sessionMoved', { date: formatDate(heldOn, locale) })}
          </p>
        )}
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy || !sessionId}>
            {t('bootcampSetup.moveButton')}
          </button>
        </div>
      </form>
    </section>
  );
}
