import { weeklySessionDates } from '../../shared/centre/bootcamp-schedule';
import type {
  BootcampCohort,
  BootcampCohortBody,
  BootcampParticipantsBody,
  BootcampSchools as BootcampSchoolList,
  BootcampSessionBody,
  BootcampTeamBody,
  BootcampTrack,
  BootcampTrackBody,
} from '../../shared/centre/bootcamp-setup';
import { conflict, notFound, validationError } from '../../shared/errors';
import type { AccessPolicy } from '../platform/access/access';
import type { AuditRepository } from '../platform/audit/audit.repository';
import { newId, nowIso } from '../platform/ids';
import type { BootcampSchools, BootcampTrainings } from './actions.needs';
import type { BootcampRows, BootcampTrackRow, CentreActionsRepository } from './actions.repository';
import type { CentreActionsService } from './actions.service';

export interface BootcampSetupDeps {
  access: AccessPolicy;
  audit: AuditRepository;
  trainings: BootcampTrainings;
  schools: BootcampSchools;
  /** The cohort as its page reads it: what every write to a cohort answers. */
  cohorts: Pick<CentreActionsService, 'cohort'>;
}

/** How many schools a search answers: enough to pick from while typing. */
const SCHOOL_SEARCH_LIMIT = 20;

/**
 * Setting up the IT bootcamps in the product: tracks, cohorts and their weekly sessions, school
 * teams and their participants. Every write checks `manageCentreActions` first, is all or nothing
 * and is audited. The programme's reach is counted from these tables on every read, so a write
 * shows in the actions' reach at once, on every server process.
 */
export class BootcampSetupService {
  constructor(
    private readonly repo: CentreActionsRepository,
    private readonly deps: BootcampSetupDeps,
  ) {}

  async createTrack(userId: string, body: BootcampTrackBody): Promise<BootcampTrack> {
    await this.deps.access.requirePlatform(userId, 'manageCentreActions');
    const training = await this.bootcampTraining(body.trainingId);
    const row: BootcampTrackRow = { id: newId(), ...trackColumns(body), created_at: nowIso() };
    await this.repo.insertTrack(row);
    await this.deps.audit.record({ actorId: userId, action: 'bootcamp_track_created', subject: row.id, details: { trainingId: body.trainingId } });
    return { id: row.id, name: body.name, description: body.description, training };
  }

  async updateTrack(userId: string, trackId: string, body: BootcampTrackBody): Promise<BootcampTrack> {
    await this.deps.access.requirePlatform(userId, 'manageCentreActions');
    if (!(await this.repo.findTrack(trackId))) throw notFound('Track', 'bootcampTrackId');
    const training = await this.bootcampTraining(body.trainingId);
    await this.repo.updateTrack(trackId, trackColumns(body));
    await this.deps.audit.record({ actorId: userId, action: 'bootcamp_track_changed', subject: trackId, details: { trainingId: body.trainingId } });
    return { id: trackId, name: body.name, description: body.description, training };
  }

  /** A cohort with its sessions planned weekly from the start, one topic each (or none yet). */
  async createCohort(userId: string, body: BootcampCohortBody): Promise<BootcampCohort> {
    await this.deps.access.requirePlatform(userId, 'manageCentreActions');
    if (!(await this.repo.findTrack(body.trackId))) throw notFound('Track', 'body.trackId');
    const cohortId = newId();
    const sessions = weeklySessionDates(body.startsOn, body.sessions).map((heldOn, week) => ({
      id: newId(),
      cohort_id: cohortId,
      number: week + 1,
      held_on: heldOn,
      topic: body.topics[week] ?? '',
    }));
    await this.repo.insertCohort({ id: cohortId, track_id: body.trackId, name: body.name, starts_on: body.startsOn }, sessions);
    await this.deps.audit.record({ actorId: userId, action: 'bootcamp_cohort_created', subject: cohortId, details: { trackId: body.trackId, sessions: body.sessions } });
    return this.deps.cohorts.cohort(userId, cohortId);
  }

  /** Moves one session; the others keep their dates. */
  async updateSession(userId: string, cohortId: string, sessionId: string, body: BootcampSessionBody): Promise<BootcampCohort> {
    await this.deps.access.requirePlatform(userId, 'manageCentreActions');
    const rows = await this.requireCohort(cohortId);
    const session = rows.sessions.find((s) => s.id === sessionId);
    if (!session) throw notFound('Session', 'bootcampSessionId');
    await this.repo.updateSession(sessionId, { held_on: body.heldOn, ...(body.topic === undefined ? {} : { topic: body.topic }) });
    await this.deps.audit.record({ actorId: userId, action: 'bootcamp_session_changed', subject: sessionId, details: { cohortId, from: session.held_on, to: body.heldOn } });
    return this.deps.cohorts.cohort(userId, cohortId);
  }

  /** Registers a school's team: the school by id or institution number, once per cohort. */
  async addTeam(userId: string, cohortId: string, body: BootcampTeamBody): Promise<BootcampCohort> {
    await this.deps.access.requirePlatform(userId, 'manageCentreActions');
    const rows = await this.requireCohort(cohortId);
    const school = await this.deps.schools.school(body.school);
    if (!school) throw validationError('body.school', 'no school has this id or institution number');
    const taken = () => conflict(`${school.name} has a team in this cohort already`, 'body.school');
    if (rows.teams.some((team) => team.school_id === school.id)) throw taken();
    const teamId = newId();
    const participants = body.participants.map((name) => ({ id: newId(), team_id: teamId, name }));
    if (!(await this.repo.insertTeam({ id: teamId, cohort_id: cohortId, school_id: school.id, school_name: school.name }, participants))) throw taken();
    await this.deps.audit.record({ actorId: userId, action: 'bootcamp_team_added', subject: teamId, details: { cohortId, schoolId: school.id, participants: participants.length } });
    return this.deps.cohorts.cohort(userId, cohortId);
  }

  /** Sets a team's participants: those sent with an id are kept with their attendance, the new ones added, the others removed. */
  async updateParticipants(userId: string, cohortId: string, teamId: string, body: BootcampParticipantsBody): Promise<BootcampCohort> {
    await this.deps.access.requirePlatform(userId, 'manageCentreActions');
    const rows = await this.requireCohort(cohortId);
    const current = new Set(this.requireTeam(rows, teamId).participantIds);
    const seen = new Set<string>();
    body.participants.forEach((participant, index) => {
      if (participant.id === undefined) return;
      if (!current.has(participant.id) || seen.has(participant.id)) throw validationError(`body.participants.${index}.id`, 'not a participant of this team, or named twice');
      seen.add(participant.id);
    });
    const kept = body.participants.flatMap((p) => (p.id === undefined ? [] : [{ id: p.id, name: p.name }]));
    const added = body.participants.flatMap((p) => (p.id === undefined ? [{ id: newId(), team_id: teamId, name: p.name }] : []));
    const removed = [...current].filter((id) => !seen.has(id));
    await this.repo.replaceParticipants(teamId, kept, added, removed);
    await this.deps.audit.record({
      actorId: userId,
      action: 'bootcamp_participants_changed',
      subject: teamId,
      details: { cohortId, kept: kept.length, added: added.length, removed: removed.length },
    });
    return this.deps.cohorts.cohort(userId, cohortId);
  }

  /** Takes a team out; once attendance was recorded for it, only when `force` says so. */
  async removeTeam(userId: string, cohortId: string, teamId: string, query: { force: boolean }): Promise<BootcampCohort> {
    await this.deps.access.requirePlatform(userId, 'manageCentreActions');
    const rows = await this.requireCohort(cohortId);
    const members = new Set(this.requireTeam(rows, teamId).participantIds);
    const attended = rows.attendance.some((a) => members.has(a.participant_id));
    if (attended && !query.force) throw conflict('Attendance was recorded for this team; remove it with force to drop its attendance too', 'force');
    await this.repo.deleteTeam(teamId);
    await this.deps.audit.record({ actorId: userId, action: 'bootcamp_team_removed', subject: teamId, details: { cohortId, withAttendance: attended } });
    return this.deps.cohorts.cohort(userId, cohortId);
  }

  async searchSchools(userId: string, q: string): Promise<BootcampSchoolList> {
    await this.deps.access.requirePlatform(userId, 'manageCentreActions');
    return { schools: await this.deps.schools.searchSchools(q, SCHOOL_SEARCH_LIMIT) };
  }

  /** The catalogue training a track is offered as: it must be a published training of kind bootcamp. */
  private async bootcampTraining(trainingId: string | null): Promise<{ id: string; title: string } | null> {
    if (trainingId === null) return null;
    const training = await this.deps.trainings.bootcampTraining(trainingId);
    if (!training) throw validationError('body.trainingId', 'not a published training of kind bootcamp');
    return training;
  }

  private async requireCohort(cohortId: string): Promise<BootcampRows> {
    const rows = await this.repo.bootcamps(cohortId);
    if (rows.cohorts.length === 0) throw notFound('Cohort', 'cohortId');
    return rows;
  }

  private requireTeam(rows: BootcampRows, teamId: string): { participantIds: string[] } {
    if (!rows.teams.some((team) => team.id === teamId)) throw notFound('Team', 'bootcampTeamId');
    return { participantIds: rows.participants.filter((p) => p.team_id === teamId).map((p) => p.id) };
  }
}

function trackColumns(body: BootcampTrackBody) {
  return { name_nl: body.name.nl, name_en: body.name.en, description_nl: body.description.nl, description_en: body.description.en, training_id: body.trainingId };
}
