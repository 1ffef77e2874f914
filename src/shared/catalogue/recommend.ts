import { LEVEL_CODES, type LevelCode, type LocalisedText } from '../digisnap/framework';
import type { Province } from '../platform/flanders';
import type { LevelStep, trainingKinds } from './api';

/**
 * Training recommendations for one teacher: a pure ranking of candidate trainings against
 * the teacher's latest Digisnap profile. No I/O, no clock: the caller passes `now`, so the
 * server, the browser and the property tests all get the same answer for the same input.
 */

type TrainingKind = (typeof trainingKinds)[number];

export interface TeacherProfileForRanking {
  competences: Array<{ code: string; level: LevelCode; points: number }>; // from the latest ScanResult
  priorities: string[]; // competence codes of ScanResult.priorities, in order
  province: Province | null; // the province of the teacher's school, if known
  excludedTrainingIds: ReadonlySet<string>; // completed, enrolled or waitlisted
}

export interface RankingCandidate {
  trainingId: string;
  kind: TrainingKind; // 'self_paced' and 'learning_resource' need no session
  levelSteps: LevelStep[];
  province: Province | null; // null when online only
  priceEuro: number;
  sessions: Array<{
    id: string;
    startsAt: string;
    enrolmentDeadline: string;
    online: boolean;
    seatsLeft: number;
    /** Date.parse of startsAt and of enrolmentDeadline, when the caller keeps them (a server holding the catalogue). */
    startsAtMs?: number;
    enrolmentDeadlineMs?: number;
  }>;
}

export interface RankedRecommendation {
  trainingId: string;
  competence: string;
  currentLevel: LevelCode;
  targetLevel: LevelCode;
  sessionId: string | null;
  score: number;
}

export const DEFAULT_RECOMMENDATION_LIMIT = 10;
export const DEFAULT_FOCUS_COUNT = 6;

/** Kinds that are available at any time; every other kind needs a usable session. */
export const SESSIONLESS_KINDS: ReadonlySet<TrainingKind> = new Set<TrainingKind>(['self_paced', 'learning_resource']);

/** Provinces that share a border, for "not in your province, but close by". */
const NEIGHBOURS: Record<Province, readonly Province[]> = {
  antwerpen: ['limburg', 'vlaams-brabant', 'oost-vlaanderen'],
  limburg: ['antwerpen', 'vlaams-brabant'],
  'oost-vlaanderen': ['antwerpen', 'vlaams-brabant', 'west-vlaanderen'],
  'vlaams-brabant': ['antwerpen', 'limburg', 'oost-vlaanderen', 'brussel'],
  'west-vlaanderen': ['oost-vlaanderen'],
  brussel: ['vlaams-brabant'],
};

/*
 * The score, and why it is built this way:
 *
 *   score = 10 × match + availability        match 3..27 (integer), availability 0..6
 *
 * Because availability stays below 10 and match is an integer, the score is lexicographic:
 * match quality always decides first, availability only separates equally good matches, as
 * the issue asks. A teacher cannot use a wonderful session for a training that does not fit.
 *
 * match = fit + need
 *   fit: how well the step starts where the teacher is. Starting exactly at the teacher's
 *   level is what a teacher can follow and gains most from (16). A step from one level below
 *   still raises the teacher but repeats known ground (10); one level above skips a stage the
 *   teacher has not reached (8); further away either way is worth little (5, 3, 2). Steps that
 *   end at or below the teacher's level teach nothing new, and steps starting three or more
 *   levels above are out of reach: both are never recommended. Step size is deliberately not
 *   scored, so a two-level step is as good as a one-level step from the same starting point.
 *   need: how much the teacher needs this competence. Scan priorities come first (6, 5, 4 …,
 *   never below 2) because the scan chose them for this teacher; on top of that, the lower the
 *   level the larger the need (A1 = 5 … C1 = 1), so a weak competence that is not a priority
 *   still beats a strong one at the same fit.
 *
 * availability = place + seats
 *   place: online sessions, self-paced work and sessions in the teacher's province cost no
 *   travel (4); a neighbouring province or an unknown school province is a maybe (2); far
 *   away is 0. seats: a free seat (2) beats a waiting list (0), which is still worth offering.
 *
 * Trainings that need a session and have no usable one (started, or past the enrolment
 * deadline) are dropped, never just scored low: a teacher cannot act on them. Ties go to the
 * earlier session (self-paced counts as "now"), then the lower price, then the trainingId, so
 * the order never depends on the order of the candidates.
 */
const FIT_BY_GAP = new Map<number, number>([
  [0, 16],
  [-1, 10],
  [1, 8],
  [-2, 5],
  [2, 3],
]);
const FIT_FAR_BELOW = 2;
/** A step may start at most this many levels above the teacher; the server pre-filters with the same bound. */
export const REACHABLE_LEVELS_ABOVE = 2;
const MATCH_WEIGHT = 10;
const NOT_A_PRIORITY = Number.MAX_SAFE_INTEGER;

function levelIndex(level: LevelCode): number {
  return LEVEL_CODES.indexOf(level);
}

function fitForGap(gap: number): number | null {
  if (gap > REACHABLE_LEVELS_ABOVE) return null;
  return FIT_BY_GAP.get(gap) ?? FIT_FAR_BELOW;
}

function priorityBonus(position: number): number {
  return position < 0 ? 0 : Math.max(2, 6 - position);
}

interface CompetenceNeed {
  level: LevelCode;
  index: number;
  points: number;
  need: number;
  priority: number; // position in priorities, or NOT_A_PRIORITY
}

function needsOf(profile: TeacherProfileForRanking): Map<string, CompetenceNeed> {
  const priorityPosition = new Map<string, number>();
  profile.priorities.forEach((code, position) => {
    if (!priorityPosition.has(code)) priorityPosition.set(code, position);
  });
  const needs = new Map<string, CompetenceNeed>();
  for (const competence of profile.competences) {
    const index = levelIndex(competence.level);
    if (index < 0 || needs.has(competence.code)) continue;
    const position = priorityPosition.get(competence.code) ?? -1;
    needs.set(competence.code, {
      level: competence.level,
      index,
      points: competence.points,
      need: priorityBonus(position) + (LEVEL_CODES.length - 1 - index),
      priority: position < 0 ? NOT_A_PRIORITY : position,
    });
  }
  return needs;
}

interface StepMatch {
  match: number;
  competence: string;
  current: LevelCode;
  target: LevelCode;
  priority: number;
}

/** The best-matching step of a training for this teacher, or null when no step helps. */
function bestStep(steps: readonly LevelStep[], needs: Map<string, CompetenceNeed>): StepMatch | null {
  let best: StepMatch | null = null;
  for (const step of steps) {
    const need = needs.get(step.competence);
    if (!need) continue;
    const from = levelIndex(step.from);
    const to = levelIndex(step.to);
    if (from < 0 || to <= need.index) continue; // nothing new to learn
    const fit = fitForGap(from - need.index);
    if (fit === null) continue;
    const candidate: StepMatch = { match: fit + need.need, competence: step.competence, current: need.level, target: step.to, priority: need.priority };
    if (!best || compareStep(candidate, best) < 0) best = candidate;
  }
  return best;
}

/** Higher match first, then the more urgent priority, then the competence code, then the nearer target. */
function compareStep(a: StepMatch, b: StepMatch): number {
  return b.match - a.match || a.priority - b.priority || compareCodes(a.competence, b.competence) || levelIndex(a.target) - levelIndex(b.target);
}

function compareCodes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function placeScore(online: boolean, trainingProvince: Province | null, teacherProvince: Province | null): number {
  if (online || trainingProvince === null) return 4;
  if (teacherProvince === null) return 2;
  if (trainingProvince === teacherProvince) return 4;
  return NEIGHBOURS[teacherProvince]?.includes(trainingProvince) ? 2 : 0;
}

interface SessionChoice {
  id: string | null;
  startsAt: number; // `now` for trainings that can start any time
  availability: number;
}

/** The best usable session (open for enrolment, nearest, with seats, earliest), or null. */
function bestSession(candidate: RankingCandidate, teacherProvince: Province | null, now: number): SessionChoice | null {
  if (SESSIONLESS_KINDS.has(candidate.kind)) return { id: null, startsAt: now, availability: 6 };
  let best: SessionChoice | null = null;
  for (const session of candidate.sessions) {
    const startsAt = session.startsAtMs ?? Date.parse(session.startsAt);
    const deadline = session.enrolmentDeadlineMs ?? Date.parse(session.enrolmentDeadline);
    if (!(startsAt > now) || !(deadline > now)) continue; // NaN fails too
    const availability = placeScore(session.online, candidate.province, teacherProvince) + (session.seatsLeft > 0 ? 2 : 0);
    const choice: SessionChoice = { id: session.id, startsAt, availability };
    if (
      !best ||
      availability > best.availability ||
      (availability === best.availability && (startsAt < best.startsAt || (startsAt === best.startsAt && compareCodes(session.id, best.id!) < 0)))
    ) {
      best = choice;
    }
  }
  return best;
}

interface Scored {
  recommendation: RankedRecommendation;
  startsAt: number;
  price: number;
}

function compareScored(a: Scored, b: Scored): number {
  return b.recommendation.score - a.recommendation.score || a.startsAt - b.startsAt || a.price - b.price || compareCodes(a.recommendation.trainingId, b.recommendation.trainingId);
}

/** A candidate with its best step scored with its best usable session, or null when it has none. */
function scoredOf(candidate: RankingCandidate, step: StepMatch, teacherProvince: Province | null, nowMs: number): Scored | null {
  const session = bestSession(candidate, teacherProvince, nowMs);
  if (!session) return null;
  return {
    recommendation: {
      trainingId: candidate.trainingId,
      competence: step.competence,
      currentLevel: step.current,
      targetLevel: step.target,
      sessionId: session.id,
      score: MATCH_WEIGHT * step.match + session.availability,
    },
    startsAt: session.startsAt,
    price: candidate.priceEuro,
  };
}

/**
 * Ranks candidate trainings for a teacher: at most `limit` (default 10), each training once with
 * its best-matching step and best usable session, best first. The best training of each scan
 * priority is always listed (the first `limit` priorities' when the limit is smaller), the
 * rest by score: a priority's trainings never crowd out another's. See the score above.
 */
export function rankRecommendations(profile: TeacherProfileForRanking, candidates: readonly RankingCandidate[], now: Date, options: { limit?: number } = {}): RankedRecommendation[] {
  const ranking = recommendationRanking(profile, now);
  for (const candidate of candidates) ranking.offer(candidate);
  return ranking.top(options.limit);
}

/**
 * rankRecommendations one candidate at a time, for a server that merges candidates best match
 * first and stops once the ranking is settled: `offer` scores a candidate and says whether the
 * ranking lists it at all (wherever it ranks: it is not excluded, a step raises the teacher, and
 * it needs no session or has a usable one); `top` is what rankRecommendations gives of every
 * candidate offered so far; `settled(limit, below)` says that no candidate whose best match is
 * below `below` can change `top(limit)`: `limit` are listed and every priority without a
 * training yet has no step left that low. Once `limit` are listed, a merge needs only the lists
 * of priorities without a training (`wanted`): any other candidate still to come ranks below them.
 */
export function recommendationRanking(
  profile: TeacherProfileForRanking,
  now: Date,
): {
  offer(candidate: RankingCandidate): boolean;
  top(limit?: number): RankedRecommendation[];
  wanted(limit: number, competence: string): boolean;
  settled(limit: number, below: number): boolean;
} {
  const nowMs = now.getTime();
  const needs = needsOf(profile);
  const byTraining = new Map<string, Scored>();
  // The scan's priorities in order, C2 left out (nothing raises it), and how many listed trainings each has.
  const priorities = [...needs.entries()].filter(([, need]) => need.priority !== NOT_A_PRIORITY && need.index < LEVEL_CODES.length - 1).sort(([, a], [, b]) => a.priority - b.priority);
  const listedFor = new Map<string, number>();
  const count = (code: string, by: number) => listedFor.set(code, (listedFor.get(code) ?? 0) + by);
  return {
    offer(candidate) {
      if (profile.excludedTrainingIds.has(candidate.trainingId)) return false;
      const step = bestStep(candidate.levelSteps, needs);
      const scored = step && scoredOf(candidate, step, profile.province, nowMs);
      if (!scored) return false;
      const previous = byTraining.get(candidate.trainingId);
      if (!previous || compareScored(scored, previous) < 0) {
        if (previous) count(previous.recommendation.competence, -1);
        count(scored.recommendation.competence, 1);
        byTraining.set(candidate.trainingId, scored);
      }
      return true;
    },
    top(limit = DEFAULT_RECOMMENDATION_LIMIT) {
      const wanted = Math.max(0, Math.floor(limit));
      if (wanted === 0) return [];
      const all = [...byTraining.values()].sort(compareScored);
      const kept = priorities.flatMap(([code]) => all.find((scored) => scored.recommendation.competence === code) ?? []).slice(0, wanted);
      const rest = all.filter((scored) => !kept.includes(scored)).slice(0, wanted - kept.length);
      return [...kept, ...rest].sort(compareScored).map((scored) => scored.recommendation);
    },
    wanted(limit, competence) {
      return byTraining.size < limit || ((listedFor.get(competence) ?? 0) === 0 && priorities.some(([code]) => code === competence));
    },
    settled(limit, below) {
      if (byTraining.size < limit) return false;
      return priorities.every(([code, need]) => (listedFor.get(code) ?? 0) > 0 || FIT_FAR_BELOW + need.need >= below);
    },
  };
}

/**
 * Which list a step falls in for a teacher at level index `teacherLevel` in the step's
 * competence: its fit (see the score above), or null when it cannot raise the teacher (it ends at
 * or below the teacher's level, or starts out of reach). A server may keep, per competence and
 * teacher level, a list of trainings per fit; a teacher's candidates are then a merge of those
 * lists in the order `matchLists` gives.
 */
export function stepFit(step: LevelStep, teacherLevel: number): number | null {
  const from = levelIndex(step.from);
  const to = levelIndex(step.to);
  if (from < 0 || to <= teacherLevel) return null;
  return fitForGap(from - teacherLevel);
}

/** Every fit a step can have, best first. */
export const STEP_FITS: readonly number[] = [...new Set([...FIT_BY_GAP.values(), FIT_FAR_BELOW])].sort((a, b) => b - a);

type MatchList = { competence: string; level: number; fit: number; match: number };

/**
 * For a teacher, the lists (competence at the teacher's level there, fit) with the match a step
 * in that list earns, best match first: a training's match (what decides its rank before
 * availability) is the match of the first list it is found in.
 */
export function matchLists(profile: TeacherProfileForRanking): MatchList[] {
  // By match, a small non-negative integer, each in the order found: a stable sort, without comparing.
  const byMatch: Array<MatchList[] | undefined> = [];
  for (const [competence, need] of needsOf(profile)) {
    if (need.index >= LEVEL_CODES.length - 1) continue;
    for (const fit of STEP_FITS) {
      const match = fit + need.need;
      (byMatch[match] ??= []).push({ competence, level: need.index, fit, match });
    }
  }
  const lists: MatchList[] = [];
  for (let match = byMatch.length - 1; match >= 0; match -= 1) for (const list of byMatch[match] ?? []) lists.push(list);
  return lists;
}

/** "3.1 Lesgeven: je zit nu op A2; deze opleiding brengt je naar B1." and its English twin. */
export function recommendationReason(competenceName: LocalisedText, code: string, current: LevelCode, target: LevelCode): LocalisedText {
  return {
    nl: `${code} ${competenceName.nl}: je zit nu op ${current}; deze opleiding brengt je naar ${target}.`,
    en: `${code} ${competenceName.en}: you are at ${current}; this training takes you to ${target}.`,
  };
}

/**
 * The competence codes worth searching candidates for: the scan's priorities first, then the
 * other competences from the lowest level (and fewest points) up, framework order on ties.
 * Competences at C2 are left out: no training can take a teacher higher.
 */
export function focusCompetences(profile: TeacherProfileForRanking, count: number = DEFAULT_FOCUS_COUNT): string[] {
  const needs = needsOf(profile);
  const top = LEVEL_CODES.length - 1;
  const order = [...needs.entries()]
    .filter(([, need]) => need.index < top)
    .map(([code, need], position) => ({ code, need, position }))
    .sort((a, b) => a.need.priority - b.need.priority || a.need.index - b.need.index || a.need.points - b.need.points || a.position - b.position);
  return order.slice(0, Math.max(0, Math.floor(count))).map((entry) => entry.code);
}
