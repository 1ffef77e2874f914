import type { Kysely } from 'kysely';
import type { SchoolDatabase as Database } from '../school.tables';

/** The tables of the cybersecurity check (see cyber-check.migrations.ts); only this repository reads them. */
// A type, not an interface: Kysely's withTables wants an index signature, which only types get implicitly.
export type CyberCheckTables = {
  cyber_checks: {
    id: string;
    school_id: string;
    instrument_id: string;
    instrument_version: string;
    status: 'in_progress' | 'submitted';
    started_at: string;
    started_by: string | null;
    updated_at: string;
    updated_by: string | null;
    submitted_at: string | null;
    submitted_by: string | null;
  };
  cyber_check_answers: {
    check_id: string;
    item_id: string;
    option_index: number;
    answered_at: string;
    answered_by: string | null;
  };
};

export type CyberCheckRow = CyberCheckTables['cyber_checks'];
export type Answers = Record<string, number>;
type Db = Kysely<Database & CyberCheckTables>;

/** Something to write in the same transaction, such as the audit event of the change. */
export type AlsoInTransaction = (trx: Kysely<Database>) => Promise<void>;

export class CyberCheckRepository {
  private readonly db: Db;

  constructor(private readonly base: Kysely<Database>) {
    this.db = base.withTables<CyberCheckTables>();
  }

  /**
   * Inserts a new check in progress; false when the school has one already (the unique index
   * on open checks refused it), so two managers starting at once end up in the same check.
   */
  async insertOpen(row: CyberCheckRow, alsoInTransaction: AlsoInTransaction): Promise<boolean> {
    try {
      await this.base.transaction().execute(async (trx) => {
        await trx.withTables<CyberCheckTables>().insertInto('cyber_checks').values(row).execute();
        await alsoInTransaction(trx);
      });
      return true;
    } catch (error) {
      if (await this.findOpen(row.school_id)) return false;
      throw error;
    }
  }

  findOpen(schoolId: string): Promise<CyberCheckRow | undefined> {
    return this.db.selectFrom('cyber_checks').selectAll().where('school_id', '=', schoolId).where('status', '=', 'in_progress').executeTakeFirst();
  }

  find(schoolId: string, checkId: string): Promise<CyberCheckRow | undefined> {
    return this.db.selectFrom('cyber_checks').selectAll().where('school_id', '=', schoolId).where('id', '=', checkId).executeTakeFirst();
  }

  /** Flanders-wide: each school's latest submitted check (the centre's front). */
  async latestSubmittedOfEachSchool(): Promise<CyberCheckRow[]> {
    const rows = await this.db.selectFrom('cyber_checks').selectAll().where('status', '=', 'submitted').orderBy('school_id').orderBy('submitted_at', 'desc').execute();
    return rows.filter((row, i) => i === 0 || rows[i - 1].school_id !== row.school_id);
  }

  /** The school's checks, newest first. */
  listOfSchool(schoolId: string): Promise<CyberCheckRow[]> {
    return this.db.selectFrom('cyber_checks').selectAll().where('school_id', '=', schoolId).orderBy('started_at', 'desc').orderBy('id', 'desc').execute();
  }

  /** The school's submitted check just before `submittedAt`, if any. */
  previousSubmitted(schoolId: string, submittedAt: string): Promise<CyberCheckRow | undefined> {
    return this.db
      .selectFrom('cyber_checks')
      .selectAll()
      .where('school_id', '=', schoolId)
      .where('status', '=', 'submitted')
      .where('submitted_at', '<', submittedAt)
      .orderBy('submitted_at', 'desc')
      .limit(1)
      .executeTakeFirst();
  }

  async answersOf(checkId: string): Promise<Answers> {
    return (await this.answersOfChecks([checkId])).get(checkId) ?? {};
  }

  /** The answers of several checks at once, by check id. */
  async answersOfChecks(checkIds: readonly string[]): Promise<Map<string, Answers>> {
    const byCheck = new Map<string, Answers>(checkIds.map((checkId) => [checkId, {}]));
    if (checkIds.length === 0) return byCheck;
    const rows = await this.db
      .selectFrom('cyber_check_answers')
      .select(['check_id', 'item_id', 'option_index'])
      .where('check_id', 'in', [...checkIds])
      .execute();
    for (const row of rows) byCheck.get(row.check_id)![row.item_id] = Number(row.option_index);
    return byCheck;
  }

  /** Saves one answer, but only while the check is in progress; false when it was not. */
  async saveAnswer(checkId: string, answer: { itemId: string; option: number; by: string; at: string }, alsoInTransaction: AlsoInTransaction): Promise<boolean> {
    return this.base.transaction().execute(async (base) => {
      const trx = base.withTables<CyberCheckTables>();
      const touched = await trx
        .updateTable('cyber_checks')
        .set({ updated_at: answer.at, updated_by: answer.by })
        .where('id', '=', checkId)
        .where('status', '=', 'in_progress')
        .executeTakeFirst();
      if (Number(touched.numUpdatedRows) === 0) return false;
      await trx
        .insertInto('cyber_check_answers')
        .values({ check_id: checkId, item_id: answer.itemId, option_index: answer.option, answered_at: answer.at, answered_by: answer.by })
        .onConflict((oc) => oc.columns(['check_id', 'item_id']).doUpdateSet({ option_index: answer.option, answered_at: answer.at, answered_by: answer.by }))
        .execute();
      await alsoInTransaction(base);
      return true;
    });
  }

  /** Marks the check submitted; false when it was submitted already (a retry), and then nothing is written. */
  async submit(checkId: string, by: string, at: string, alsoInTransaction: AlsoInTransaction): Promise<boolean> {
    return this.base.transaction().execute(async (base) => {
      const updated = await base
        .withTables<CyberCheckTables>()
        .updateTable('cyber_checks')
        .set({ status: 'submitted', submitted_at: at, submitted_by: by, updated_at: at })
        .where('id', '=', checkId)
        .where('status', '=', 'in_progress')
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) === 0) return false;
      await alsoInTransaction(base);
      return true;
    });
  }
}
