import type { LevelStep, RecommendationsDto, TrainingSummaryDto } from '../../shared/catalogue/api';
import {
  focusCompetences,
  matchLists,
  type RankedRecommendation,
  type RankingCandidate,
  REACHABLE_LEVELS_ABOVE,
  rankRecommendations,
  recommendationRanking,
  recommendationReason,
  type TeacherProfileForRanking,
} from '../../shared/catalogue/recommend';
import { type Framework, findCompetence, LEVEL_CODES, type LevelCode } from '../../shared/digisnap/framework';
import { AppError } from '../../shared/errors';
import type { Province } from '../../shared/platform/flanders';
import { type Caller, requireCaller } from './catalogue.access';
import type { CompetenceProfiles, SchoolsOfUsers } from './catalogue.needs';
import type { CatalogueRepository } from './catalogue.repository';
import type { CatalogueService } from './catalogue.service';
import type { RecommendationCatalogue } from './catalogue.snapshot';
import type { EnrolmentRepository } from './enrolment.repository';
import { priceOf, seatsLeft } from './training-dto';

/**
 * A training's summary with its next session now: read from the database (`kept`; `nextSession`
 * goes where it has it) or kept in memory as JSON without its next session and closing brace
 * (`head`; `nextSession` goes last, the contract's order).
 */
type Summary = { kept: Omit<TrainingSummaryDto, 'nextSession'>; nextSession: TrainingSummaryDto['nextSession'] } | { head: string; nextSession: TrainingSummaryDto['nextSession'] };

const summaryObject = (summary: Summary): TrainingSummaryDto =>
  'head' in summary
    ? { ...(JSON.parse(`${summary.head}}`) as Omit<TrainingSummaryDto, 'nextSession'>), nextSession: summary.nextSession }
    : { ...summary.kept, nextSession: summary.nextSession };

const reasonOf = (framework: Framework, r: RankedRecommendation) =>
  recommendationReason(findCompetence(framework, r.competence)?.name ?? { nl: r.competence, en: r.competence }, r.competence, r.currentLevel, r.targetLevel);

type Focus = Array<{ competence: string; above: string[]; reachable: string[] }>;

/** Candidates selected per request (in memory, or in SQL); the ranking then keeps the best `limit`. */
const CANDIDATE_LIMIT = 400;

/**
 * Trainings for a teacher from their latest Digisnap profile: the profile comes from the
 * digisnap service and the school's province from the school service; candidates are
 * narrowed to the competences worth working on, then ranked by the pure rules in
 * src/shared/catalogue/recommend.ts. The narrowing runs on the catalogue kept in memory
 * (RecommendationCatalogue), or in SQL when the catalogue's read cache is off; both select the
 * same candidates in the same order.
 */
export class RecommendationService {
  private readonly now: () => Date;
  /** What recommendations read of the catalogue, kept in memory; undefined when the catalogue's read cache is off. */
  private readonly catalogueInMemory: RecommendationCatalogue | undefined;
  /**
   * Per framework (loaded once, never changed), a recommendation's fields but the training and
   * the score as JSON, by competence, current and target level: at most 22 × 6 × 6 per framework.
   */
  private readonly stepTexts = new WeakMap<Framework, Map<string, string>>();

  constructor(
    private readonly repo: CatalogueRepository,
    private readonly enrolments: EnrolmentRepository,
    private readonly catalogue: CatalogueService,
    private readonly deps: { digisnap: CompetenceProfiles; schools: SchoolsOfUsers; now?: () => Date },
  ) {
    this.now = deps.now ?? (() => new Date());
    if (catalogue.readCacheSeconds > 0) this.catalogueInMemory = catalogue.inMemory;
  }

  async recommendationsFor(caller: Caller | null, limit: number): Promise<RecommendationsDto> {
    return this.recommendationsForUser(requireCaller(caller).userId, limit);
  }

  /** For a signed-in teacher by id: all a recommendation needs of the caller (no roles or providers). */
  async recommendationsForUser(userId: string, limit: number): Promise<RecommendationsDto> {
    const { basedOn, framework, items } = await this.recommend(userId, limit);
    return {
      basedOn,
      items: items.map(({ ranked: r, summary }) => ({
        training: summaryObject(summary),
        competence: r.competence,
        currentLevel: r.currentLevel,
        targetLevel: r.targetLevel as LevelCode,
        reason: reasonOf(framework, r),
        score: r.score,
      })),
    };
  }

  /**
   * The same answer as recommendationsForUser, as the JSON text JSON.stringify gives of it, built
   * from each training's summary text kept with the catalogue in memory and each step's fields
   * kept per framework: only the next session and the score are written per request.
   */
  async recommendationsJsonForUser(userId: string, limit: number): Promise<string> {
    const { basedOn, framework, items } = await this.recommend(userId, limit);
    let texts = this.stepTexts.get(framework);
    if (!texts) this.stepTexts.set(framework, (texts = new Map()));
    const parts = items.map(({ ranked: r, summary }) => {
      const training = 'head' in summary ? `${summary.head},"nextSession":${JSON.stringify(summary.nextSession)}}` : JSON.stringify(summaryObject(summary));
      const key = `${r.competence} ${r.currentLevel} ${r.targetLevel}`;
      let step = texts.get(key);
      if (step === undefined) {
        // The recommendation's own fields, in the contract's order after `training`.
        const fields = { competence: r.competence, currentLevel: r.currentLevel, targetLevel: r.targetLevel, reason: reasonOf(framework, r) };
        texts.set(key, (step = JSON.stringify(fields).slice(1, -1)));
      }
      return `{"training":${training},${step},"score":${r.score}}`;
    });
    return `{"basedOn":${JSON.stringify(basedOn)},"items":[${parts.join(',')}]}`;
  }

  private async recommend(userId: string, limit: number) {
    // The three reads at once: on PostgreSQL one round trip's wait instead of two.
    const [profile, provinces, excluded] = await Promise.all([
      this.deps.digisnap.profileRanking(userId).catch((error: unknown) => {
        if (error instanceof AppError && error.id === 'not_found') {
          throw new AppError('not_found', 'No submitted Digisnap scan yet: recommendations start from your profile');
        }
        throw error;
      }),
      this.deps.schools.provincesOfUser(userId),
      this.enrolments.engagedTrainingIds(userId),
    ]);
    const teacher: TeacherProfileForRanking = {
      competences: profile.competences,
      priorities: profile.priorities,
      province: (provinces[0] ?? null) as Province | null,
      excludedTrainingIds: excluded,
    };
    const levelOf = new Map(teacher.competences.map((c) => [c.code, LEVEL_CODES.indexOf(c.level)]));
    const focus = focusCompetences(teacher).map((competence) => {
      const at = levelOf.get(competence) ?? 0;
      return {
        competence,
        above: LEVEL_CODES.slice(at + 1) as string[],
        reachable: LEVEL_CODES.slice(0, Math.min(LEVEL_CODES.length, at + REACHABLE_LEVELS_ABOVE + 1)) as string[],
      };
    });

    const now = this.now();
    const { ranked, summaries } = this.catalogueInMemory
      ? await this.rankFromMemory(this.catalogueInMemory, teacher, focus, now, limit)
      : await this.rankFromDatabase(userId, teacher, focus, now, limit);
    const framework = this.deps.digisnap.frameworkLookup()(profile.frameworkId, profile.frameworkVersion) ?? this.deps.digisnap.currentFramework();
    return {
      basedOn: { scanId: profile.scanId, submittedAt: profile.submittedAt },
      framework,
      items: ranked.map((r) => ({ ranked: r, summary: summaries.get(r.trainingId)! })),
    };
  }

  /**
   * Candidates, ranking and summaries from the catalogue kept in memory: of the candidates the
   * SQL below selects, only those in the teacher's best match lists are ranked (see
   * Snapshot.topCandidates), which gives the ranking of them all; summaries as
   * catalogue.summaries builds them (kept per training) with the next session and its seats as
   * they are now.
   */
  private async rankFromMemory(catalogue: RecommendationCatalogue, teacher: TeacherProfileForRanking, focus: Focus, now: Date, limit: number) {
    const snapshot = await catalogue.snapshot();
    const at = now.toISOString();
    // Each chosen training is scored once, as it is chosen; the merge stops once the ranking is
    // settled (see recommendationRanking): `limit` listed and every priority served or past its lists.
    const ranking = recommendationRanking(teacher, now);
    let offered = 0;
    snapshot.topCandidates(
      { focus, province: teacher.province, excluded: teacher.excludedTrainingIds, now: at, limit: CANDIDATE_LIMIT },
      matchLists(teacher),
      (soFar, below) => {
        for (; offered < soFar.length; offered += 1) ranking.offer(snapshot.rankingCandidate(soFar[offered], at));
        return ranking.settled(limit, below);
      },
      (competence) => ranking.wanted(limit, competence),
    );
    const ranked = ranking.top(limit);
    const trainings = ranked.map((r) => snapshot.training(r.trainingId)!);
    // Heads are written when the snapshot is read; a training published meanwhile gets its own here.
    const missing = trainings.filter((training) => training.head < 0);
    if (missing.length > 0) {
      for (const summary of await this.catalogue.summaries(missing.map((training) => training.id))) {
        const { nextSession: _live, ...kept } = summary;
        snapshot.keepSummary(kept);
      }
    }
    const summaryNow = this.catalogue.nowIso();
    const summaries = new Map<string, Summary>();
    for (const training of trainings) {
      const head = snapshot.summaryHead(training);
      if (head === undefined) continue;
      summaries.set(training.id, { head, nextSession: snapshot.nextSession(training, summaryNow) });
    }
    return { ranked, summaries };
  }

  /** Candidates selected in SQL and read per request: when nothing may be kept in memory (SEARCH_CACHE_SECONDS=0). */
  private async rankFromDatabase(userId: string, teacher: TeacherProfileForRanking, focus: Focus, now: Date, limit: number) {
    const ids = await this.repo.recommendationCandidates({ userId, focus, province: teacher.province, now: now.toISOString(), limit: CANDIDATE_LIMIT });
    const [rows, steps, sessions] = await Promise.all([this.repo.trainingsByIds(ids), this.repo.levelStepsOf(ids), this.repo.nextSessionsOfAll(ids, now.toISOString())]);
    const candidates: RankingCandidate[] = rows.map((row) => ({
      trainingId: row.id,
      kind: row.kind as RankingCandidate['kind'],
      levelSteps: steps.get(row.id) ?? ([] as LevelStep[]),
      province: row.province as Province | null,
      priceEuro: priceOf(row),
      sessions: (sessions.get(row.id) ?? []).map((s) => ({
        id: s.id,
        startsAt: s.starts_at,
        enrolmentDeadline: s.enrolment_deadline,
        online: Number(s.online) === 1,
        seatsLeft: seatsLeft(s),
      })),
    }));
    // The full ranking, the rules' one definition: the in-memory path must give the same.
    const ranked = rankRecommendations(teacher, candidates, now, { limit });
    const summaries = new Map<string, Summary>(
      (await this.catalogue.summaries(ranked.map((r) => r.trainingId))).map((summary) => [summary.id, { kept: summary, nextSession: summary.nextSession }]),
    );
    return { ranked, summaries };
  }
}
