import type { Kysely, Selectable, Updateable } from 'kysely';
import type { Front } from '../../../shared/platform/fronts';
import type { ActionStatus, GoalTerm } from '../../../shared/school/policy-plan/policy-plan-rules';
import type { ActionSourceKind } from '../../../shared/school/policy-plan/suggested-action';
import type { SchoolDatabase as Database } from '../school.tables';

/** The tables of the ICT policy plan (see policy-plan.migrations.ts); only this repository reads them. */
// A type, not an interface: Kysely's withTables wants an index signature, which only types get implicitly.
export type PolicyPlanTables = {
  policy_plans: {
    school_id: string;
    vision: string;
    /** School years, `2025-2026`. */
    period_from: string;
    period_to: string;
    version: number;
    updated_by: string | null;
    updated_at: string;
  };
  policy_goals: {
    id: string;
    school_id: string;
    term: GoalTerm;
    text: string;
    success_criterion: string | null;
    /** A STEM monitor indicator id; the monitor's figures are asked of it, never read here. */
    stem_indicator: string | null;
    created_by: string | null;
    created_at: string;
    updated_at: string;
  };
  policy_actions: {
    id: string;
    school_id: string;
    title: string;
    description: string | null;
    owner_user_id: string | null;
    owner_name: string | null;
    /** YYYY-MM-DD. */
    deadline: string | null;
    status: ActionStatus;
    front: Front;
    target_kind: string | null;
    target_code: string | null;
    target_label_nl: string | null;
    target_label_en: string | null;
    goal_id: string | null;
    source_kind: ActionSourceKind | null;
    source_id: string | null;
    source_key: string | null;
    created_by: string | null;
    created_at: string;
    updated_by: string | null;
    updated_at: string;
  };
};

export type PlanRow = Selectable<PolicyPlanTables['policy_plans']>;
export type GoalRow = Selectable<PolicyPlanTables['policy_goals']>;
export type ActionRow = Selectable<PolicyPlanTables['policy_actions']>;

/** The only code that touches the policy plan's tables. */
export class PolicyPlanRepository {
  private readonly db: Kysely<Database & PolicyPlanTables>;

  constructor(base: Kysely<Database>) {
    this.db = base.withTables<PolicyPlanTables>();
  }

  /** Flanders-wide: every school, and those whose plan has a vision and a period over `schoolYear` (the centre's front). */
  async currentPlanCounts(schoolYear: string): Promise<{ schools: number; withCurrentPlan: number }> {
    const [schools, current] = await Promise.all([
      this.db
        .selectFrom('schools')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow(),
      this.db
        .selectFrom('policy_plans')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('vision', '<>', '')
        .where('period_from', '<=', schoolYear)
        .where('period_to', '>=', schoolYear)
        .executeTakeFirstOrThrow(),
    ]);
    return { schools: Number(schools.n), withCurrentPlan: Number(current.n) };
  }

  findPlan(schoolId: string): Promise<PlanRow | undefined> {
    return this.db.selectFrom('policy_plans').selectAll().where('school_id', '=', schoolId).executeTakeFirst();
  }

  /**
   * Saves the vision when the stored version is still `expected` (0: no plan yet), raising it
   * by one; false when another save came first. One statement, so two saves cannot both win.
   */
  async saveVision(row: Omit<PlanRow, 'version'>, expected: number): Promise<boolean> {
    if (expected === 0) {
      const result = await this.db
        .insertInto('policy_plans')
        .values({ ...row, version: 1 })
        .onConflict((oc) => oc.column('school_id').doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
    }
    const { school_id, ...changes } = row;
    const result = await this.db
      .updateTable('policy_plans')
      .set({ ...changes, version: expected + 1 })
      .where('school_id', '=', school_id)
      .where('version', '=', expected)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  goalsOf(schoolId: string): Promise<GoalRow[]> {
    return this.db.selectFrom('policy_goals').selectAll().where('school_id', '=', schoolId).execute();
  }

  findGoal(schoolId: string, goalId: string): Promise<GoalRow | undefined> {
    return this.db.selectFrom('policy_goals').selectAll().where('school_id', '=', schoolId).where('id', '=', goalId).executeTakeFirst();
  }

  async insertGoal(row: GoalRow): Promise<void> {
    await this.db.insertInto('policy_goals').values(row).execute();
  }

  async updateGoal(schoolId: string, goalId: string, changes: Updateable<PolicyPlanTables['policy_goals']>): Promise<void> {
    await this.db.updateTable('policy_goals').set(changes).where('school_id', '=', schoolId).where('id', '=', goalId).execute();
  }

  /** Removes a goal; its actions stay, no longer linked to a goal. */
  async deleteGoal(schoolId: string, goalId: string): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      await trx.updateTable('policy_actions').set({ goal_id: null }).where('school_id', '=', schoolId).where('goal_id', '=', goalId).execute();
      const result = await trx.deleteFrom('policy_goals').where('school_id', '=', schoolId).where('id', '=', goalId).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    });
  }

  actionsOf(schoolId: string): Promise<ActionRow[]> {
    return this.db.selectFrom('policy_actions').selectAll().where('school_id', '=', schoolId).execute();
  }

  findAction(schoolId: string, actionId: string): Promise<ActionRow | undefined> {
    return this.db.selectFrom('policy_actions').selectAll().where('school_id', '=', schoolId).where('id', '=', actionId).executeTakeFirst();
  }

  async insertAction(row: ActionRow): Promise<void> {
    await this.db.insertInto('policy_actions').values(row).execute();
  }

  async updateAction(schoolId: string, actionId: string, changes: Updateable<PolicyPlanTables['policy_actions']>): Promise<void> {
    await this.db.updateTable('policy_actions').set(changes).where('school_id', '=', schoolId).where('id', '=', actionId).execute();
  }

  async deleteAction(schoolId: string, actionId: string): Promise<boolean> {
    const result = await this.db.deleteFrom('policy_actions').where('school_id', '=', schoolId).where('id', '=', actionId).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  /** The keys of a result's suggestions the school's plan holds already. */
  async takenKeys(schoolId: string, kind: ActionSourceKind, sourceId: string): Promise<Set<string>> {
    const rows = await this.db
      .selectFrom('policy_actions')
      .select('source_key')
      .where('school_id', '=', schoolId)
      .where('source_kind', '=', kind)
      .where('source_id', '=', sourceId)
      .execute();
    return new Set(rows.map((row) => row.source_key!));
  }

  /**
   * Inserts actions made from suggestions in one transaction; a suggestion taken meanwhile (the
   * unique source index) is passed over rather than failing the rest. Returns the ids inserted.
   */
  async insertFromSources(rows: readonly ActionRow[]): Promise<Set<string>> {
    return this.db.transaction().execute(async (trx) => {
      const inserted = new Set<string>();
      for (const row of rows) {
        const result = await trx
          .insertInto('policy_actions')
          .values(row)
          .onConflict((oc) => oc.columns(['school_id', 'source_kind', 'source_id', 'source_key']).doNothing())
          .executeTakeFirst();
        if (Number(result.numInsertedOrUpdatedRows ?? 0) > 0) inserted.add(row.id);
      }
      return inserted;
    });
  }
}
