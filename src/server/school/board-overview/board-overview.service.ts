import { AppError } from '../../../shared/errors';
import { brusselsDate } from '../../../shared/platform/brussels-time';
import { type BoardOverview, type BoardOverviewSchool, planIsCurrent, shownParticipation } from '../../../shared/school/board-overview/board-overview';
import type { CampaignDto } from '../../../shared/school/campaign/campaign';
import { schoolYearOf } from '../../../shared/school/policy-plan/policy-plan-rules';
import type { BoardService } from '../board.service';
import type { CampaignService } from '../campaign/campaign.service';
import type { CyberCheckService } from '../cyber-check/cyber-check.service';
import type { PolicyPlanService } from '../policy-plan/policy-plan.service';
import type { BoardParkFigures } from '../school.needs';
import type { TrainingBudgetService } from '../training-budget/training-budget.service';

export interface BoardOverviewDeps {
  boards: BoardService;
  campaigns: CampaignService;
  budgets: TrainingBudgetService;
  cyberChecks: CyberCheckService;
  policyPlan: PolicyPlanService;
  boardPark: BoardParkFigures;
  /** The clock; tests may fix it. */
  now?: () => Date;
}

/**
 * The board's schools side by side (`getBoardOverview`). After the board check, every column is
 * read through the feature that owns it, as the board admin: each keeps its own access check,
 * and Digisnap figures come only from the school's published team report (its privacy gate).
 * No repository of its own: it stores nothing and reads no table.
 */
export class BoardOverviewService {
  private readonly now: () => Date;

  constructor(private readonly deps: BoardOverviewDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  async overview(userId: string, boardId: string): Promise<BoardOverview> {
    const board = await this.deps.boards.requireBoardAdmin(userId, boardId);
    const schools = await this.deps.boards.schoolsOf(userId, boardId);
    const [park, funding] = await Promise.all([this.deps.boardPark.indicators(userId, boardId), this.deps.boardPark.funding(userId, boardId)]);
    const rows: BoardOverviewSchool[] = [];
    // One school after the other: SQLite serves the process on one connection.
    for (const school of schools) {
      const parkOf = park.schools.find((entry) => entry.schoolId === school.id)?.indicators;
      const fundingOf = funding.schools.find((entry) => entry.schoolId === school.id);
      const per100 = parkOf && (parkOf.devicesPer100Pupils.primary.value ?? parkOf.devicesPer100Pupils.secondary.value);
      rows.push({
        schoolId: school.id,
        schoolName: school.name,
        digisnap: await this.digisnapOf(userId, school.id),
        trainingBudget: await this.budgetOf(userId, school.id),
        ictPark: parkOf ? { devices: parkOf.devices, computersPer100Pupils: per100 ?? null, averageAgeYears: parkOf.averageAgeYears } : null,
        funding: fundingOf ? { budgetCents: fundingOf.budgetCents, spentCents: fundingOf.spentCents, leftCents: fundingOf.leftCents, deadline: fundingOf.deadline } : null,
        cyberCheck: await this.cyberCheckOf(userId, school.id),
        policyPlan: await this.policyPlanOf(userId, school.id),
      });
    }
    return { boardId: board.id, boardName: board.name, schools: rows };
  }

  /** The newest campaign: its participation behind the threshold, and its published report's overall figures. */
  private async digisnapOf(userId: string, schoolId: string): Promise<BoardOverviewSchool['digisnap']> {
    const [campaign] = await this.deps.campaigns.listCampaigns(userId, schoolId);
    if (!campaign) return null;
    return {
      campaignId: campaign.id,
      opensOn: campaign.opensOn,
      closesOn: campaign.closesOn,
      status: campaign.status,
      threshold: campaign.minGroupSize,
      participation: shownParticipation(campaign.participation, campaign.minGroupSize),
      report: await this.reportOf(userId, schoolId, campaign),
    };
  }

  private async reportOf(userId: string, schoolId: string, campaign: CampaignDto): Promise<NonNullable<BoardOverviewSchool['digisnap']>['report']> {
    if (!campaign.report.available) return null;
    try {
      const report = await this.deps.campaigns.schoolReport(userId, schoolId, campaign.id);
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

  private async budgetOf(userId: string, schoolId: string): Promise<BoardOverviewSchool['trainingBudget']> {
    const { summary } = await this.deps.budgets.getBudget(userId, schoolId);
    const { schoolYear, totalCents, plannedCents, spentCents, leftCents, overBudget } = summary;
    return { schoolYear, totalCents, plannedCents, spentCents, leftCents, overBudget };
  }

  private async cyberCheckOf(userId: string, schoolId: string): Promise<BoardOverviewSchool['cyberCheck']> {
    const submitted = (await this.deps.cyberChecks.list(userId, schoolId)).filter((check) => check.submittedAt !== null && check.overall !== null);
    const latest = submitted.sort((a, b) => b.submittedAt!.localeCompare(a.submittedAt!))[0];
    return latest ? { submittedAt: latest.submittedAt!, ...latest.overall! } : null;
  }

  private async policyPlanOf(userId: string, schoolId: string): Promise<BoardOverviewSchool['policyPlan']> {
    const plan = await this.deps.policyPlan.getPlan(userId, schoolId);
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
