import { type SearchQuery, searchQuerySchema, type TrainingSummaryDto, trainingEducationLevels } from '../../../shared/catalogue/api';
import { AppError, conflict, notFound, validationError } from '../../../shared/errors';
import { brusselsDate } from '../../../shared/school/campaign/campaign';
import type { BudgetEntry } from '../../../shared/school/training-budget/training-budget';
import {
  type FocusDto,
  focusOfReport,
  type PlanStudyDayBody,
  type StudyDayDto,
  SUGGESTIONS_PER_SORT,
  stepServes,
  studyDayCost,
  type TrainingSuggestionDto,
  type TrainingSuggestionsDto,
  teamTrainingKinds,
} from '../../../shared/school/training-plan/training-plan';
import type { AccessPolicy } from '../../platform/access/access';
import type { AuditRepository } from '../../platform/audit/audit.repository';
import { newId } from '../../platform/ids';
import type { CampaignService } from '../campaign/campaign.service';
import type { TrainingOffer } from '../school.needs';
import type { SchoolInfo, SchoolService } from '../school.service';
import type { StudyDayRow, TrainingPlanRepository } from './training-plan.repository';

export interface TrainingPlanDeps {
  /** The access check every use case starts with. */
  access: AccessPolicy;
  schools: SchoolService;
  campaigns: CampaignService;
  catalogue: TrainingOffer;
  audit: AuditRepository;
  /** The clock; tests may fix it. */
  now?: () => Date;
}

/**
 * The team training plan: trainings suggested from a campaign's team report, and study days
 * planned with one of them. Suggestions read the report as it is shown to leadership (through
 * CampaignService, behind its privacy gate) and the catalogue through its service; nothing here
 * sees a scan or a catalogue table.
 */
export class TrainingPlanService {
  private readonly now: () => Date;

  constructor(
    private readonly repo: TrainingPlanRepository,
    private readonly deps: TrainingPlanDeps,
  ) {
    this.now = deps.now ?? (() => new Date());
  }

  async suggestions(userId: string, schoolId: string, campaignId: string, participants?: number): Promise<TrainingSuggestionsDto> {
    await this.deps.access.require(userId, 'planTrainings', schoolId);
    const report = await this.deps.campaigns.schoolReport(userId, schoolId, campaignId);
    const school = (await this.deps.schools.schoolOf(schoolId))!;
    const teamSize = participants ?? report.respondents;
    const focus = focusOfReport(report);
    const team: TrainingSuggestionDto[] = [];
    const individual: TrainingSuggestionDto[] = [];
    const seen = new Set<string>();
    for (const item of focus) {
      for (const training of await this.candidates(item, school)) {
        const step = stepServes(training.levelSteps, item.competence, item.level);
        if (!step || seen.has(training.id) || !reachable(training, school)) continue;
        const suggestion = { training, competence: item.competence, level: item.level, reason: reasonOf(item, step) };
        if (fitsTeam(training, teamSize)) team.push(suggestion);
        else if (training.nextSession !== null || training.kind === 'self_paced' || training.kind === 'learning_resource') individual.push(suggestion);
        else continue;
        seen.add(training.id);
      }
    }
    const area = report.priorityArea;
    return {
      campaignId,
      priorityArea: area && { number: area.number, name: area.name, basis: area.basis },
      participants: teamSize,
      focus,
      team: team.slice(0, SUGGESTIONS_PER_SORT),
      individual: individual.slice(0, SUGGESTIONS_PER_SORT),
    };
  }

  async planStudyDay(userId: string, schoolId: string, body: PlanStudyDayBody): Promise<StudyDayDto> {
    await this.deps.access.require(userId, 'planTrainings', schoolId);
    const today = brusselsDate(this.now());
    if (body.date < today) throw validationError('body.date', 'body.date: the study day must be today or later');
    const training = await this.deps.catalogue.publicTraining(body.trainingId).catch(rethrowNotFound('Training', 'body.trainingId'));
    if (body.sessionId !== undefined) {
      const session = training.sessions.find((s) => s.id === body.sessionId);
      if (!session) throw notFound('Session of this training', 'body.sessionId');
      if (brusselsDate(new Date(session.startsAt)) !== body.date) {
        throw validationError('body.date', `body.date: the chosen session is on ${brusselsDate(new Date(session.startsAt))}`);
      }
      if (body.participants > session.seatsLeft) {
        throw validationError('body.participants', `body.participants: the session has ${session.seatsLeft} seats left`);
      }
    }
    if (body.campaignId !== undefined) {
      await this.deps.campaigns.getCampaign(userId, schoolId, body.campaignId).catch(rethrowNotFound('Campaign', 'body.campaignId'));
    }
    const pricePerPerson = Math.round(training.priceEuro * 100);
    const teamPrice = body.teamPriceCents ?? null;
    const row: StudyDayRow = {
      id: newId(),
      school_id: schoolId,
      on_date: body.date,
      training_id: training.id,
      training_title: training.title,
      session_id: body.sessionId ?? null,
      campaign_id: body.campaignId ?? null,
      participants: body.participants,
      price_per_person_cents: pricePerPerson,
      team_price_cents: teamPrice,
      cost_cents: studyDayCost(pricePerPerson, body.participants, teamPrice),
      status: 'planned',
      note: body.note || null,
      created_by: userId,
      created_at: this.now().toISOString(),
      cancelled_at: null,
      cancelled_by: null,
    };
    await this.repo.insert(row);
    await this.deps.audit.record({
      actorId: userId,
      action: 'study_day_planned',
      subject: row.id,
      details: { schoolId, date: row.on_date, trainingId: row.training_id, costCents: row.cost_cents },
    });
    return toStudyDayDto(row);
  }

  async listStudyDays(userId: string, schoolId: string, status: 'planned' | 'cancelled' | 'all'): Promise<StudyDayDto[]> {
    await this.deps.access.require(userId, 'planTrainings', schoolId);
    return (await this.repo.listOfSchool(schoolId, status === 'all' ? null : status)).map(toStudyDayDto);
  }

  async cancelStudyDay(userId: string, schoolId: string, studyDayId: string): Promise<StudyDayDto> {
    await this.deps.access.require(userId, 'planTrainings', schoolId);
    const row = await this.repo.find(schoolId, studyDayId);
    if (!row) throw notFound('Study day', 'params.studyDayId');
    if (row.on_date < brusselsDate(this.now())) throw conflict('This study day is over; it cannot be cancelled any more', 'params.studyDayId');
    const at = this.now().toISOString();
    if (!(await this.repo.cancel(row.id, userId, at))) throw conflict('This study day is cancelled already', 'params.studyDayId');
    await this.deps.audit.record({ actorId: userId, action: 'study_day_cancelled', subject: row.id, details: { schoolId } });
    return toStudyDayDto((await this.repo.find(schoolId, studyDayId))!);
  }

  /** For the budget (no access check): the school's study day costs by status and day in [from, to). */
  async budgetEntries(schoolId: string, from: string, to: string): Promise<BudgetEntry[]> {
    return (await this.repo.costsOfSchool(schoolId, from, to)).map((row) => ({ source: 'study_day', status: row.status, on: row.on_date, amountCents: Number(row.cost) }));
  }

  /** Published trainings with a step in the competence, for the school's education level and for teachers, soonest session first. */
  private async candidates(item: FocusDto, school: SchoolInfo): Promise<TrainingSummaryDto[]> {
    const level = school.educationLevel;
    const query: SearchQuery = searchQuerySchema.parse({
      competence: [item.competence],
      audience: ['teacher'],
      ...(level !== null && (trainingEducationLevels as readonly string[]).includes(level) ? { educationLevel: [level] } : {}),
      sort: 'date',
      pageSize: 100,
    });
    return (await this.deps.catalogue.search(query)).items;
  }
}

/** In the school's province, or online; anywhere when the school's province is not known. */
function reachable(training: TrainingSummaryDto, school: SchoolInfo): boolean {
  return school.province === null || training.province === null || training.province === school.province || training.nextSession?.online === true;
}

/** A team format with a next session that has room for the whole team. */
function fitsTeam(training: TrainingSummaryDto, teamSize: number): boolean {
  return (teamTrainingKinds as readonly string[]).includes(training.kind) && training.nextSession !== null && training.nextSession.seatsLeft >= teamSize;
}

function reasonOf(item: FocusDto, step: { from: string; to: string }): { nl: string; en: string } {
  return {
    nl: `${item.competence} ${item.name.nl}: de meeste leraren staan op ${item.level}; deze opleiding gaat van ${step.from} naar ${step.to}`,
    en: `${item.competence} ${item.name.en}: most teachers are at ${item.level}; this training goes from ${step.from} to ${step.to}`,
  };
}

/** A not-found of another module, named by the field of this request. */
const rethrowNotFound =
  (what: string, field: string) =>
  (error: unknown): never => {
    if (error instanceof AppError && error.id === 'not_found') throw notFound(what, field);
    throw error;
  };

export function toStudyDayDto(row: StudyDayRow): StudyDayDto {
  return {
    id: row.id,
    schoolId: row.school_id,
    date: row.on_date,
    training: { id: row.training_id, title: row.training_title },
    sessionId: row.session_id,
    campaignId: row.campaign_id,
    participants: Number(row.participants),
    pricePerPersonCents: Number(row.price_per_person_cents),
    teamPriceCents: row.team_price_cents === null ? null : Number(row.team_price_cents),
    costCents: Number(row.cost_cents),
    status: row.status,
    note: row.note,
    createdAt: row.created_at,
    cancelledAt: row.cancelled_at,
  };
}
