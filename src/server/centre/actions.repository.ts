import type { Insertable, Kysely, Selectable } from 'kysely';
import type { CentreActionStatus } from '../../shared/centre/actions-rules';
import type { Front } from '../../shared/platform/fronts';
import type { PlatformTables } from '../platform/db/schema';
import { isUniqueViolation } from '../platform/db/unique-violation';
import type { CentreActionsTables } from './actions.tables';

export type CentreActionRow = Selectable<CentreActionsTables['centre_actions']>;
export type CentreActionChangeRow = Selectable<CentreActionsTables['centre_action_changes']>;
export type BootcampTrackRow = Selectable<CentreActionsTables['bootcamp_tracks']>;
export type BootcampCohortRow = Selectable<CentreActionsTables['bootcamp_cohorts']>;
export type BootcampTeamRow = Selectable<CentreActionsTables['bootcamp_teams']>;
export type BootcampParticipantRow = Selectable<CentreActionsTables['bootcamp_participants']> & { cohort_id: string };
export type BootcampSessionRow = Selectable<CentreActionsTables['bootcamp_sessions']>;

type Db = Kysely<PlatformTables & CentreActionsTables>;
type New<T extends keyof CentreActionsTables> = Insertable<CentreActionsTables[T]>;

/** The bootcamp programme as stored: tracks, cohorts, teams, participants and sessions, with attendance per participant. */
export interface BootcampRows {
  tracks: BootcampTrackRow[];
  cohorts: BootcampCohortRow[];
  teams: BootcampTeamRow[];
  participants: BootcampParticipantRow[];
  sessions: BootcampSessionRow[];
  attendance: Array<{ session_id: string; participant_id: string }>;
}

/** The only code that touches the register of actions and the bootcamp tables. */
export class CentreActionsRepository {
  private readonly db: Db;

  constructor(base: Kysely<PlatformTables>) {
    this.db = base.withTables<CentreActionsTables>();
  }

  listActions(filter: { front?: Front; status?: CentreActionStatus }): Promise<CentreActionRow[]> {
    return this.db
      .selectFrom('centre_actions')
      .selectAll()
      .$if(filter.front !== undefined, (q) => q.where('front', '=', filter.front!))
      .$if(filter.status !== undefined, (q) => q.where('status', '=', filter.status!))
      .orderBy('start_date')
      .orderBy('title')
      .execute();
  }

  findAction(id: string): Promise<CentreActionRow | undefined> {
    return this.db.selectFrom('centre_actions').selectAll().where('id', '=', id).executeTakeFirst();
  }

  changesOf(actionId: string): Promise<CentreActionChangeRow[]> {
    return this.db.selectFrom('centre_action_changes').selectAll().where('action_id', '=', actionId).orderBy('version', 'desc').execute();
  }

  /** Inserts an action and its first history line together. */
  async insertAction(row: Insertable<CentreActionsTables['centre_actions']>, change: Insertable<CentreActionsTables['centre_action_changes']>): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx.insertInto('centre_actions').values(row).execute();
      await trx.insertInto('centre_action_changes').values(change).execute();
    });
  }

  /**
   * Saves an action when its stored version is still `expected`, raising it by one, with its
   * history line; false (and nothing written) when someone saved in between.
   */
  async updateAction(
    id: string,
    changes: Omit<Insertable<CentreActionsTables['centre_actions']>, 'id' | 'created_at' | 'version'>,
    expected: number,
    change: Insertable<CentreActionsTables['centre_action_changes']>,
  ): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const result = await trx
        .updateTable('centre_actions')
        .set({ ...changes, version: expected + 1 })
        .where('id', '=', id)
        .where('version', '=', expected)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) return false;
      await trx.insertInto('centre_action_changes').values(change).execute();
      return true;
    });
  }

  /** The whole programme, or one cohort of it: a few hundred teams at most, read in six queries. */
  async bootcamps(cohortId?: string): Promise<BootcampRows> {
    const cohorts = await this.db
      .selectFrom('bootcamp_cohorts')
      .selectAll()
      .$if(cohortId !== undefined, (q) => q.where('id', '=', cohortId!))
      .orderBy('starts_on')
      .orderBy('name')
      .execute();
    const cohortIds = cohorts.map((cohort) => cohort.id);
    if (cohortIds.length === 0) return { tracks: cohortId === undefined ? await this.tracks() : [], cohorts, teams: [], participants: [], sessions: [], attendance: [] };
    const [tracks, teams, participants, sessions] = await Promise.all([
      this.tracks(),
      this.db.selectFrom('bootcamp_teams').selectAll().where('cohort_id', 'in', cohortIds).orderBy('school_name').execute(),
      this.db
        .selectFrom('bootcamp_participants as p')
        .innerJoin('bootcamp_teams as t', 't.id', 'p.team_id')
        .select(['p.id', 'p.team_id', 'p.name', 't.cohort_id'])
        .where('t.cohort_id', 'in', cohortIds)
        .orderBy('p.name')
        .execute(),
      this.db.selectFrom('bootcamp_sessions').selectAll().where('cohort_id', 'in', cohortIds).orderBy('number').execute(),
    ]);
    const attendance = await this.db
      .selectFrom('bootcamp_attendance as a')
      .innerJoin('bootcamp_sessions as s', 's.id', 'a.session_id')
      .select(['a.session_id', 'a.participant_id'])
      .where('s.cohort_id', 'in', cohortIds)
      .execute();
    return { tracks, cohorts, teams, participants, sessions, attendance };
  }

  private tracks(): Promise<BootcampTrackRow[]> {
    return this.db.selectFrom('bootcamp_tracks').selectAll().orderBy('created_at').orderBy('name_nl').execute();
  }

  /** Replaces who was present at a session, in one transaction. */
  async saveAttendance(sessionId: string, present: readonly string[]): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('bootcamp_attendance').where('session_id', '=', sessionId).execute();
      if (present.length > 0)
        await trx
          .insertInto('bootcamp_attendance')
          .values(present.map((participant_id) => ({ session_id: sessionId, participant_id })))
          .execute();
    });
  }

  findTrack(id: string): Promise<BootcampTrackRow | undefined> {
    return this.db.selectFrom('bootcamp_tracks').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async insertTrack(row: New<'bootcamp_tracks'>): Promise<void> {
    await this.db.insertInto('bootcamp_tracks').values(row).execute();
  }

  async updateTrack(id: string, columns: Omit<New<'bootcamp_tracks'>, 'id' | 'created_at'>): Promise<void> {
    await this.db.updateTable('bootcamp_tracks').set(columns).where('id', '=', id).execute();
  }

  /** Adds a cohort with its planned sessions together. */
  async insertCohort(cohort: New<'bootcamp_cohorts'>, sessions: New<'bootcamp_sessions'>[]): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx.insertInto('bootcamp_cohorts').values(cohort).execute();
      await trx.insertInto('bootcamp_sessions').values(sessions).execute();
    });
  }

  async updateSession(sessionId: string, columns: { held_on: string; topic?: string }): Promise<void> {
    await this.db.updateTable('bootcamp_sessions').set(columns).where('id', '=', sessionId).execute();
  }

  /** Adds a team with its participants together; false (and nothing written) when the school has a team in the cohort already. */
  async insertTeam(team: New<'bootcamp_teams'>, participants: New<'bootcamp_participants'>[]): Promise<boolean> {
    try {
      await this.db.transaction().execute(async (trx) => {
        await trx.insertInto('bootcamp_teams').values(team).execute();
        await trx.insertInto('bootcamp_participants').values(participants).execute();
      });
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }

  /** Replaces a team's participants in one transaction: renames those kept, adds the new, removes the rest (their attendance cascades). */
  async replaceParticipants(teamId: string, kept: ReadonlyArray<{ id: string; name: string }>, added: New<'bootcamp_participants'>[], removed: readonly string[]): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      if (removed.length > 0) await trx.deleteFrom('bootcamp_participants').where('id', 'in', removed).execute();
      for (const participant of kept)
        await trx.updateTable('bootcamp_participants').set({ name: participant.name }).where('id', '=', participant.id).where('team_id', '=', teamId).execute();
      if (added.length > 0) await trx.insertInto('bootcamp_participants').values(added).execute();
    });
  }

  /** Removes a team; its participants and their attendance go with it (the foreign keys cascade). */
  async deleteTeam(teamId: string): Promise<void> {
    await this.db.deleteFrom('bootcamp_teams').where('id', '=', teamId).execute();
  }

  /** Adds a track with its cohorts, teams, participants, sessions and attendance at once: what the demo and tests set up. */
  async insertProgramme(rows: {
    tracks: Insertable<CentreActionsTables['bootcamp_tracks']>[];
    cohorts: Insertable<CentreActionsTables['bootcamp_cohorts']>[];
    teams: Insertable<CentreActionsTables['bootcamp_teams']>[];
    participants: Insertable<CentreActionsTables['bootcamp_participants']>[];
    sessions: Insertable<CentreActionsTables['bootcamp_sessions']>[];
    attendance: Insertable<CentreActionsTables['bootcamp_attendance']>[];
  }): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      for (const [table, values] of [
        ['bootcamp_tracks', rows.tracks],
        ['bootcamp_cohorts', rows.cohorts],
        ['bootcamp_teams', rows.teams],
        ['bootcamp_participants', rows.participants],
        ['bootcamp_sessions', rows.sessions],
        ['bootcamp_attendance', rows.attendance],
      ] as const) {
        // Chunks keep a statement under SQLite's and PostgreSQL's parameter limits.
        for (let start = 0; start < values.length; start += 500)
          await trx
            .insertInto(table)
            .values(values.slice(start, start + 500))
            .execute();
      }
    });
  }
}
