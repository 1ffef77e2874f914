import { brusselsDate } from '../../../shared/school/campaign/campaign';
import {
  type BudgetEntry,
  type BudgetSettings,
  budgetSummary,
  defaultBudgetSettings,
  type SchoolBudgetDto,
  type SetBudgetSettingsBody,
} from '../../../shared/school/training-budget/training-budget';
import type { AccessPolicy } from '../../platform/access/access';
import type { AuditRepository } from '../../platform/audit/audit.repository';
import type { StaffTrainingCosts } from '../school.needs';
import type { SchoolService } from '../school.service';
import type { TrainingPlanService } from '../training-plan/training-plan.service';
import type { BudgetSettingsRow, TrainingBudgetRepository } from './training-budget.repository';

export interface BudgetDeps {
  /** The access check every use case starts with. */
  access: AccessPolicy;
  schools: SchoolService;
  enrolments: StaffTrainingCosts;
  trainingPlan: TrainingPlanService;
  audit: AuditRepository;
  /** The clock; tests may fix it. */
  now?: () => Date;
}

/**
 * A school's ICT training budget for a calendar year: the amounts per staff member (the school's
 * settings, or the policy's defaults), its staff, and what study days and its staff's
 * enrolments plan and spend. The catalogue gives sums only, never whose.
 */

export class TrainingBudgetService {
  private readonly now: () => Date;

  constructor(
    private readonly repo: TrainingBudgetRepository,
    private readonly deps: BudgetDeps,
  ) {
    this.now = deps.now ?? (() => new Date());
  }

  async getBudget(userId: string, schoolId: string, year?: number): Promise<SchoolBudgetDto> {
    await this.deps.access.require(userId, 'planTrainings', schoolId);
    return this.budgetOf(schoolId, year);
  }

  /** The amounts are the school's money, so leadership sets them; the ICT coordinator reads them. */
  async setSettings(userId: string, schoolId: string, body: SetBudgetSettingsBody): Promise<SchoolBudgetDto> {
    await this.deps.access.require(userId, 'setTrainingBudget', schoolId);
    const before = await this.settingsOf(schoolId);
    const after: BudgetSettings = { ...before, ...body };
    await this.repo.saveSettings({
      school_id: schoolId,
      top_up_per_staff_cents: after.topUpPerStaffCents,
      top_up_ends_on: after.topUpEndsOn,
      regular_per_staff_cents: after.regularPerStaffCents,
      staff_count_override: after.staffCountOverride,
      updated_by: userId,
      updated_at: this.now().toISOString(),
    });
    await this.deps.audit.record({ actorId: userId, action: 'budget_settings_changed', subject: schoolId, details: { from: before, to: after } });
    return this.budgetOf(schoolId);
  }

  private async budgetOf(schoolId: string, year?: number): Promise<SchoolBudgetDto> {
    const asOf = brusselsDate(this.now());
    const budgetYear = year ?? Number(asOf.slice(0, 4));
    const from = `${budgetYear}-01-01`;
    const to = `${budgetYear + 1}-01-01`;
    const [settings, staffIds, studyDays] = await Promise.all([
      this.settingsOf(schoolId),
      this.deps.schools.staffIdsOf(schoolId),
      this.deps.trainingPlan.budgetEntries(schoolId, from, to),
    ]);
    const sums = await this.deps.enrolments.priceSumsOfUsers(staffIds, from, to);
    const entries: BudgetEntry[] = [...studyDays, ...sums.map((sum) => ({ source: sum.kind, status: sum.status, on: sum.on, amountCents: sum.amountCents }))];
    return { schoolId, settings, summary: budgetSummary({ year: budgetYear, asOf, members: staffIds.length, settings, entries }) };
  }

  private async settingsOf(schoolId: string): Promise<BudgetSettings> {
    const row = await this.repo.settingsOf(schoolId);
    return row ? fromRow(row) : { ...defaultBudgetSettings };
  }
}

function fromRow(row: BudgetSettingsRow): BudgetSettings {
  return {
    topUpPerStaffCents: Number(row.top_up_per_staff_cents),
    topUpEndsOn: row.top_up_ends_on,
    regularPerStaffCents: Number(row.regular_per_staff_cents),
    staffCountOverride: row.staff_count_override === null ? null : Number(row.staff_count_override),
  };
}
