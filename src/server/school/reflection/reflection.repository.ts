import type { Kysely, Transaction } from 'kysely';
import type { ReflectionGroup } from '../../../shared/school/reflection/reflection';
import type { Dialect } from '../../platform/db/database';
import { forUpdate, lockRow } from '../../platform/db/row-lock';
import type { SchoolDatabase as Database } from '../school.tables';

/** The tables of reflection rounds (see reflection.migrations.ts); only this repository reads them. */
// A type, not an interface: Kysely's withTables wants an index signature, which only types get implicitly.
export type ReflectionTables = {
  reflection_rounds: {
    id: string;
    school_id: string;
    instrument_id: string;
    instrument_version: string;
    groups: string;
    opens_on: string;
    closes_on: string;
    closed_at: string | null;
    min_group_size: number;
    max_responses_per_code: number;
    opened_by: string | null;
    created_at: string;
  };
  reflection_class_codes: {
    id: string;
    round_id: string;
    label: string;
    code: string;
    max_responses: number;
    used: number;
    created_at: string;
    revoked_at: string | null;
  };
  reflection_responses: {
    id: string;
    round_id: string;
    respondent_group: string;
    token_hash: string;
    submitted: number;
    in_report: number;
  };
  reflection_answers: { response_id: string; item_id: string; option_index: number };
  reflection_participations: { round_id: string; user_id: string; respondent_group: string; completed: number };
  reflection_publications: { round_id: string; number: number; published_at: string; content: string };
};

type Db = Kysely<Database & ReflectionTables>;

export type RoundRow = ReflectionTables['reflection_rounds'];
export type ClassCodeRow = ReflectionTables['reflection_class_codes'];

export interface ResponseRow {
  id: string;
  roundId: string;
  group: ReflectionGroup;
  submitted: boolean;
}

export interface GroupCounts {
  group: ReflectionGroup;
  started: number;
  completed: number;
}

/** A submitted answer as the report reads it: the response only groups the answers, it names nobody. */
export interface ReportAnswer {
  responseId: string;
  group: ReflectionGroup;
  itemId: string;
  option: number;
}

/** A stored publication of a round's report: its number in the round, when it was drawn, and its noisy counts (JSON). */
export interface StoredPublication {
  number: number;
  publishedAt: string;
  content: string;
}

/** Raised inside a transaction to roll it back when an account turns out to have answered already. */
class AlreadyAnswered extends Error {}

/** The only code that touches the reflection tables. */
export class ReflectionRepository {
  private readonly db: Db;

  constructor(
    base: Kysely<Database>,
    private readonly dialect: Dialect,
  ) {
    this.db = base.withTables<ReflectionTables>();
  }

  /** Flanders-wide: every round that has a publication, with its latest (the centre's front). */
  async latestPublications(): Promise<Array<{ round: RoundRow; publication: StoredPublication }>> {
    const rows = await this.db
      .selectFrom('reflection_publications as p')
      .innerJoin('reflection_rounds as r', 'r.id', 'p.round_id')
      .selectAll('r')
      .select(['p.number', 'p.published_at', 'p.content'])
      .orderBy('p.round_id')
      .orderBy('p.number', 'desc')
      .execute();
    return rows
      .filter((row, i) => i === 0 || rows[i - 1].id !== row.id)
      .map(({ number, published_at, content, ...round }) => ({ round, publication: { number: Number(number), publishedAt: published_at, content } }));
  }

  // ------------------------------------------------------------ rounds

  /**
   * Inserts the round unless `clashes` finds one among the school's rounds, in one transaction
   * that holds the school row (PostgreSQL; SQLite runs one at a time). Returns the clash, if any.
   */
  async insertRoundUnlessClashing(round: RoundRow, clashes: (others: RoundRow[]) => RoundRow | undefined): Promise<RoundRow | undefined> {
    return this.db.transaction().execute(async (trx) => {
      await this.lockSchool(trx, round.school_id);
      const clash = clashes(await trx.selectFrom('reflection_rounds').selectAll().where('school_id', '=', round.school_id).execute());
      if (clash) return clash;
      await trx.insertInto('reflection_rounds').values(round).execute();
      return undefined;
    });
  }

  /** Reopens with a new last day, under the same lock and clash check as opening. */
  async reopenUnlessClashing(round: RoundRow, closesOn: string, clashes: (others: RoundRow[]) => RoundRow | undefined): Promise<RoundRow | undefined> {
    return this.db.transaction().execute(async (trx) => {
      await this.lockSchool(trx, round.school_id);
      const others = await trx.selectFrom('reflection_rounds').selectAll().where('school_id', '=', round.school_id).where('id', '!=', round.id).execute();
      const clash = clashes(others);
      if (clash) return clash;
      await trx.updateTable('reflection_rounds').set({ closed_at: null, closes_on: closesOn }).where('id', '=', round.id).execute();
      return undefined;
    });
  }

  findRound(schoolId: string, roundId: string): Promise<RoundRow | undefined> {
    return this.db.selectFrom('reflection_rounds').selectAll().where('id', '=', roundId).where('school_id', '=', schoolId).executeTakeFirst();
  }

  findRoundById(roundId: string): Promise<RoundRow | undefined> {
    return this.db.selectFrom('reflection_rounds').selectAll().where('id', '=', roundId).executeTakeFirst();
  }

  /** The rounds of these schools, newest window first. */
  roundsOfSchools(schoolIds: readonly string[]): Promise<RoundRow[]> {
    if (schoolIds.length === 0) return Promise.resolve([]);
    return this.db.selectFrom('reflection_rounds').selectAll().where('school_id', 'in', schoolIds).orderBy('opens_on', 'desc').orderBy('created_at', 'desc').execute();
  }

  /** Closes it unless it was closed already; false then. */
  async closeRound(roundId: string, at: string): Promise<boolean> {
    const result = await this.db.updateTable('reflection_rounds').set({ closed_at: at }).where('id', '=', roundId).where('closed_at', 'is', null).executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  // ------------------------------------------------------------ class codes

  async insertCode(code: ClassCodeRow): Promise<void> {
    await this.db.insertInto('reflection_class_codes').values(code).execute();
  }

  codeExists(code: string): Promise<boolean> {
    return this.db
      .selectFrom('reflection_class_codes')
      .select('id')
      .where('code', '=', code)
      .executeTakeFirst()
      .then((row) => row !== undefined);
  }

  codesOfRounds(roundIds: readonly string[]): Promise<ClassCodeRow[]> {
    if (roundIds.length === 0) return Promise.resolve([]);
    return this.db.selectFrom('reflection_class_codes').selectAll().where('round_id', 'in', roundIds).orderBy('created_at').orderBy('label').execute();
  }

  findCode(roundId: string, codeId: string): Promise<ClassCodeRow | undefined> {
    return this.db.selectFrom('reflection_class_codes').selectAll().where('round_id', '=', roundId).where('id', '=', codeId).executeTakeFirst();
  }

  /** A code that still works (not revoked), by its normalised text. */
  findLiveCode(code: string): Promise<ClassCodeRow | undefined> {
    return this.db.selectFrom('reflection_class_codes').selectAll().where('code', '=', code).where('revoked_at', 'is', null).executeTakeFirst();
  }

  async replaceCode(codeId: string, code: string): Promise<void> {
    await this.db.updateTable('reflection_class_codes').set({ code }).where('id', '=', codeId).execute();
  }

  /** Revokes it unless it was revoked already; false then. */
  async revokeCode(codeId: string, at: string): Promise<boolean> {
    const result = await this.db.updateTable('reflection_class_codes').set({ revoked_at: at }).where('id', '=', codeId).where('revoked_at', 'is', null).executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  // ------------------------------------------------------------ responses

  /**
   * A pupil's new response through a class code: takes one of the code's places and stores the
   * response in one transaction. False when the code is full or was revoked meanwhile.
   */
  async startPupilResponse(codeId: string, response: { id: string; roundId: string; tokenHash: string }): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const taken = await trx
        .updateTable('reflection_class_codes')
        .set((eb) => ({ used: eb('used', '+', 1) }))
        .where('id', '=', codeId)
        .where('revoked_at', 'is', null)
        .where((eb) => eb('used', '<', eb.ref('max_responses')))
        .executeTakeFirst();
      if (Number(taken.numUpdatedRows) === 0) return false;
      await this.insertResponse(trx, { ...response, group: 'pupils' });
      return true;
    });
  }

  /**
   * An account's new response: records (or keeps) that the account started and stores a
   * response with no link to it. False, with nothing written, when the account completed already.
   */
  async startAccountResponse(participation: { roundId: string; userId: string; group: ReflectionGroup }, response: { id: string; tokenHash: string }): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const existing = await trx
        .selectFrom('reflection_participations')
        .select('completed')
        .where('round_id', '=', participation.roundId)
        .where('user_id', '=', participation.userId)
        .$call(forUpdate(this.dialect))
        .executeTakeFirst();
      if (existing && Number(existing.completed) === 1) return false;
      if (!existing) {
        await trx
          .insertInto('reflection_participations')
          .values({ round_id: participation.roundId, user_id: participation.userId, respondent_group: participation.group, completed: 0 })
          .execute();
      }
      await this.insertResponse(trx, { id: response.id, roundId: participation.roundId, tokenHash: response.tokenHash, group: participation.group });
      return true;
    });
  }

  async findResponse(tokenHash: string): Promise<ResponseRow | undefined> {
    const row = await this.db.selectFrom('reflection_responses').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
    return row && { id: row.id, roundId: row.round_id, group: row.respondent_group as ReflectionGroup, submitted: Number(row.submitted) === 1 };
  }

  async answersOf(responseId: string): Promise<Record<string, number>> {
    const rows = await this.db.selectFrom('reflection_answers').select(['item_id', 'option_index']).where('response_id', '=', responseId).execute();
    return Object.fromEntries(rows.map((row) => [row.item_id, Number(row.option_index)]));
  }

  /** Saves one answer unless the response was submitted (the row is held meanwhile on PostgreSQL); false then. */
  async saveAnswer(responseId: string, itemId: string, option: number): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const response = await trx.selectFrom('reflection_responses').select('submitted').where('id', '=', responseId).$call(forUpdate(this.dialect)).executeTakeFirst();
      if (!response || Number(response.submitted) === 1) return false;
      await trx
        .insertInto('reflection_answers')
        .values({ response_id: responseId, item_id: itemId, option_index: option })
        .onConflict((oc) => oc.columns(['response_id', 'item_id']).doUpdateSet({ option_index: option }))
        .execute();
      return true;
    });
  }

  /** Marks a pupil's response submitted; false when it was already. */
  async submitResponse(responseId: string): Promise<boolean> {
    const result = await this.db.updateTable('reflection_responses').set({ submitted: 1 }).where('id', '=', responseId).where('submitted', '=', 0).executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /**
   * Marks an account holder's response submitted and their participation completed, both or
   * neither: 'submitted' when this call did it, 'was_submitted' when the response was already
   * (a retry), 'already_answered' when the account completed with another response.
   */
  async submitAccountResponse(responseId: string, participation: { roundId: string; userId: string }): Promise<'submitted' | 'was_submitted' | 'already_answered'> {
    try {
      return await this.db.transaction().execute(async (trx) => {
        const response = await trx.updateTable('reflection_responses').set({ submitted: 1 }).where('id', '=', responseId).where('submitted', '=', 0).executeTakeFirst();
        if (Number(response.numUpdatedRows) === 0) return 'was_submitted' as const;
        const completed = await trx
          .updateTable('reflection_participations')
          .set({ completed: 1 })
          .where('round_id', '=', participation.roundId)
          .where('user_id', '=', participation.userId)
          .where('completed', '=', 0)
          .executeTakeFirst();
        if (Number(completed.numUpdatedRows) === 0) throw new AlreadyAnswered();
        return 'submitted' as const;
      });
    } catch (error) {
      if (error instanceof AlreadyAnswered) return 'already_answered';
      throw error;
    }
  }

  async participationOf(roundId: string, userId: string): Promise<{ group: ReflectionGroup; completed: boolean } | undefined> {
    const row = await this.db
      .selectFrom('reflection_participations')
      .select(['respondent_group', 'completed'])
      .where('round_id', '=', roundId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return row && { group: row.respondent_group as ReflectionGroup, completed: Number(row.completed) === 1 };
  }

  /** The account's participation status in each of these rounds. */
  async participationsOfUser(userId: string, roundIds: readonly string[]): Promise<Map<string, boolean>> {
    if (roundIds.length === 0) return new Map();
    const rows = await this.db.selectFrom('reflection_participations').select(['round_id', 'completed']).where('user_id', '=', userId).where('round_id', 'in', roundIds).execute();
    return new Map(rows.map((row) => [row.round_id, Number(row.completed) === 1]));
  }

  /**
   * Started and completed per group: for account holders from their participation records,
   * for pupils (who have none) from the responses.
   */
  async participationCounts(roundId: string): Promise<GroupCounts[]> {
    const [accounts, pupils] = await Promise.all([
      this.db
        .selectFrom('reflection_participations')
        .select((eb) => ['respondent_group', eb.fn.countAll<number>().as('started'), eb.fn.sum<number>('completed').as('completed')])
        .where('round_id', '=', roundId)
        .groupBy('respondent_group')
        .execute(),
      this.db
        .selectFrom('reflection_responses')
        .select((eb) => [eb.fn.countAll<number>().as('started'), eb.fn.sum<number>('submitted').as('completed')])
        .where('round_id', '=', roundId)
        .where('respondent_group', '=', 'pupils')
        .executeTakeFirst(),
    ]);
    const counts = accounts.map((row) => ({ group: row.respondent_group as ReflectionGroup, started: Number(row.started), completed: Number(row.completed ?? 0) }));
    counts.push({ group: 'pupils', started: Number(pupils?.started ?? 0), completed: Number(pupils?.completed ?? 0) });
    return counts;
  }

  // ------------------------------------------------------------ the report

  /**
   * The publication the round's report shows now, made new only when due. In one transaction
   * that holds the round row (PostgreSQL; SQLite runs one transaction at a time), so two readers
   * never both publish: every group with at least `threshold` submitted responses that are not
   * in the report takes them all in, and then `draw` makes a new publication from the answers in
   * the report (and the previous publication, whose noise it keeps for groups that did not
   * change), stored under the next number. It is also drawn when answers are in the report but
   * no publication exists yet (rounds from before publications were stored). Otherwise the latest
   * publication stays. Returns it (undefined when there is none) and the groups whose submitted
   * answers wait for the next one.
   */
  async publishIfDue(
    roundId: string,
    threshold: number,
    draw: (answers: ReportAnswer[], previous: string | undefined) => string,
    now: string,
  ): Promise<{ publication: StoredPublication | undefined; awaiting: ReflectionGroup[] }> {
    return this.db.transaction().execute(async (trx) => {
      await lockRow(trx, this.dialect, 'reflection_rounds', roundId);
      const counts = await submittedCounts(trx, roundId);
      const joining = counts.filter((count) => count.submitted - count.inReport >= threshold).map((count) => count.group);
      const latest = await trx
        .selectFrom('reflection_publications')
        .select(['number', 'published_at', 'content'])
        .where('round_id', '=', roundId)
        .orderBy('number', 'desc')
        .limit(1)
        .executeTakeFirst();
      const inReport = counts.some((count) => count.inReport > 0);
      const awaiting = counts.filter((count) => !joining.includes(count.group) && count.submitted > count.inReport).map((count) => count.group);
      if (joining.length === 0 && (latest || !inReport)) {
        return { publication: latest && { number: Number(latest.number), publishedAt: latest.published_at, content: latest.content }, awaiting };
      }
      if (joining.length > 0) {
        await trx
          .updateTable('reflection_responses')
          .set({ in_report: 1 })
          .where('round_id', '=', roundId)
          .where('respondent_group', 'in', joining)
          .where('submitted', '=', 1)
          .where('in_report', '=', 0)
          .execute();
      }
      const publication = { number: Number(latest?.number ?? 0) + 1, publishedAt: now, content: draw(await reportAnswers(trx, roundId), latest?.content) };
      await trx.insertInto('reflection_publications').values({ round_id: roundId, number: publication.number, published_at: now, content: publication.content }).execute();
      return { publication, awaiting };
    });
  }

  // ------------------------------------------------------------ internals

  private async insertResponse(trx: Transaction<Database & ReflectionTables>, response: { id: string; roundId: string; tokenHash: string; group: ReflectionGroup }) {
    await trx
      .insertInto('reflection_responses')
      .values({ id: response.id, round_id: response.roundId, respondent_group: response.group, token_hash: response.tokenHash, submitted: 0, in_report: 0 })
      .execute();
  }

  private async lockSchool(trx: Transaction<Database & ReflectionTables>, schoolId: string): Promise<void> {
    await lockRow(trx, this.dialect, 'schools', schoolId);
  }
}

type Queryable = Kysely<Database & ReflectionTables> | Transaction<Database & ReflectionTables>;

/** Per group: submitted responses, and of them the ones in the report. */
async function submittedCounts(db: Queryable, roundId: string): Promise<Array<{ group: ReflectionGroup; submitted: number; inReport: number }>> {
  const rows = await db
    .selectFrom('reflection_responses')
    .select((eb) => ['respondent_group', eb.fn.countAll<number>().as('submitted'), eb.fn.sum<number>('in_report').as('in_report')])
    .where('round_id', '=', roundId)
    .where('submitted', '=', 1)
    .groupBy('respondent_group')
    .execute();
  return rows.map((row) => ({ group: row.respondent_group as ReflectionGroup, submitted: Number(row.submitted), inReport: Number(row.in_report ?? 0) }));
}

/** The answers of the responses in the report: the response id only groups them, it names nobody. */
async function reportAnswers(db: Queryable, roundId: string): Promise<ReportAnswer[]> {
  const rows = await db
    .selectFrom('reflection_answers')
    .innerJoin('reflection_responses', 'reflection_responses.id', 'reflection_answers.response_id')
    .select(['reflection_answers.response_id', 'reflection_responses.respondent_group', 'reflection_answers.item_id', 'reflection_answers.option_index'])
    .where('reflection_responses.round_id', '=', roundId)
    .where('reflection_responses.in_report', '=', 1)
    .execute();
  return rows.map((row) => ({
    responseId: row.response_id,
    group: row.respondent_group as ReflectionGroup,
    itemId: row.item_id,
    option: Number(row.option_index),
  }));
}
