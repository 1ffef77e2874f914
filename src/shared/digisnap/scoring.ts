import { z } from 'zod';
import { missingItems } from '../scan/engine';
import {
  type Area,
  type BandCode,
  bandCodeSchema,
  competenceList,
  type Framework,
  type LevelCode,
  levelCodeSchema,
  localisedTextSchema,
  maxPoints,
  maxTotal,
  questionnaireOf,
  type Threshold,
} from './framework';
import { aggregateLevels } from './level-aggregation';

/**
 * Pure scoring rules for a Digisnap scan. No I/O: server, browser and tests share them.
 * Answers map a competence code to the index of the chosen option (0 = first option).
 *
 * What the numbers of a result mean depends on the framework's rule:
 * - `level-per-statement`: a competence's `points` is the rank of its level (A1 = 0 … C2 = 5), an
 *   area's `score` the sum of its competences' ranks (`max` 5 per competence), `total` the sum of
 *   all; the levels come from the named aggregation of the competence levels, never from sums.
 * - `checkin-cutoffs`: `points` are the option's CheckIn points (0–4), `score` and `total` their sums,
 *   and the levels come from the cut-offs.
 */

export type Answers = Record<string, number>;

export const PRIORITY_COUNT = 3;

export const scanResultSchema = z.object({
  total: z.number().int(),
  maxTotal: z.number().int(),
  level: levelCodeSchema,
  band: bandCodeSchema,
  areas: z.array(
    z.object({
      number: z.number().int(),
      score: z.number().int(),
      max: z.number().int(),
      level: levelCodeSchema,
      band: bandCodeSchema,
    }),
  ),
  competences: z.array(
    z.object({
      code: z.string(),
      areaNumber: z.number().int(),
      points: z.number().int(),
      level: levelCodeSchema,
    }),
  ),
  priorities: z.array(
    z.object({
      code: z.string(),
      areaNumber: z.number().int(),
      points: z.number().int(),
      level: levelCodeSchema,
      tip: localisedTextSchema,
    }),
  ),
});

export type ScanResult = z.infer<typeof scanResultSchema>;
export type AreaResult = ScanResult['areas'][number];
export type CompetenceResult = ScanResult['competences'][number];
export type Priority = ScanResult['priorities'][number];

/** Looks a score up in a contiguous, ascending threshold table (min and max inclusive). */
export function levelForScore(thresholds: readonly Threshold[], score: number): LevelCode {
  const first = thresholds[0];
  const last = thresholds[thresholds.length - 1];
  if (!first || !last) throw new Error('levelForScore: the threshold table is empty');
  if (!Number.isFinite(score) || score < first.min || score > last.max) {
    throw new RangeError(`levelForScore: score ${score} lies outside the threshold table (${first.min}–${last.max})`);
  }
  return thresholds.findLast((threshold) => score >= threshold.min)!.level;
}

export function bandForLevel(framework: Framework, level: LevelCode): BandCode {
  const band = framework.bands.find((candidate) => candidate.levels.includes(level));
  if (!band) throw new Error(`bandForLevel: level ${level} belongs to no band in ${framework.id} ${framework.version}`);
  return band.code;
}

/**
 * No per-area cut-offs are known, so an area score is rescaled to the overall scale and
 * looked up in the overall table ("share-of-overall"); areas of 3 to 5 items stay comparable.
 */
export function levelForAreaScore(overall: readonly Threshold[], score: number, max: number): LevelCode {
  const overallMax = overall[overall.length - 1].max;
  const share = max === 0 ? 0 : score / max;
  return levelForScore(overall, Math.round(share * overallMax));
}

/** Codes of competences without a valid answer (absent, or not an index of one of its options). */
export function missingCompetences(framework: Framework, answers: Answers): string[] {
  return missingItems(questionnaireOf(framework), answers);
}

/** True exactly when `scoreAnswers` can score these answers. */
export function isComplete(framework: Framework, answers: Answers): boolean {
  return missingCompetences(framework, answers).length === 0;
}

/** Answer keys that are no competence of this framework (e.g. from another version); scoring ignores them. */
export function unknownAnswerCodes(framework: Framework, answers: Answers): string[] {
  const codes = new Set(competenceList(framework).map((competence) => competence.code));
  return Object.keys(answers).filter((code) => !codes.has(code));
}

export function scoreAnswers(framework: Framework, answers: Answers): ScanResult {
  const missing = missingCompetences(framework, answers);
  if (missing.length > 0) {
    throw new Error(`scoreAnswers: the scan is incomplete; no valid answer for ${missing.join(', ')}`);
  }
  const competences = scoreCompetences(framework, answers);
  const areas = framework.areas.map((area) => scoreArea(framework, area, competences));
  const total = sum(competences.map((competence) => competence.points));
  const scoring = framework.scoring;
  const level =
    scoring.rule === 'checkin-cutoffs'
      ? levelForScore(scoring.cutoffs, total)
      : aggregateLevels(
          scoring.aggregation,
          competences.map((c) => c.level),
          levelCodes(framework),
        );
  return {
    total,
    maxTotal: maxTotal(framework),
    level,
    band: bandForLevel(framework, level),
    areas,
    competences,
    priorities: choosePriorities(framework, competences, areas),
  };
}

function scoreCompetences(framework: Framework, answers: Answers): CompetenceResult[] {
  return competenceList(framework).map((competence) => {
    const option = competence.item.options[answers[competence.code]];
    return { code: competence.code, areaNumber: competence.areaNumber, points: option.points, level: option.level };
  });
}

function scoreArea(framework: Framework, area: Area, competences: CompetenceResult[]): AreaResult {
  const score = sum(competences.filter((competence) => competence.areaNumber === area.number).map((c) => c.points));
  const max = sum(area.competences.map(maxPoints));
  const scoring = framework.scoring;
  const level =
    scoring.rule === 'checkin-cutoffs'
      ? levelForAreaScore(scoring.cutoffs, score, max)
      : aggregateLevels(
          scoring.aggregation,
          competences.filter((competence) => competence.areaNumber === area.number).map((c) => c.level),
          levelCodes(framework),
        );
  return { number: area.number, score, max, level, band: bandForLevel(framework, level) };
}

/**
 * Lowest points first; ties go to the weaker area, measured as score / max because
 * areas have 3 to 5 items and raw sums would always point at the smallest area;
 * remaining ties keep framework order (Array.prototype.sort is stable).
 */
function choosePriorities(framework: Framework, competences: CompetenceResult[], areas: AreaResult[]): Priority[] {
  const areaShare = new Map(areas.map((area) => [area.number, area.max === 0 ? 0 : area.score / area.max]));
  const tips = new Map(competenceList(framework).map((competence) => [competence.code, competence.tips]));
  return [...competences]
    .sort((a, b) => a.points - b.points || areaShare.get(a.areaNumber)! - areaShare.get(b.areaNumber)!)
    .slice(0, PRIORITY_COUNT)
    .map((competence) => {
      const tip = tips.get(competence.code)?.[competence.level];
      if (!tip) throw new Error(`scoreAnswers: competence ${competence.code} has no tip for level ${competence.level}`);
      return { ...competence, tip };
    });
}

function levelCodes(framework: Framework): LevelCode[] {
  return framework.levels.map((level) => level.code);
}

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
