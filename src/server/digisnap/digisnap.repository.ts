import type { Insertable, Kysely, Selectable } from 'kysely';
import { precompiled } from '../platform/db/precompiled';
import type { DigisnapDatabase as Database, ScanAnswersTable, ScansTable } from './digisnap.tables';
import { TeamAggregateRepository, teamsCountingQuery } from './team-aggregate.repository';

export type ScanRow = Selectable<ScansTable>;
export type Answers = Record<string, number>;

export interface SubmittedScan {
  id: string;
  frameworkId: string;
  frameworkVersion: string;
  submittedAt: string;
  result: string;
}

const submittedScansQuery = (db: Kysely<Database>, userId: string) =>
  db
    .selectFrom('scans')
    .select(['id', 'framework_id', 'framework_version', 'submitted_at', 'result'])
    .where('user_id', '=', userId)
    .where('status', '=', 'submitted')
    .orderBy('submitted_at', 'asc');

/** The only code that touches the scans and scan_answers tables. Every read is scoped to its owner. */
export class DigisnapRepository {
  /** Behind getMyProfile, the hottest read, and its fallback: compiled once. */
  private readonly submittedRowsOf;
  private readonly profileBodyOf;
  private readonly rankingRowOf;
  private readonly upsertRanking;
  /** Behind submitScan, every statement of it: compiled once. */
  private readonly ownedScanById;
  private readonly ownedScanWithAnswerRows;
  private readonly submittableScanRows;
  private readonly answerRowsOf;
  private readonly markSubmitted;
  private readonly upsertProfile;
  private readonly insertProfileIfMissing;
  /** The team aggregates' tables, on the same database: kept up to date inside `submit`'s transaction. */
  readonly teams: TeamAggregateRepository;

  constructor(private readonly db: Kysely<Database>) {
    this.teams = new TeamAggregateRepository(db);
    this.submittedRowsOf = precompiled(db, (userId: string) => submittedScansQuery(db, userId), 1);
    this.profileBodyOf = precompiled(db, (userId: string) => db.selectFrom('profiles').select('body').where('user_id', '=', userId), 1);
    this.rankingRowOf = precompiled(
      db,
      (userId: string) =>
        db
          .selectFrom('profiles')
          .leftJoin('profile_rankings', 'profile_rankings.user_id', 'profiles.user_id')
          .select(['profiles.scan_id', 'profile_rankings.scan_id as ranked_scan_id', 'profile_rankings.ranking'])
          .where('profiles.user_id', '=', userId),
      1,
    );
    this.upsertRanking = precompiled(
      db,
      (userId: string, scanId: string, ranking: string) =>
        db
          .insertInto('profile_rankings')
          .columns(['user_id', 'scan_id', 'ranking'])
          // Only beside the profile of that scan: a profile a submit replaced, or an account deleted meanwhile, gets none.
          .expression((eb) =>
            eb
              .selectFrom('profiles')
              .select(['user_id', 'scan_id', eb.val(ranking).as('ranking')])
              .where('user_id', '=', userId)
              .where('scan_id', '=', scanId),
          )
          .onConflict((oc) => oc.column('user_id').doUpdateSet((eb) => ({ scan_id: eb.ref('excluded.scan_id'), ranking: eb.ref('excluded.ranking') }))),
      3,
    );
    this.ownedScanById = precompiled(db, (scanId: string, userId: string) => db.selectFrom('scans').selectAll().where('id', '=', scanId).where('user_id', '=', userId), 2);
    const ownedWithAnswers = (scanId: string, userId: string) =>
      db
        .selectFrom('scans')
        .leftJoin('scan_answers', 'scan_answers.scan_id', 'scans.id')
        .selectAll('scans')
        .select(['scan_answers.competence_code', 'scan_answers.option_index'])
        .where('scans.id', '=', scanId)
        .where('scans.user_id', '=', userId)
        .orderBy('scan_answers.competence_code');
    this.ownedScanWithAnswerRows = precompiled(db, ownedWithAnswers, 2);
    this.submittableScanRows = precompiled(
      db,
      (scanId: string, userId: string, userIdOfScans: string, scanIdNotCounted: string) =>
        ownedWithAnswers(scanId, userId).select((eb) =>
          eb
            .selectFrom('scans as earlier')
            .select((count) => count.fn.countAll().as('n'))
            .where('earlier.user_id', '=', userIdOfScans)
            .where('earlier.status', '=', 'submitted')
            .where('earlier.id', '<>', scanIdNotCounted)
            .as('earlier'),
        ),
      4,
    );
    this.answerRowsOf = precompiled(db, (scanId: string) => db.selectFrom('scan_answers').select(['competence_code', 'option_index']).where('scan_id', '=', scanId), 1);
    this.markSubmitted = precompiled(
      db,
      (
        scanId: string,
        submittedAt: string,
        updatedAt: string,
        total: number,
        level: string,
        band: string,
        result: string,
        userIdOfProfile: string,
        userIdOfTeams: string,
        frameworkId: string,
        frameworkVersion: string,
        atOrAfterFrom: string,
        beforeTo: string,
      ) =>
        db
          .updateTable('scans')
          .set({ status: 'submitted', submitted_at: submittedAt, updated_at: updatedAt, total, level, band, result })
          .where('id', '=', scanId)
          .where('status', '=', 'in_progress')
          // What the rest of the submit needs, read by the same statement: one round trip on PostgreSQL instead of three.
          // Nothing here reads `scans`: on SQLite a subquery on the table being updated made the update cost 10–15 % more.
          .returning((eb) => [
            eb.selectFrom('profiles').select('body').where('user_id', '=', userIdOfProfile).as('profile'),
            teamsCountingQuery(db, userIdOfTeams, frameworkId, frameworkVersion, atOrAfterFrom, beforeTo)
              .select((count) => count.fn.countAll().as('n'))
              .as('teams'),
          ]),
      13,
    );
    const profileRow = (userId: string, scanId: string, body: string, now: string) => db.insertInto('profiles').values({ user_id: userId, scan_id: scanId, body, updated_at: now });
    this.upsertProfile = precompiled(
      db,
      (userId: string, scanId: string, body: string, now: string) =>
        profileRow(userId, scanId, body, now).onConflict((oc) =>
          oc.column('user_id').doUpdateSet((eb) => ({ scan_id: eb.ref('excluded.scan_id'), body: eb.ref('excluded.body'), updated_at: eb.ref('excluded.updated_at') })),
        ),
      4,
    );
    this.insertProfileIfMissing = precompiled(
      db,
      (userId: string, scanId: string, body: string, now: string) => profileRow(userId, scanId, body, now).onConflict((oc) => oc.column('user_id').doNothing()),
      4,
    );
  }

  /**
   * Starts a scan unless the user has one in progress already (a unique index allows one per
   * user, so of concurrent starts one wins); false when it was not inserted.
   */
  async insertScan(scan: { id: string; userId: string; frameworkId: string; frameworkVersion: string; now: string }): Promise<boolean> {
    const result = await this.db
      .insertInto('scans')
      .values({
        id: scan.id,
        user_id: scan.userId,
        framework_id: scan.frameworkId,
        framework_version: scan.frameworkVersion,
        status: 'in_progress',
        background: '{}',
        started_at: scan.now,
        updated_at: scan.now,
      })
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  findInProgress(userId: string): Promise<ScanRow | undefined> {
    return this.db.selectFrom('scans').selectAll().where('user_id', '=', userId).where('status', '=', 'in_progress').orderBy('started_at', 'desc').executeTakeFirst();
  }

  async findOwned(scanId: string, userId: string): Promise<ScanRow | undefined> {
    const [row] = await this.ownedScanById(scanId, userId);
    return row;
  }

  /** A scan of this user with its answers, in one read (a row per answer): one round trip fewer than `findOwned` and `answersOf`. */
  async findOwnedWithAnswers(scanId: string, userId: string): Promise<{ scan: ScanRow; answers: Answers } | undefined> {
    return withAnswers(await this.ownedScanWithAnswerRows(scanId, userId));
  }

  /**
   * `findOwnedWithAnswers` for a submit, with how many other scans of the owner are submitted.
   * Read before the submit's transaction, that number still holds in it: while this scan is in
   * progress the owner has no other scan in progress (one per user), so none can be submitted
   * meanwhile; it can only fall (an account deleted), and then `submit` rebuilds from every scan.
   */
  async findSubmittable(scanId: string, userId: string): Promise<{ scan: ScanRow; answers: Answers; earlierSubmitted: number } | undefined> {
    const rows = await this.submittableScanRows(scanId, userId, userId, scanId);
    const owned = withAnswers(rows);
    return owned && { ...owned, earlierSubmitted: Number(rows[0].earlier) };
  }

  async answersOf(scanId: string): Promise<Answers> {
    const answers: Answers = {};
    for (const row of await this.answerRowsOf(scanId)) answers[row.competence_code] = Number(row.option_index);
    return answers;
  }

  /** Saves one answer, but only while the scan is still in progress; false when it was not. */
  async saveAnswer(scanId: string, competence: string, option: number, now: string): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const touched = await trx.updateTable('scans').set({ updated_at: now }).where('id', '=', scanId).where('status', '=', 'in_progress').executeTakeFirst();
      if (Number(touched.numUpdatedRows) === 0) return false;
      await trx
        .insertInto('scan_answers')
        .values({ scan_id: scanId, competence_code: competence, option_index: option, answered_at: now })
        .onConflict((oc) => oc.columns(['scan_id', 'competence_code']).doUpdateSet({ option_index: option, answered_at: now }))
        .execute();
      return true;
    });
  }

  /**
   * Scans submitted elsewhere or long ago, whole, in batches: each with its answers, and each
   * teacher's profile from it (one scan per teacher). Nothing else is touched: no team counts them.
   */
  async insertSubmittedScans(scans: ReadonlyArray<{ scan: Insertable<ScansTable>; answers: Array<Insertable<ScanAnswersTable>>; profile: string }>): Promise<void> {
    for (let i = 0; i < scans.length; i += 200) {
      const batch = scans.slice(i, i + 200);
      await this.db.transaction().execute(async (trx) => {
        await trx
          .insertInto('scans')
          .values(batch.map((s) => s.scan))
          .execute();
        await trx
          .insertInto('scan_answers')
          .values(batch.flatMap((s) => s.answers))
          .execute();
        const profiles = batch.map((s) => ({ user_id: s.scan.user_id, scan_id: s.scan.id, body: s.profile, updated_at: s.scan.updated_at }));
        await trx.insertInto('profiles').values(profiles).execute();
      });
    }
  }

  async saveBackground(scanId: string, background: string, now: string): Promise<boolean> {
    const result = await this.db.updateTable('scans').set({ background, updated_at: now }).where('id', '=', scanId).where('status', '=', 'in_progress').executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /**
   * Marks the scan submitted with its result and rewrites the owner's stored profile, in one
   * transaction. False when it was already submitted (a retry), and then nothing is written.
   * The new profile comes from the stored one (`profile.extend`, null when it cannot tell); else,
   * when no other scan of the owner is submitted (`earlierSubmitted`, see `findSubmittable`), from it alone (`profile.alone`); else from every
   * submitted scan of the owner, this one included (`profile.build`). `alsoInTransaction` learns
   * whether a team counts the scan (see `teamsCountingQuery`), so a submit outside every team reads no team.
   */
  async submit(
    scan: { id: string; userId: string; frameworkId: string; frameworkVersion: string; earlierSubmitted: number },
    result: { total: number; level: string; band: string; json: string },
    now: string,
    profile: { extend(stored: string): string | null; alone(): string; build(submitted: SubmittedScan[]): string },
    alsoInTransaction: (trx: Kysely<Database>, inTeams: boolean) => Promise<void>,
  ): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const [submitted] = await this.markSubmitted.on(trx)(
        scan.id,
        now,
        now,
        result.total,
        result.level,
        result.band,
        result.json,
        scan.userId,
        scan.userId,
        scan.frameworkId,
        scan.frameworkVersion,
        now,
        now,
      );
      if (!submitted) return false;
      const extended = typeof submitted.profile === 'string' ? profile.extend(submitted.profile) : null;
      const body = extended ?? (scan.earlierSubmitted === 0 ? profile.alone() : profile.build(await this.submittedOfUser(scan.userId, trx)));
      await this.upsertProfile.on(trx)(scan.userId, scan.id, body, now);
      await alsoInTransaction(trx, Number(submitted.teams) > 0);
      return true;
    });
  }

  /** The stored profile JSON of a teacher, or undefined before it was built. */
  async profileBody(userId: string): Promise<string | undefined> {
    const [row] = await this.profileBodyOf(userId);
    return row?.body;
  }

  /**
   * The latest scan of the teacher's stored profile, with the ranking stored beside it and the
   * scan it was made of (null when none was); undefined when there is no stored profile.
   */
  async profileRanking(userId: string): Promise<{ scanId: string; ranking: string | null } | undefined> {
    const [row] = await this.rankingRowOf(userId);
    if (!row) return undefined;
    return { scanId: row.scan_id, ranking: row.ranked_scan_id === row.scan_id ? row.ranking : null };
  }

  /** Stores the ranking of the profile of this latest scan, replacing one of an earlier profile; nothing when the stored profile is of another scan or gone. */
  async saveProfileRanking(userId: string, scanId: string, ranking: string): Promise<void> {
    await this.upsertRanking(userId, scanId, ranking);
  }

  /**
   * Stores a profile built for a teacher who had none. One a submit stored meanwhile stays: it
   * holds every scan, this one may not.
   */
  async saveMissingProfile(userId: string, scanId: string, body: string, now: string): Promise<void> {
    await this.insertProfileIfMissing(userId, scanId, body, now);
  }

  listOfUser(userId: string): Promise<ScanRow[]> {
    return this.db.selectFrom('scans').selectAll().where('user_id', '=', userId).orderBy('started_at', 'desc').execute();
  }

  /** Submitted scans, oldest first: the teacher's growth history. */
  async submittedOfUser(userId: string, trx?: Kysely<Database>): Promise<SubmittedScan[]> {
    const rows = trx ? await this.submittedRowsOf.on(trx)(userId) : await this.submittedRowsOf(userId);
    return rows.map((r) => ({
      id: r.id,
      frameworkId: r.framework_id,
      frameworkVersion: r.framework_version,
      submittedAt: r.submitted_at ?? '',
      result: r.result ?? '{}',
    }));
  }

  async allAnswersOfUser(userId: string): Promise<Array<{ scanId: string; competence: string; option: number; answeredAt: string }>> {
    const rows = await this.db
      .selectFrom('scan_answers')
      .innerJoin('scans', 'scans.id', 'scan_answers.scan_id')
      .select(['scan_answers.scan_id', 'scan_answers.competence_code', 'scan_answers.option_index', 'scan_answers.answered_at'])
      .where('scans.user_id', '=', userId)
      .orderBy('scans.started_at')
      .orderBy('scan_answers.competence_code')
      .execute();
    return rows.map((r) => ({ scanId: r.scan_id, competence: r.competence_code, option: Number(r.option_index), answeredAt: r.answered_at }));
  }

  /**
   * Scans of these users on this framework version, submitted in [from, to): the rows a team
   * aggregate is counted from. Users go in chunks, so a cohort of any size stays under the
   * databases' limits on bound parameters.
   */
  async submittedInWindow(
    userIds: readonly string[],
    window: { from: string; to: string; frameworkId: string; frameworkVersion: string },
    trx: Kysely<Database> = this.db,
  ): Promise<Array<{ id: string; userId: string; submittedAt: string; result: string; background: string }>> {
    const rows = [];
    for (const chunk of chunksOf(userIds)) {
      rows.push(
        ...(await trx
          .selectFrom('scans')
          .select(['id', 'user_id', 'submitted_at', 'result', 'background'])
          .where('user_id', 'in', chunk)
          .where('status', '=', 'submitted')
          .where('framework_id', '=', window.frameworkId)
          .where('framework_version', '=', window.frameworkVersion)
          .where('submitted_at', '>=', window.from)
          .where('submitted_at', '<', window.to)
          .execute()),
      );
    }
    return rows.map((r) => ({ id: r.id, userId: r.user_id, submittedAt: r.submitted_at ?? '', result: r.result ?? '{}', background: r.background }));
  }

  /** A submitted scan's result and background: what it added to a team aggregate, to take away again. */
  async countedScan(scanId: string, trx: Kysely<Database>): Promise<{ result: string; background: string } | undefined> {
    const row = await trx.selectFrom('scans').select(['result', 'background']).where('id', '=', scanId).where('status', '=', 'submitted').executeTakeFirst();
    return row && { result: row.result ?? '{}', background: row.background };
  }

  /** Of these users, who has a scan on this framework version in progress and worked on during [from, to). */
  async inProgressDuring(userIds: readonly string[], window: { from: string; to: string; frameworkId: string; frameworkVersion: string }): Promise<string[]> {
    const ids: string[] = [];
    for (const chunk of chunksOf(userIds)) {
      const rows = await this.db
        .selectFrom('scans')
        .select('user_id')
        .distinct()
        .where('user_id', 'in', chunk)
        .where('status', '=', 'in_progress')
        .where('framework_id', '=', window.frameworkId)
        .where('framework_version', '=', window.frameworkVersion)
        .where('started_at', '<', window.to)
        .where('updated_at', '>=', window.from)
        .execute();
      ids.push(...rows.map((r) => r.user_id));
    }
    return ids;
  }
}

/** Rows of a scan joined with its answers (none: one row of nulls) as the scan and its answers; `earlier` is `findSubmittable`'s. */
function withAnswers(rows: Array<ScanRow & { competence_code: string | null; option_index: number | null; earlier?: unknown }>): { scan: ScanRow; answers: Answers } | undefined {
  if (rows.length === 0) return undefined;
  const { competence_code: _competence, option_index: _option, earlier: _earlier, ...scan } = rows[0];
  const answers: Answers = {};
  for (const row of rows) if (row.competence_code !== null) answers[row.competence_code] = Number(row.option_index);
  return { scan, answers };
}

function chunksOf(ids: readonly string[], size = 1000): string[][] {
  const unique = [...new Set(ids)];
  const chunks: string[][] = [];
  for (let i = 0; i < unique.length; i += size) chunks.push(unique.slice(i, i + size));
  return chunks;
}
