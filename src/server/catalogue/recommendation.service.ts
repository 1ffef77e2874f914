import type { LevelStep, RecommendationsDto } from '../../shared/catalogue/api';
import { type RankingCandidate, type TeacherProfileForRanking, focusCompetences, rankRecommendations, recommendationReason } from '../../shared/catalogue/recommend';
import { LEVEL_CODES, type LevelCode, findCompetence } from '../../shared/digisnap/framework';
import { AppError } from '../../shared/errors';
import type { Province } from '../../shared/platform/flanders';
import type { DigisnapService } from '../digisnap/digisnap.service';
import type { SchoolService } from '../school/school.service';
import { type Caller, requireCaller } from './catalogue.access';
import type { CatalogueRepository } from './catalogue.repository';
import type { CatalogueService } from './catalogue.service';
import type { EnrolmentRepository } from './enrolment.repository';
import { priceOf, seatsLeft } from './training-dto';

/** Candidates read from the database per request; the ranking then keeps the best `limit`. */
const CANDIDATE_LIMIT = 400;
/** A step may start this many levels above the teacher and still be worth ranking (see recommend.ts). */
const REACHABLE_ABOVE = 2;

/**
 * Trainings for a teacher from their latest Digisnap profile: the profile comes from the
 * digisnap service and the school's province from the school service; candidates are
 * narrowed in SQL to the competences worth working on, then ranked by the pure rules in
 * src/shared/catalogue/recommend.ts.
 */
export class RecommendationService {
  private readonly now: () => Date;

  constructor(
    private readonly repo: CatalogueRepository,
    private readonly enrolments: EnrolmentRepository,
    private readonly catalogue: CatalogueService,
    private readonly deps: { digisnap: DigisnapService; schools: SchoolService; now?: () => Date },
  ) {
    this.now = deps.now ?? (() => new Date());
  }

  async recommendationsFor(caller: Caller | null, limit: number): Promise<RecommendationsDto> {
    const who = requireCaller(caller);
    const profile = await this.deps.digisnap.profile(who.userId).catch((error: unknown) => {
      if (error instanceof AppError && error.id === 'not_found') {
        throw new AppError('not_found', 'No submitted Digisnap scan yet: recommendations start from your profile');
      }
      throw error;
    });
    const [provinces, excluded] = await Promise.all([this.deps.schools.provincesOfUser(who.userId), this.enrolments.engagedTrainingIds(who.userId)]);
    const teacher: TeacherProfileForRanking = {
      competences: profile.result.competences.map((c) => ({ code: c.code, level: c.level, points: c.points })),
      priorities: profile.result.priorities.map((p) => p.code),
      province: (provinces[0] ?? null) as Province | null,
      excludedTrainingIds: excluded,
    };
    const levelOf = new Map(teacher.competences.map((c) => [c.code, LEVEL_CODES.indexOf(c.level)]));
    const focus = focusCompetences(teacher).map((competence) => {
      const at = levelOf.get(competence) ?? 0;
      return {
        competence,
        above: LEVEL_CODES.slice(at + 1) as string[],
        reachable: LEVEL_CODES.slice(0, Math.min(LEVEL_CODES.length, at + REACHABLE_ABOVE + 1)) as string[],
      };
    });

    const now = this.now();
    const ids = await this.repo.recommendationCandidates({ userId: who.userId, focus, province: teacher.province, now: now.toISOString(), limit: CANDIDATE_LIMIT });
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
    const ranked = rankRecommendations(teacher, candidates, now, { limit });
    const summaries = new Map((await this.catalogue.summaries(ranked.map((r) => r.trainingId))).map((s) => [s.id, s]));
    const framework =
      this.deps.digisnap.frameworkLookup()(profile.frameworkId, profile.frameworkVersion) ?? this.deps.digisnap.currentFramework();
    return {
      basedOn: { scanId: profile.scanId, submittedAt: profile.submittedAt },
      items: ranked.map((r) => {
        const name = findCompetence(framework, r.competence)?.name ?? { nl: r.competence, en: r.competence };
        return {
          training: summaries.get(r.trainingId)!,
          competence: r.competence,
          currentLevel: r.currentLevel,
          targetLevel: r.targetLevel as LevelCode,
          reason: recommendationReason(name, r.competence, r.currentLevel, r.targetLevel),
          score: r.score,
        };
      }),
    };
  }
}
