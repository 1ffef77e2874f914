import { type Kysely, type Selectable, sql, type Transaction } from 'kysely';
import type { Dialect } from '../platform/db/database';
import { precompiled } from '../platform/db/precompiled';
import { forUpdate } from '../platform/db/row-lock';
import { bumpCatalogueVersion, type SessionRow } from './catalogue.repository';
import type { CatalogueDatabase as Database, EnrolmentsTable } from './catalogue.tables';

export type EnrolmentRow = Selectable<EnrolmentsTable>;
export type EnrolmentWithSession = EnrolmentRow & { starts_at: string; cancellation_deadline: string; training_title: string };

/** A sum of training prices (euro cents) of several people's enrolments or completions on one day. */
export interface PriceSum {
  kind: 'enrolment' | 'completion';
  status: 'enrolled' | 'waitlisted' | 'cancelled' | 'completed';
  on: string;
  amountCents: number;
}

/** Why an enrolment could not be made; the service turns these into errors. */
export type EnrolOutcome = { ok: true; enrolment: EnrolmentRow } | { ok: false; reason: 'no_session' | 'closed' | 'already'; session?: SessionRow; existing?: EnrolmentRow };

export type CancelOutcome = { ok: true; enrolment: EnrolmentRow } | { ok: false; reason: 'not_found' } | { ok: false; reason: 'deadline_passed'; deadline: string };

/**
 * Enrolments, waiting lists, bookmarks and completions. Enrolling and cancelling run in one
 * transaction that first takes the session row: `SELECT … FOR UPDATE` on PostgreSQL, and on
 * SQLite the single connection, which runs one transaction at a time. So two people asking for
 * the last seat at once are served one after the other, and exactly one of them gets it.
 */
export class EnrolmentRepository {
  /** Every recommendation asks this: one statement, compiled once. */
  private readonly engagedOf;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: Dialect,
  ) {
    this.engagedOf = precompiled(
      db,
      (enrolledUserId: string, completedUserId: string) =>
        db
          .selectFrom('enrolments')
          .select('training_id')
          .where('user_id', '=', enrolledUserId)
          .where('status', '<>', 'cancelled')
          .unionAll(db.selectFrom('training_completions').select('training_id').where('user_id', '=', completedUserId)),
      2,
    );
  }

  private lockSession(trx: Transaction<Database>, sessionId: string): Promise<SessionRow | undefined> {
    return trx.selectFrom('training_sessions').selectAll().where('id', '=', sessionId).$call(forUpdate(this.dialect)).executeTakeFirst();
  }

  /**
   * Takes a seat when one is free, else a place at the end of the waiting list.
   * `isOpen` decides, on the locked row, whether the session still takes enrolments.
   */
  enrol(request: { id: string; sessionId: string; userId: string; now: string; isOpen: (session: SessionRow) => boolean }): Promise<EnrolOutcome> {
    return this.db.transaction().execute(async (trx): Promise<EnrolOutcome> => {
      const session = await this.lockSession(trx, request.sessionId);
      if (!session) return { ok: false, reason: 'no_session' };
      if (!request.isOpen(session)) return { ok: false, reason: 'closed', session };
      const existing = await trx
        .selectFrom('enrolments')
        .selectAll()
        .where('session_id', '=', request.sessionId)
        .where('user_id', '=', request.userId)
        .where('status', '<>', 'cancelled')
        .executeTakeFirst();
      if (existing) return { ok: false, reason: 'already', session, existing };
      const seat = Number(session.enrolled_count) < Number(session.capacity);
      const enrolment: EnrolmentRow = {
        id: request.id,
        session_id: session.id,
        training_id: session.training_id,
        user_id: request.userId,
        status: seat ? 'enrolled' : 'waitlisted',
        position: seat ? null : Number(session.waitlist_count) + 1,
        created_at: request.now,
        updated_at: request.now,
      };
      await trx.insertInto('enrolments').values(enrolment).execute();
      await trx
        .updateTable('training_sessions')
        .set(seat ? { enrolled_count: Number(session.enrolled_count) + 1 } : { waitlist_count: Number(session.waitlist_count) + 1 })
        .where('id', '=', session.id)
        .execute();
      return { ok: true, enrolment };
    });
  }

  /**
   * Cancels the user's own enrolment. A freed seat goes to the first on the waiting list, and
   * everyone behind moves up one place. `deadlineOf` says until when it may still be cancelled.
   */
  cancel(request: { enrolmentId: string; userId: string; now: string }): Promise<CancelOutcome> {
    return this.db.transaction().execute(async (trx): Promise<CancelOutcome> => {
      const found = await trx.selectFrom('enrolments').select(['session_id']).where('id', '=', request.enrolmentId).where('user_id', '=', request.userId).executeTakeFirst();
      if (!found) return { ok: false, reason: 'not_found' };
      const session = await this.lockSession(trx, found.session_id);
      // Read again under the lock: a concurrent cancel may have changed it.
      const enrolment = await trx.selectFrom('enrolments').selectAll().where('id', '=', request.enrolmentId).executeTakeFirstOrThrow();
      if (!session || enrolment.status === 'cancelled') return { ok: true, enrolment };
      if (enrolment.status === 'enrolled' && request.now > session.cancellation_deadline) {
        return { ok: false, reason: 'deadline_passed', deadline: session.cancellation_deadline };
      }
      await trx.updateTable('enrolments').set({ status: 'cancelled', position: null, updated_at: request.now }).where('id', '=', enrolment.id).execute();
      if (enrolment.status === 'waitlisted') {
        await this.closeGap(trx, session.id, enrolment.position ?? 0);
        await trx
          .updateTable('training_sessions')
          .set({ waitlist_count: Number(session.waitlist_count) - 1 })
          .where('id', '=', session.id)
          .execute();
      } else {
        const promoted = await this.promote(trx, session.id, 1, request.now);
        await trx
          .updateTable('training_sessions')
          .set({ enrolled_count: Number(session.enrolled_count) - 1 + promoted, waitlist_count: Number(session.waitlist_count) - promoted })
          .where('id', '=', session.id)
          .execute();
      }
      return { ok: true, enrolment: { ...enrolment, status: 'cancelled', position: null, updated_at: request.now } };
    });
  }

  /**
   * Changes a session's times and capacity. Capacity never drops below the people enrolled
   * (returns the count when it would); added seats go to the waiting list in order.
   */
  updateSession(
    sessionId: string,
    values: Omit<SessionRow, 'id' | 'training_id' | 'enrolled_count' | 'waitlist_count' | 'created_at'>,
  ): Promise<{ ok: true } | { ok: false; enrolled: number }> {
    return this.db.transaction().execute(async (trx) => {
      const session = await this.lockSession(trx, sessionId);
      if (!session) throw new Error(`session ${sessionId} vanished`);
      const enrolled = Number(session.enrolled_count);
      if (values.capacity < enrolled) return { ok: false as const, enrolled };
      const promoted = await this.promote(trx, sessionId, Math.min(values.capacity - enrolled, Number(session.waitlist_count)), values.updated_at);
      await trx
        .updateTable('training_sessions')
        .set({ ...values, enrolled_count: enrolled + promoted, waitlist_count: Number(session.waitlist_count) - promoted })
        .where('id', '=', sessionId)
        .execute();
      await bumpCatalogueVersion(trx);
      return { ok: true as const };
    });
  }

  /** Moves the first `seats` people of the waiting list to enrolled; returns how many moved. */
  private async promote(trx: Transaction<Database>, sessionId: string, seats: number, now: string): Promise<number> {
    if (seats <= 0) return 0;
    const first = await trx.selectFrom('enrolments').select('id').where('session_id', '=', sessionId).where('status', '=', 'waitlisted').orderBy('position').limit(seats).execute();
    if (first.length === 0) return 0;
    await trx
      .updateTable('enrolments')
      .set({ status: 'enrolled', position: null, updated_at: now })
      .where(
        'id',
        'in',
        first.map((r) => r.id),
      )
      .execute();
    await trx
      .updateTable('enrolments')
      .set((eb) => ({ position: eb('position', '-', first.length) }))
      .where('session_id', '=', sessionId)
      .where('status', '=', 'waitlisted')
      .execute();
    return first.length;
  }

  private async closeGap(trx: Transaction<Database>, sessionId: string, position: number): Promise<void> {
    await trx
      .updateTable('enrolments')
      .set((eb) => ({ position: eb('position', '-', 1) }))
      .where('session_id', '=', sessionId)
      .where('status', '=', 'waitlisted')
      .where('position', '>', position)
      .execute();
  }

  findWithSession(enrolmentId: string): Promise<EnrolmentWithSession | undefined> {
    return this.withSession().where('e.id', '=', enrolmentId).executeTakeFirst();
  }

  /** The user's enrolments that are not cancelled, soonest session first. */
  liveOfUser(userId: string): Promise<EnrolmentWithSession[]> {
    return this.withSession().where('e.user_id', '=', userId).where('e.status', '<>', 'cancelled').orderBy('s.starts_at').orderBy('e.id').execute();
  }

  private withSession() {
    return this.db
      .selectFrom('enrolments as e')
      .innerJoin('training_sessions as s', 's.id', 'e.session_id')
      .innerJoin('trainings as t', 't.id', 'e.training_id')
      .selectAll('e')
      .select(['s.starts_at', 's.cancellation_deadline', 't.title as training_title']);
  }

  /** The user's live enrolments in the given sessions, by session id. */
  async liveOfUserInSessions(userId: string, sessionIds: readonly string[]): Promise<Map<string, EnrolmentRow>> {
    if (sessionIds.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('enrolments')
      .selectAll()
      .where('user_id', '=', userId)
      .where('session_id', 'in', [...sessionIds])
      .where('status', '<>', 'cancelled')
      .execute();
    return new Map(rows.map((r) => [r.session_id, r]));
  }

  /** Everyone on a session's list: enrolled in order of arrival, then the waiting list, then cancellations. */
  ofSession(sessionId: string): Promise<EnrolmentRow[]> {
    return this.db
      .selectFrom('enrolments')
      .selectAll()
      .where('session_id', '=', sessionId)
      .orderBy((eb) => eb.case().when('status', '=', 'enrolled').then(0).when('status', '=', 'waitlisted').then(1).else(2).end())
      .orderBy('position')
      .orderBy('created_at')
      .orderBy('id')
      .execute();
  }

  /** Trainings the user has completed, joined or is waiting for: never recommended again. */
  async engagedTrainingIds(userId: string): Promise<Set<string>> {
    return new Set((await this.engagedOf(userId, userId)).map((r) => r.training_id));
  }

  /**
   * Sums of training prices for a set of people, by status and day, with no person in them:
   * enrolments by the day their session starts (UTC), and completions of trainings none of them
   * had an enrolment for that is counted already. Days in [from, to) (YYYY-MM-DD).
   */
  async priceSumsOfUsers(userIds: readonly string[], from: string, to: string): Promise<PriceSum[]> {
    const sums = new Map<string, PriceSum>();
    const add = (row: Omit<PriceSum, 'amountCents'> & { amount: number | string | null }) => {
      const key = `${row.kind}|${row.status}|${row.on}`;
      const sum = sums.get(key) ?? { kind: row.kind, status: row.status, on: row.on, amountCents: 0 };
      sum.amountCents += Number(row.amount ?? 0);
      sums.set(key, sum);
    };
    const ids = [...new Set(userIds)];
    for (let i = 0; i < ids.length; i += 500) {
      const part = ids.slice(i, i + 500);
      // Literal arguments: PostgreSQL matches the grouped expression to the selected one by its text.
      const day = sql<string>`substr(${sql.ref('s.starts_at')}, 1, 10)`;
      const enrolments = await this.db
        .selectFrom('enrolments as e')
        .innerJoin('training_sessions as s', 's.id', 'e.session_id')
        .innerJoin('trainings as t', 't.id', 'e.training_id')
        .select((eb) => ['e.status', day.as('on'), eb.fn.sum<number>('t.price_cents').as('amount')])
        .where('e.user_id', 'in', part)
        .where('s.starts_at', '>=', from)
        .where('s.starts_at', '<', to)
        .groupBy(['e.status', day])
        .execute();
      for (const row of enrolments) add({ kind: 'enrolment', status: row.status, on: row.on, amount: row.amount });
      const completions = await this.db
        .selectFrom('training_completions as c')
        .innerJoin('trainings as t', 't.id', 'c.training_id')
        .select((eb) => ['c.completed_on', eb.fn.sum<number>('t.price_cents').as('amount')])
        .where('c.user_id', 'in', part)
        .where('c.completed_on', '>=', from)
        .where('c.completed_on', '<', to)
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('enrolments as e2')
                .select('e2.id')
                .whereRef('e2.user_id', '=', 'c.user_id')
                .whereRef('e2.training_id', '=', 'c.training_id')
                .where('e2.status', '=', 'enrolled'),
            ),
          ),
        )
        .groupBy('c.completed_on')
        .execute();
      for (const row of completions) add({ kind: 'completion', status: 'completed', on: row.completed_on, amount: row.amount });
    }
    return [...sums.values()].sort((a, b) => a.on.localeCompare(b.on) || a.kind.localeCompare(b.kind) || a.status.localeCompare(b.status));
  }

  // ------------------------------------------------------------ bookmarks and completions

  async addBookmark(userId: string, trainingId: string, now: string): Promise<void> {
    await this.db
      .insertInto('bookmarks')
      .values({ user_id: userId, training_id: trainingId, created_at: now })
      .onConflict((oc) => oc.columns(['user_id', 'training_id']).doNothing())
      .execute();
  }

  async removeBookmark(userId: string, trainingId: string): Promise<void> {
    await this.db.deleteFrom('bookmarks').where('user_id', '=', userId).where('training_id', '=', trainingId).execute();
  }

  async bookmarkedIds(userId: string): Promise<string[]> {
    const rows = await this.db.selectFrom('bookmarks').select('training_id').where('user_id', '=', userId).orderBy('created_at', 'desc').orderBy('training_id').execute();
    return rows.map((r) => r.training_id);
  }

  async setCompleted(userId: string, trainingId: string, completedOn: string, now: string): Promise<void> {
    await this.db
      .insertInto('training_completions')
      .values({ user_id: userId, training_id: trainingId, completed_on: completedOn, created_at: now })
      .onConflict((oc) => oc.columns(['user_id', 'training_id']).doUpdateSet({ completed_on: completedOn }))
      .execute();
  }

  async removeCompleted(userId: string, trainingId: string): Promise<void> {
    await this.db.deleteFrom('training_completions').where('user_id', '=', userId).where('training_id', '=', trainingId).execute();
  }

  /** The user's training history, most recent first. */
  completionsOf(userId: string): Promise<Array<{ training_id: string; completed_on: string }>> {
    return this.db
      .selectFrom('training_completions')
      .select(['training_id', 'completed_on'])
      .where('user_id', '=', userId)
      .orderBy('completed_on', 'desc')
      .orderBy('training_id')
      .execute();
  }

  /** Whether the user bookmarked / completed one training. */
  async stateOf(userId: string, trainingId: string): Promise<{ bookmarked: boolean; completed: boolean }> {
    const [bookmark, completion] = await Promise.all([
      this.db.selectFrom('bookmarks').select('training_id').where('user_id', '=', userId).where('training_id', '=', trainingId).executeTakeFirst(),
      this.db.selectFrom('training_completions').select('training_id').where('user_id', '=', userId).where('training_id', '=', trainingId).executeTakeFirst(),
    ]);
    return { bookmarked: bookmark !== undefined, completed: completion !== undefined };
  }
}
