import type { SearchQuery, TrainingDto, TrainingSummaryDto } from '../../shared/catalogue/api';
import type { FollowUpStep } from '../../shared/centre/follow-up-steps';
import type { Framework } from '../../shared/digisnap/framework';
import type { ComparisonGroup, ComparisonPart, ComparisonRequest, PublishedTeam, TeamMember, TeamSource, TeamState } from '../../shared/digisnap/team-aggregates';
import type { BoardFundingSummary } from '../../shared/infra/funding-api';
import type { BoardInfraIndicators } from '../../shared/infra/indicator-api';
import type { LocalisedText } from '../../shared/platform/text';
import type { IctParkPolicyFacts } from '../../shared/school/policy-plan/ict-park-actions';
import type { GoalStemFigure } from '../../shared/school/policy-plan/policy-plan';

/**
 * What the school asks of Digisnap for its campaigns and team reports: frameworks, and the team
 * aggregates, which come back as numbers and protected tables only.
 */
export interface DigisnapAggregates {
  currentFramework(): Framework;
  frameworkLookup(): (id: string, version: string) => Framework | undefined;
  hasFramework(frameworkId: string, version: string): boolean;
  teamState(source: TeamSource): Promise<TeamState>;
  publishTeamIfDue(source: TeamSource, threshold: number, part?: ComparisonPart): Promise<PublishedTeam | null>;
  publishedTeam(source: TeamSource, threshold: number): Promise<PublishedTeam | null>;
  liveRespondentKeys(source: TeamSource): Promise<string[]>;
  teamComparisons(request: ComparisonRequest): Promise<{ all: ComparisonGroup | null; level: ComparisonGroup | null }>;
  /** Who of these members began and who submitted a scan in the window (after joining), as counts (ids only of those who did not submit, for reminders). */
  teamParticipation(
    team: readonly TeamMember[],
    window: { from: string; to: string; frameworkId: string; frameworkVersion: string },
  ): Promise<{ invited: number; started: number; completed: number; notCompletedIds: string[] }>;
}

/** What the school's training plan asks of the catalogue: published trainings, as anyone sees them. */
export interface TrainingOffer {
  /** A training anyone may see; not_found otherwise. */
  publicTraining(trainingId: string): Promise<TrainingDto>;
  /** The search's page with each training's whole summary (the API answers shorter list items). */
  search(query: SearchQuery): Promise<{ items: TrainingSummaryDto[] }>;
}

/** One enrolment or completion's price, without whose it is. */
export interface StaffTrainingCost {
  kind: 'enrolment' | 'completion';
  status: 'enrolled' | 'waitlisted' | 'cancelled' | 'completed';
  on: string;
  amountCents: number;
}

/** What the school's training budget asks of the catalogue: what its staff's trainings cost, as sums. */
export interface StaffTrainingCosts {
  priceSumsOfUsers(userIds: readonly string[], from: string, to: string): Promise<StaffTrainingCost[]>;
}

/** What the cyber check and the policy plan ask of the ICT park: counts and sums only. */
export interface IctParkFacts {
  cyberFacts(schoolId: string): Promise<{ devices: number; complete: number; leftSchool: number; sanitised: number }>;
  /** The facts behind the park's suggested actions, under the park's access rules (403 or 404 for a caller who may not read it). */
  policyFacts(userId: string, schoolId: string): Promise<IctParkPolicyFacts>;
}

/** What the board overview asks of the ICT park: the board's figures per school, under the park's own access rules. */
export interface BoardParkFigures {
  indicators(userId: string, boardId: string): Promise<BoardInfraIndicators>;
  /** The Digisprong funding of the board's schools. */
  funding(userId: string, boardId: string): Promise<BoardFundingSummary>;
  /** The same two for a platform admin's support read: the board's schools as the school module read them, no access check. */
  indicatorsOf(boardId: string, schools: ReadonlyArray<{ id: string; name: string }>): Promise<BoardInfraIndicators>;
  fundingOf(schools: ReadonlyArray<{ id: string; name: string }>): Promise<BoardFundingSummary>;
}

/** What the policy plan asks of the STEM monitor: the public figures a goal may point at, never its counts. */
export interface StemFigures {
  /** The indicators a goal may name. */
  indicators(): Array<{ id: string; name: LocalisedText }>;
  /** The indicator's latest value for the province (null: none) and for Flanders; null for an indicator the monitor does not know. */
  latestFor(indicator: string, province: string | null): Promise<GoalStemFigure | null>;
}

/** What the checklist after a round asks of the knowledge centre: its steps now. */
export interface FollowUpSteps {
  current(): Promise<{ version: number; steps: FollowUpStep[] }>;
}

/** Everything the school module needs from other modules; the app wires it. */
export interface SchoolNeeds {
  digisnap: DigisnapAggregates;
  trainings: TrainingOffer;
  trainingCosts: StaffTrainingCosts;
  ictPark: IctParkFacts;
  boardPark: BoardParkFigures;
  stem: StemFigures;
  followUpSteps: FollowUpSteps;
}
