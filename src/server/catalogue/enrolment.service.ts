import type { EnrolmentDto, TrainingSummaryDto } from '../../shared/catalogue/api';
import { toCsv } from '../../shared/csv';
import { AppError, conflict, notFound, validationError } from '../../shared/errors';
import type { AuthService } from '../platform/auth/auth.service';
import { newId } from '../platform/ids';
import { type Caller, requireCaller } from './catalogue.access';
import type { SchoolsOfUsers } from './catalogue.needs';
import { type CatalogueService, isOpenForEnrolment } from './catalogue.service';
import type { EnrolmentRepository, PriceSum } from './enrolment.repository';
import { toEnrolmentDto, toEnrolmentDtoWithSession } from './training-dto';

export interface SessionEnrolmentDto {
  enrolmentId: string;
  name: string;
  email: string;
  school: string | null;
  status: 'enrolled' | 'waitlisted' | 'cancelled';
  position: number | null;
  createdAt: string;
}

/**
 * A teacher's side of the catalogue: enrolling in sessions (or joining the waiting list),
 * cancelling, bookmarks and the training history; and the provider's list of participants.
 */
export class EnrolmentService {
  private readonly now: () => Date;

  constructor(
    private readonly repo: EnrolmentRepository,
    private readonly catalogue: CatalogueService,
    private readonly deps: { auth: AuthService; schools: SchoolsOfUsers; now?: () => Date },
  ) {
    this.now = deps.now ?? (() => new Date());
  }

  async enrol(caller: Caller | null, sessionId: string): Promise<EnrolmentDto> {
    const who = requireCaller(caller);
    await this.catalogue.enrollableSession(sessionId);
    const now = this.now().toISOString();
    const outcome = await this.repo.enrol({
      id: newId(),
      sessionId,
      userId: who.userId,
      now,
      isOpen: (session) => isOpenForEnrolment(session, now),
    });
    if (outcome.ok) this.catalogue.seatsChanged(sessionId);
    if (!outcome.ok && outcome.reason === 'no_session') throw notFound('Session', 'params.sessionId');
    const session = outcome.ok ? null : outcome.session!;
    if (!outcome.ok && outcome.reason === 'closed') {
      const started = now >= session!.starts_at;
      throw new AppError(
        'enrolment_closed',
        started ? `This session started at ${session!.starts_at}; enrolment is closed` : `Enrolment for this session closed at ${session!.enrolment_deadline}`,
        'params.sessionId',
      );
    }
    if (!outcome.ok) {
      throw conflict(
        outcome.existing?.status === 'waitlisted' ? 'You are on the waiting list of this session already' : 'You are enrolled in this session already',
        'params.sessionId',
      );
    }
    const found = (await this.repo.findWithSession(outcome.enrolment.id))!;
    return toEnrolmentDtoWithSession(found);
  }

  async cancel(caller: Caller | null, enrolmentId: string): Promise<EnrolmentDto> {
    const who = requireCaller(caller);
    const outcome = await this.repo.cancel({ enrolmentId, userId: who.userId, now: this.now().toISOString() });
    if (outcome.ok) this.catalogue.seatsChanged(outcome.enrolment.session_id);
    if (!outcome.ok && outcome.reason === 'not_found') throw notFound('Enrolment', 'params.enrolmentId');
    if (!outcome.ok && outcome.reason === 'deadline_passed') {
      throw new AppError(
        'cancellation_closed',
        `The cancellation deadline of this session (${outcome.deadline}) has passed; ask the provider if you cannot attend`,
        'params.enrolmentId',
      );
    }
    if (!outcome.ok) throw new Error('unreachable');
    const found = (await this.repo.findWithSession(outcome.enrolment.id))!;
    return toEnrolmentDto(outcome.enrolment, found);
  }

  async listMine(caller: Caller | null): Promise<EnrolmentDto[]> {
    const who = requireCaller(caller);
    return (await this.repo.liveOfUser(who.userId)).map(toEnrolmentDtoWithSession);
  }

  /** Everyone on a session's list, with their school; for the session's provider and admins. */
  async sessionList(caller: Caller | null, sessionId: string): Promise<SessionEnrolmentDto[]> {
    const session = await this.catalogue.managedSession(caller, sessionId);
    const rows = await this.repo.ofSession(session.id);
    const userIds = rows.map((r) => r.user_id);
    const [users, schools] = await Promise.all([this.deps.auth.usersByIds(userIds), this.deps.schools.schoolNamesOfUsers(userIds)]);
    const byId = new Map(users.map((u) => [u.id, u]));
    return rows.map((row) => ({
      enrolmentId: row.id,
      name: byId.get(row.user_id)?.displayName ?? '',
      email: byId.get(row.user_id)?.email ?? '',
      school: schools.get(row.user_id)?.join(', ') ?? null,
      status: row.status,
      position: row.position === null ? null : Number(row.position),
      createdAt: row.created_at,
    }));
  }

  static sessionListCsv(items: readonly SessionEnrolmentDto[]): string {
    const status = { enrolled: 'ingeschreven', waitlisted: 'wachtlijst', cancelled: 'geannuleerd' } as const;
    return toCsv(
      ['naam', 'email', 'school', 'status', 'wachtlijstpositie', 'ingeschreven_op'],
      items.map((i) => [i.name, i.email, i.school, status[i.status], i.position, i.createdAt]),
    );
  }

  /**
   * For a school's budget (no access check: the school module checks its callers): the sums of
   * training prices of these people's enrolments and completions by status and day in
   * [from, to), YYYY-MM-DD. Only sums, never who.
   */
  priceSumsOfUsers(userIds: readonly string[], from: string, to: string): Promise<PriceSum[]> {
    return userIds.length === 0 ? Promise.resolve([]) : this.repo.priceSumsOfUsers(userIds, from, to);
  }

  // ------------------------------------------------------------ bookmarks and history

  async addBookmark(caller: Caller | null, trainingId: string): Promise<void> {
    const who = requireCaller(caller);
    await this.catalogue.visibleTraining(who, trainingId);
    await this.repo.addBookmark(who.userId, trainingId, this.now().toISOString());
  }

  async removeBookmark(caller: Caller | null, trainingId: string): Promise<void> {
    const who = requireCaller(caller);
    await this.repo.removeBookmark(who.userId, trainingId);
  }

  async listBookmarks(caller: Caller | null): Promise<TrainingSummaryDto[]> {
    const who = requireCaller(caller);
    return this.catalogue.summaries(await this.repo.bookmarkedIds(who.userId));
  }

  async markCompleted(caller: Caller | null, trainingId: string, completedOn: string): Promise<void> {
    const who = requireCaller(caller);
    const today = this.now().toISOString().slice(0, 10);
    // One day of slack: in Belgium "today" starts before it does in UTC.
    const tomorrow = new Date(Date.parse(`${today}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    if (completedOn > tomorrow) throw validationError('body.completedOn', 'body.completedOn: must not be in the future');
    await this.catalogue.visibleTraining(who, trainingId);
    const firstDay = await this.catalogue.firstSessionDay(trainingId);
    if (firstDay && completedOn < firstDay) throw new AppError('completed_before_session', `body.completedOn: before the first session on ${firstDay}`, 'body.completedOn');
    await this.repo.setCompleted(who.userId, trainingId, completedOn, this.now().toISOString());
  }

  async unmarkCompleted(caller: Caller | null, trainingId: string): Promise<void> {
    const who = requireCaller(caller);
    await this.repo.removeCompleted(who.userId, trainingId);
  }

  async listCompletions(caller: Caller | null): Promise<Array<{ training: TrainingSummaryDto; completedOn: string }>> {
    const who = requireCaller(caller);
    const completions = await this.repo.completionsOf(who.userId);
    const summaries = new Map((await this.catalogue.summaries(completions.map((c) => c.training_id))).map((s) => [s.id, s]));
    return completions.filter((c) => summaries.has(c.training_id)).map((c) => ({ training: summaries.get(c.training_id)!, completedOn: c.completed_on }));
  }
}
