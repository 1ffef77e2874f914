import { z } from 'zod';
import { geometricAlpha, noiseStatement, noisyHistogram, type Uniform } from '../platform/differential-privacy';
import { type BandCode, bandCodeSchema, competenceList, type Framework, type LevelCode, levelCodeSchema } from './framework';
import { effectiveThreshold } from './privacy';

/**
 * A team's Digisnap counts and their published tables. The raw counts (`TeamCounts`) are kept
 * by the digisnap module and never leave it. A publication draws noise once for every histogram
 * (`drawNoise`, two-sided geometric noise, see shared/platform/differential-privacy.ts) and
 * stores the noisy counts; `protectTeam` turns stored noisy counts into the tables a school
 * reads. On the server the only way out is digisnap's `releaseTeamAggregate`, which calls it.
 *
 * What is published, per histogram (each respondent sits in exactly one cell, sensitivity 1):
 * the overall level, the level of every area and of every competence, and per background
 * question its answer × band table. Bands, "B or above", shares and a breakdown group's size
 * are sums and ratios of those noisy cells (post-processing: no further budget). No mean and
 * no score sum is published: from a mean and the number of respondents the sum follows, and
 * sums subtract exactly.
 */

// ---------------------------------------------------------------- raw counts (digisnap only)

export interface TeamCounts {
  respondents: number;
  overallLevels: Record<LevelCode, number>;
  areas: Array<{ number: number; levels: Record<LevelCode, number> }>;
  /** Only the levels a competence's options can give have cells. */
  competences: Array<{ code: string; levels: Partial<Record<LevelCode, number>> }>;
  /** Per background question: per answer (and `not_answered`), the respondents per overall band. */
  background: Array<{ question: string; groups: Array<{ value: string; bands: Record<BandCode, number> }> }>;
}

/** A team's counts after one publication's noise: the only counts tables are made from. */
export interface NoisyCounts {
  /** ε of each histogram when the noise was drawn. */
  epsilon: number;
  counts: TeamCounts;
}

export const NOT_ANSWERED = 'not_answered';

// ---------------------------------------------------------------- published tables (leave digisnap)

const countCellFields = {
  count: z.number().int().min(0).describe('A noisy count: the true count plus two-sided geometric noise, never below 0'),
  share: z.number().describe('Percentage of the histogram’s noisy total, one decimal'),
};
export const countCellSchema = z.object(countCellFields);
export const bandCellSchema = z.object({ band: bandCodeSchema, ...countCellFields });
export const levelCellSchema = z.object({ level: levelCodeSchema, ...countCellFields });
export type CountCell = z.infer<typeof countCellSchema>;
export type BandCell = z.infer<typeof bandCellSchema>;
export type LevelCell = z.infer<typeof levelCellSchema>;

export const noiseSchema = z
  .object({
    epsilon: z.number().describe('ε of each published histogram'),
    histograms: z.number().int().describe('Histograms with noise of their own in one publication; ε per publication is histograms × ε'),
    expectedError: z.number().describe('The mean absolute error of one count'),
    bound: z.number().int().describe('9 in 10 counts are off by at most this much'),
    confidence: z.number().describe('The share of counts within `bound` (0.9)'),
  })
  .meta({ id: 'PublicationNoise' });
export type PublicationNoise = z.infer<typeof noiseSchema>;

const distributionFields = { levels: z.array(levelCellSchema), bands: z.array(bandCellSchema), bOrAbove: countCellSchema };

export const protectedTeamSchema = z
  .object({
    threshold: z.number().int().min(5),
    respondents: z.number().int(),
    noise: noiseSchema,
    overall: z.object(distributionFields),
    areas: z.array(z.object({ number: z.number().int(), ...distributionFields })),
    competences: z.array(z.object({ code: z.string(), areaNumber: z.number().int(), ...distributionFields })),
    breakdowns: z.array(
      z.object({
        question: z.string(),
        groups: z.array(z.object({ value: z.string(), respondents: countCellSchema, bands: z.array(bandCellSchema) })),
      }),
    ),
  })
  .meta({ id: 'ProtectedTeam' });
export type ProtectedTeam = z.infer<typeof protectedTeamSchema>;

export const round1 = (value: number) => Math.round(value * 10) / 10;
const percent = (count: number, of: number) => (of === 0 ? 0 : round1((count / of) * 100));

/** Bands from "B" up: the KD norm "every teacher at least B". */
export function bandsAtLeastB(framework: Framework): BandCode[] {
  return framework.bands.slice(1).map((band) => band.code);
}

/** The levels a competence's options can give: the cells of its row (a level no option has is no group at all). */
export function levelsOfCompetence(framework: Framework, code: string): LevelCode[] {
  const competence = competenceList(framework).find((c) => c.code === code);
  const levels = new Set(competence?.item.options.map((o) => o.level));
  return framework.levels.map((l) => l.code).filter((level) => levels.has(level));
}

/** How many histograms one publication draws noise for: overall, each area, each competence, each background question. */
export function histogramsPerPublication(framework: Framework): number {
  return 1 + framework.areas.length + competenceList(framework).length + framework.background.length;
}

/** What the noise of ε per histogram means for a reader, as the report states it. */
export function publicationNoise(framework: Framework, epsilon: number): PublicationNoise {
  return { epsilon, histograms: histogramsPerPublication(framework), ...noiseStatement(epsilon) };
}

/**
 * One publication's noise: every cell of every histogram gets independent two-sided geometric
 * noise for ε per histogram, clamped at 0. The number of respondents stays exact (the group
 * threshold is checked on it, and the school knows who was asked). Called once per publication;
 * the result is stored and every read serves it again.
 */
export function drawNoise(counts: TeamCounts, framework: Framework, epsilon: number, uniform: Uniform): NoisyCounts {
  const alpha = geometricAlpha(epsilon);
  const levelCodes = framework.levels.map((l) => l.code);
  const noisyLevels = (levels: Record<LevelCode, number>) => {
    const noisy = noisyHistogram(
      levelCodes.map((level) => levels[level] ?? 0),
      alpha,
      uniform,
    );
    return Object.fromEntries(levelCodes.map((level, i) => [level, noisy[i]])) as Record<LevelCode, number>;
  };
  return {
    epsilon,
    counts: {
      respondents: counts.respondents,
      overallLevels: noisyLevels(counts.overallLevels),
      areas: counts.areas.map((area) => ({ number: area.number, levels: noisyLevels(area.levels) })),
      competences: counts.competences.map((competence) => {
        const levels = levelsOfCompetence(framework, competence.code);
        const noisy = noisyHistogram(
          levels.map((level) => competence.levels[level] ?? 0),
          alpha,
          uniform,
        );
        // A level at 0 has no cell, as in the raw counts, so stored noisy counts read back the same.
        return { code: competence.code, levels: Object.fromEntries(levels.flatMap((level, i) => (noisy[i] === 0 ? [] : [[level, noisy[i]]]))) };
      }),
      background: counts.background.map((breakdown) => {
        const cells = breakdown.groups.flatMap((group) => framework.bands.map((band) => group.bands[band.code] ?? 0));
        const noisy = noisyHistogram(cells, alpha, uniform);
        return {
          question: breakdown.question,
          groups: breakdown.groups.map((group, g) => ({
            value: group.value,
            bands: Object.fromEntries(framework.bands.map((band, b) => [band.code, noisy[g * framework.bands.length + b]])) as Record<BandCode, number>,
          })),
        };
      }),
    },
  };
}

/**
 * The team's tables from a publication's noisy counts: each histogram's cells with their share of
 * the histogram's noisy total, bands and "B or above" as sums of level cells. Throws when the team
 * is smaller than the threshold: callers check that first and answer too_few_respondents.
 */
export function protectTeam(noisy: NoisyCounts, framework: Framework, requestedThreshold: number): ProtectedTeam {
  const threshold = effectiveThreshold(requestedThreshold);
  const { counts } = noisy;
  const n = counts.respondents;
  if (n < threshold) throw new Error(`protectTeam: ${n} respondents is below the threshold ${threshold}`);
  const bPlus = new Set(bandsAtLeastB(framework));
  const areaOf = new Map(competenceList(framework).map((c) => [c.code, c.areaNumber]));

  const distribution = (levels: Partial<Record<LevelCode, number>>, shownLevels: readonly LevelCode[]) => {
    const total = shownLevels.reduce((acc, level) => acc + (levels[level] ?? 0), 0);
    const bandCount = (band: Framework['bands'][number]) => band.levels.reduce((acc, level) => acc + (levels[level] ?? 0), 0);
    const bands = framework.bands.map((band) => ({ band: band.code, count: bandCount(band), share: percent(bandCount(band), total) }));
    const above = bands.filter((b) => bPlus.has(b.band)).reduce((acc, b) => acc + b.count, 0);
    return {
      levels: shownLevels.map((level) => ({ level, count: levels[level] ?? 0, share: percent(levels[level] ?? 0, total) })),
      bands,
      bOrAbove: { count: above, share: percent(above, total) },
    };
  };
  const allLevels = framework.levels.map((l) => l.code);

  return {
    threshold,
    respondents: n,
    noise: publicationNoise(framework, noisy.epsilon),
    overall: distribution(counts.overallLevels, allLevels),
    areas: counts.areas.map((area) => ({ number: area.number, ...distribution(area.levels, allLevels) })),
    competences: counts.competences.map((competence) => ({
      code: competence.code,
      areaNumber: areaOf.get(competence.code) ?? 0,
      ...distribution(competence.levels, levelsOfCompetence(framework, competence.code)),
    })),
    breakdowns: counts.background.map((breakdown) => {
      const sizes = breakdown.groups.map((group) => framework.bands.reduce((acc, band) => acc + (group.bands[band.code] ?? 0), 0));
      const total = sizes.reduce((acc, size) => acc + size, 0);
      return {
        question: breakdown.question,
        groups: breakdown.groups.map((group, g) => ({
          value: group.value,
          respondents: { count: sizes[g], share: percent(sizes[g], total) },
          bands: framework.bands.map((band) => ({ band: band.code, count: group.bands[band.code] ?? 0, share: percent(group.bands[band.code] ?? 0, sizes[g]) })),
        })),
      };
    }),
  };
}
