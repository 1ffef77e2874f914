import { brusselsDate } from '../../../shared/school/campaign/campaign';
import { schoolYearOf } from '../../../shared/school/policy-plan/policy-plan-rules';
import {
  type BudgetEntry,
  type BudgetSettings,
  budgetSummary,
  defaultBudgetSettings,
  envelopeSummary,
  type SchoolBudgetDto,
  type SetBudgetSettingsBody,
  schoolYearDays,
} from '../../../shared/school/training-budget/training-budget';
import { ictTrainingEnvelope } from '../../../shared/school/training-budget/training-funds';
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
 * A school's ICT training money: the regular budget of a school year (the amount per staff member
 * is the school's setting, or the policy's default) and the one-off Digisprong envelope from the
 * school's count of posts, each with what study days and its staff's enrolments plan and spend
 * inside its period. The catalogue gives sums only, never whose.
 */

export class TrainingBudgetService {
  private readonly now: () => Date;

  constructor(
    private readonly repo: TrainingBudgetRepository,
    private readonly deps: BudgetDeps,
  ) {
    this.now = deps.now ?? (() => new Date());
  }

  /** The same service on another clock: the envelope's state and the default school year follow it (tests, demo data). */
  withClock(now: () => Date): TrainingBudgetService {
    return new TrainingBudgetService(this.repo, { ...this.deps, now });
  }

  async getBudget(userId: string, schoolId: string, schoolYear?: string): Promise<SchoolBudgetDto> {
    await this.deps.access.require(userId, 'planTrainings', schoolId);
    return this.budgetOf(schoolId, schoolYear);
  }

  /** This school year's budget without an access check: a platform admin's support read of a board's overview. */
  getBudgetAsOperator(schoolId: string): Promise<SchoolBudgetDto> {
    return this.budgetOf(schoolId);
  }

  /** The amounts and the count of posts are the school's money, so leadership sets them; the ICT coordinator reads them. */
  async setSettings(userId: string, schoolId: string, body: SetBudgetSettingsBody): Promise<SchoolBudgetDto> {
    await this.deps.access.require(userId, 'setTrainingBudget', schoolId);
    const before = await this.settingsOf(schoolId);
    const after: BudgetSettings = { ...before, ...body };
    await this.repo.saveSettings({
      school_id: schoolId,
      regular_per_staff_cents: after.regularPerStaffCents,
      staff_count_override: after.staffCountOverride,
      envelope_posts_hundredths: after.envelopePosts === null ? null : Math.round(after.envelopePosts * 100),
      updated_by: userId,
      updated_at: this.now().toISOString(),
    });
    await this.deps.audit.record({ actorId: userId, action: 'budget_settings_changed', subject: schoolId, details: { from: before, to: after } });
    return this.budgetOf(schoolId);
  }

  private async budgetOf(schoolId: string, requestedYear?: string): Promise<SchoolBudgetDto> {
    const asOf = brusselsDate(this.now());
    const schoolYear = requestedYear ?? schoolYearOf(asOf);
    const year = schoolYearDays(schoolYear);
    // One read covers both periods: the school year and the envelope's spending window ([from, to) as the catalogue reads it).
    const from = [year.from, ictTrainingEnvelope.spendFrom].sort()[0];
    const to = dayAfter([year.until, ictTrainingEnvelope.spendUntil].sort()[1]);
    const [settings, staffIds, studyDays] = await Promise.all([
      this.settingsOf(schoolId),
      this.deps.schools.staffIdsOf(schoolId),
      this.deps.trainingPlan.budgetEntries(schoolId, from, to),
    ]);
    const sums = await this.deps.enrolments.priceSumsOfUsers(staffIds, from, to);
    const entries: BudgetEntry[] = [...studyDays, ...sums.map((sum) => ({ source: sum.kind, status: sum.status, on: sum.on, amountCents: sum.amountCents }))];
    return {
      schoolId,
      settings,
      summary: budgetSummary({ schoolYear, asOf, members: staffIds.length, settings, entries }),
      envelope: envelopeSummary({ asOf, posts: settings.envelopePosts, entries }),
    };
  }

  private async settingsOf(schoolId: string): Promise<BudgetSettings> {
    const row = await this.repo.settingsOf(schoolId);
    return row ? fromRow(row) : { ...defaultBudgetSettings };
  }
}

function fromRow(row: BudgetSettingsRow): BudgetSettings {
  return {
    regularPerStaffCents: Number(row.regular_per_staff_cents),
    staffCountOverride: row.staff_count_override === null ? null : Number(row.staff_count_override),
    envelopePosts: row.envelope_posts_hundredths === null ? null : Number(row.envelope_posts_hundredths) / 100,
  };
}

/** `2026-07-31` → `2026-08-01`. */
function dayAfter(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}
