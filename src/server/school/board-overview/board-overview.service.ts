import { AppError } from '../../../shared/errors';
import type { BoardFundingSummary } from '../../../shared/infra/funding-api';
import type { BoardInfraIndicators } from '../../../shared/infra/indicator-api';
import { brusselsDate } from '../../../shared/platform/brussels-time';
import { type BoardOverview, type BoardOverviewSchool, planIsCurrent, shownParticipation } from '../../../shared/school/board-overview/board-overview';
import type { CampaignDto } from '../../../shared/school/campaign/campaign';
import type { SchoolReport } from '../../../shared/school/campaign/report';
import type { CyberCheckSummaryDto } from '../../../shared/school/cyber-check/cyber-check-api';
import type { PolicyPlanDto } from '../../../shared/school/policy-plan/policy-plan';
import { schoolYearOf } from '../../../shared/school/policy-plan/policy-plan-rules';
import type { SchoolBudgetDto } from '../../../shared/school/training-budget/training-budget';
import type { AccessPolicy } from '../../platform/access/access';
import type { AuditRepository } from '../../platform/audit/audit.repository';
import type { BoardService } from '../board.service';
import type { CampaignService } from '../campaign/campaign.service';
import type { CyberCheckService } from '../cyber-check/cyber-check.service';
import type { PolicyPlanService } from '../policy-plan/policy-plan.service';
import type { BoardParkFigures } from '../school.needs';
import type { TrainingBudgetService } from '../training-budget/training-budget.service';

export interface BoardOverviewDeps {
  access: AccessPolicy;
  audit: AuditRepository;
  boards: BoardService;
  campaigns: CampaignService;
  budgets: TrainingBudgetService;
  cyberChecks: CyberCheckService;
  policyPlan: PolicyPlanService;
  boardPark: BoardParkFigures;
  /** The clock; tests may fix it. */
  now?: () => Date;
}

/** Where the overview reads a board's columns from: the same questions, asked as the board's admin or as a platform admin. */
interface BoardReads {
  schools: ReadonlyArray<{ id: string; name: string }>;
  park(): Promise<BoardInfraIndicators>;
  funding(): Promise<BoardFundingSummary>;
  campaigns(schoolId: string): Promise<CampaignDto[]>;
  report(schoolId: string, campaignId: string): Promise<SchoolReport>;
  budget(schoolId: string): Promise<SchoolBudgetDto>;
  cyberChecks(schoolId: string): Promise<CyberCheckSummaryDto[]>;
  plan(schoolId: string): Promise<PolicyPlanDto>;
}

/**
 * The board's schools side by side (`getBoardOverview`). A board admin reads every column through
 * the feature that owns it, as themselves: each keeps its own access check. A platform admin
 * (capability supportBoards) may open any board's overview for support work: the features' reads
 * without their check, and the read is audited. Either way Digisnap figures come only from the
 * school's published team report (its privacy gate). No repository of its own: it stores nothing.
 */
export class BoardOverviewService {
  private readonly now: () => Date;

  constructor(private readonly deps: BoardOverviewDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  async overview(userId: string, boardId: string): Promise<BoardOverview> {
    const board = await this.deps.boards.requireBoard(boardId);
    const reads = (await this.deps.boards.isBoardAdmin(userId, boardId)) ? await this.asBoardAdmin(userId, boardId) : await this.asPlatformAdmin(userId, boardId);
    const [park, funding] = await Promise.all([reads.park(), reads.funding()]);
    const rows: BoardOverviewSchool[] = [];
    // One school after the other: SQLite serves the process on one connection.
    for (const school of reads.schools) {
      const parkOf = park.schools.find((entry) => entry.schoolId === school.id)?.indicators;
      const fundingOf = funding.schools.find((entry) => entry.schoolId === school.id);
      const per100 = parkOf && (parkOf.devicesPer100Pupils.primary.value ?? parkOf.devicesPer100Pupils.secondary.value);
      rows.push({
        schoolId: school.id,
        schoolName: school.name,
        digisnap: await this.digisnapOf(reads, school.id),
        trainingBudget: budgetColumn(await reads.budget(school.id)),
        ictPark: parkOf ? { devices: parkOf.devices, computersPer100Pupils: per100 ?? null, averageAgeYears: parkOf.averageAgeYears } : null,
        funding: fundingOf ? { budgetCents: fundingOf.budgetCents, spentCents: fundingOf.spentCents, leftCents: fundingOf.leftCents, deadline: fundingOf.deadline } : null,
        cyberCheck: cyberCheckColumn(await reads.cyberChecks(school.id)),
        policyPlan: this.policyPlanColumn(await reads.plan(school.id)),
      });
    }
    return { boardId: board.id, boardName: board.name, schools: rows };
  }

  private async asBoardAdmin(userId: string, boardId: string): Promise<BoardReads> {
    const { boards, boardPark, campaigns, budgets, cyberChecks, policyPlan } = this.deps;
    return {
      schools: await boards.schoolsOf(userId, boardId),
      park: () => boardPark.indicators(userId, boardId),
      funding: () => boardPark.funding(userId, boardId),
      campaigns: (schoolId) => campaigns.listCampaigns(userId, schoolId),
      report: (schoolId, campaignId) => campaigns.schoolReport(userId, schoolId, campaignId),
      budget: (schoolId) => budgets.getBudget(userId, schoolId),
      cyberChecks: (schoolId) => cyberChecks.list(userId, schoolId),
      plan: (schoolId) => policyPlan.getPlan(userId, schoolId),
    };
  }

  /** Anyone else who is not the board's admin is refused (403) here, unless a platform admin. */
  private async asPlatformAdmin(userId: string, boardId: string): Promise<BoardReads> {
    await this.deps.access.requirePlatform(userId, 'supportBoards');
    await this.deps.audit.record({ actorId: userId, action: 'board_overview_read_by_admin', subject: boardId });
    const { boards, boardPark, campaigns, budgets, cyberChecks, policyPlan } = this.deps;
    const schools = await boards.schoolsAsOperator(boardId);
    return {
      schools,
      park: () => boardPark.indicatorsOf(boardId, schools),
      funding: () => boardPark.fundingOf(schools),
      campaigns: (schoolId) => campaigns.listCampaignsAsOperator(schoolId),
      report: (schoolId, campaignId) => campaigns.schoolReportAsOperator(schoolId, campaignId),
      budget: (schoolId) => budgets.getBudgetAsOperator(schoolId),
      cyberChecks: (schoolId) => cyberChecks.listAsOperator(schoolId),
      plan: (schoolId) => policyPlan.getPlanAsOperator(schoolId),
    };
  }

  /** The newest campaign: its participation behind the threshold, and its published report's overall figures. */
  private async digisnapOf(reads: BoardReads, schoolId: string): Promise<BoardOverviewSchool['digisnap']> {
    const [campaign] = await reads.campaigns(schoolId);
    if (!campaign) return null;
    return {
      campaignId: campaign.id,
      opensOn: campaign.opensOn,
      closesOn: campaign.closesOn,
      status: campaign.status,
      threshold: campaign.minGroupSize,
      participation: shownParticipation(campaign.participation, campaign.minGroupSize),
      report: await this.reportOf(reads, schoolId, campaign),
    };
  }

  private async reportOf(reads: BoardReads, schoolId: string, campaign: CampaignDto): Promise<NonNullable<BoardOverviewSchool['digisnap']>['report']> {
    if (!campaign.report.available) return null;
    try {
      const report = await reads.report(schoolId, campaign.id);
      return {
        respondents: report.respondents,
        bands: report.overall.bands.map((band) => ({ band: band.band, share: band.share })),
        bOrAboveShare: report.overall.bOrAbove.share,
        priorityArea: report.priorityArea?.number ?? null,
      };
    } catch (error) {
      if (error instanceof AppError && error.id === 'too_few_respondents') return null;
      throw error;
    }
  }

  private policyPlanColumn(plan: PolicyPlanDto): BoardOverviewSchool['policyPlan'] {
    return {
      current: planIsCurrent(plan.periodFrom, plan.periodTo, schoolYearOf(brusselsDate(this.now()))),
      periodFrom: plan.periodFrom,
      periodTo: plan.periodTo,
      goals: plan.goals.length,
      actions: plan.actions.length,
      overdue: plan.summary.total.overdue,
    };
  }
}

function budgetColumn({ summary }: SchoolBudgetDto): BoardOverviewSchool['trainingBudget'] {
  const { schoolYear, totalCents, plannedCents, spentCents, leftCents, overBudget } = summary;
  return { schoolYear, totalCents, plannedCents, spentCents, leftCents, overBudget };
}

function cyberCheckColumn(checks: CyberCheckSummaryDto[]): BoardOverviewSchool['cyberCheck'] {
  const submitted = checks.filter((check) => check.submittedAt !== null && check.overall !== null);
  const latest = submitted.sort((a, b) => b.submittedAt!.localeCompare(a.submittedAt!))[0];
  return latest ? { submittedAt: latest.submittedAt!, ...latest.overall! } : null;
}
