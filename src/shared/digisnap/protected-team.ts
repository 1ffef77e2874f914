import { z } from 'zod';
import { type BandCode, bandCodeSchema, competenceList, type Framework, type LevelCode, levelCodeSchema, maxPoints, maxTotal } from './framework';
import { type CountLine, cellOf, effectiveThreshold, suppressSmallGroups } from './privacy';

/**
 * A team's Digisnap counts and their protected tables. The raw counts (`TeamCounts`) are kept
 * by the digisnap module and never leave it; `protectTeam` turns them into tables in which every
 * small group and every cell that would let one be recovered is suppressed (see privacy.ts).
 * On the server the only way out is digisnap's `releaseTeamAggregate`, which calls it.
 */

// ---------------------------------------------------------------- raw counts (digisnap only)

/** One respondent's submitted scan as the aggregate needs it: bands and levels, no identity. */
export interface TeamCounts {
  respondents: number;
  totalScoreSum: number;
  overallLevels: Record<LevelCode, number>;
  areas: Array<{ number: number; scoreSum: number; levels: Record<LevelCode, number> }>;
  competences: Array<{ code: string; levels: Partial<Record<LevelCode, { count: number; pointsSum: number }>> }>;
  /** Per background question: per answer (and `not_answered`), the respondents per overall band. */
  background: Array<{ question: string; groups: Array<{ value: string; bands: Record<BandCode, number> }> }>;
}

export const NOT_ANSWERED = 'not_answered';

// ---------------------------------------------------------------- protected tables (leave digisnap)

const countCellFields = {
  count: z.number().int().nullable().describe('null when suppressed'),
  share: z.number().nullable().describe('Percentage of the group, one decimal; null when suppressed'),
  suppressed: z.boolean().describe('Hidden to protect a group smaller than the threshold'),
};
export const countCellSchema = z.object(countCellFields);
export const bandCellSchema = z.object({ band: bandCodeSchema, ...countCellFields });
export const levelCellSchema = z.object({ level: levelCodeSchema, ...countCellFields });
export type CountCell = z.infer<typeof countCellSchema>;
export type BandCell = z.infer<typeof bandCellSchema>;
export type LevelCell = z.infer<typeof levelCellSchema>;

export const protectedTeamSchema = z
  .object({
    threshold: z.number().int().min(5),
    respondents: z.number().int(),
    meanTotal: z.number(),
    maxTotal: z.number().int(),
    overall: z.object({ bands: z.array(bandCellSchema), levels: z.array(levelCellSchema), bOrAbove: countCellSchema }),
    areas: z.array(
      z.object({
        number: z.number().int(),
        meanScore: z.number(),
        maxScore: z.number().int(),
        meanShare: z.number().describe('Mean score as a percentage of the area maximum'),
        bands: z.array(bandCellSchema),
        levels: z.array(levelCellSchema),
        bOrAbove: countCellSchema,
      }),
    ),
    competences: z.array(
      z.object({
        code: z.string(),
        areaNumber: z.number().int(),
        levels: z.array(levelCellSchema.extend({ meanPoints: z.number().nullable().describe('Average item score of the teachers at this level') })),
      }),
    ),
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
const percent = (count: number | null, of: number | null) => (count === null || of === null || of === 0 ? null : round1((count / of) * 100));

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

/**
 * Names every count of the team and the lines a reader could add or subtract along: each
 * table's rows against the number of respondents, bands against their levels, "B or above"
 * against its bands, and each breakdown's groups against the team's bands. One call to
 * `suppressSmallGroups` over all of it keeps the tables consistent with one another.
 */
function countTableOfTeam(counts: TeamCounts, framework: Framework) {
  const values: Record<string, number> = { n: counts.respondents };
  const lines: CountLine[] = [];
  const bPlus = bandsAtLeastB(framework);

  const levelTable = (prefix: string, levels: Record<LevelCode, number>) => {
    for (const level of framework.levels) values[`${prefix}.L.${level.code}`] = levels[level.code] ?? 0;
    lines.push({ total: 'n', parts: framework.levels.map((l) => `${prefix}.L.${l.code}`) });
    for (const band of framework.bands) {
      values[`${prefix}.B.${band.code}`] = band.levels.reduce((acc, level) => acc + (levels[level] ?? 0), 0);
      lines.push({ total: `${prefix}.B.${band.code}`, parts: band.levels.map((level) => `${prefix}.L.${level}`) });
    }
    lines.push({ total: 'n', parts: framework.bands.map((b) => `${prefix}.B.${b.code}`) });
    values[`${prefix}.bplus`] = bPlus.reduce((acc, band) => acc + values[`${prefix}.B.${band}`], 0);
    lines.push({ total: `${prefix}.bplus`, parts: bPlus.map((band) => `${prefix}.B.${band}`) });
    lines.push({ total: 'n', parts: [`${prefix}.B.${framework.bands[0].code}`, `${prefix}.bplus`] });
  };

  levelTable('o', counts.overallLevels);
  for (const area of counts.areas) levelTable(`a${area.number}`, area.levels);
  for (const competence of counts.competences) {
    const levels = levelsOfCompetence(framework, competence.code);
    for (const level of levels) values[`c${competence.code}.L.${level}`] = competence.levels[level]?.count ?? 0;
    lines.push({ total: 'n', parts: levels.map((level) => `c${competence.code}.L.${level}`) });
  }
  for (const breakdown of counts.background) {
    const group = (value: string) => `g.${breakdown.question}.${value}`;
    for (const { value, bands } of breakdown.groups) {
      for (const band of framework.bands) values[`${group(value)}.B.${band.code}`] = bands[band.code] ?? 0;
      values[`${group(value)}.n`] = framework.bands.reduce((acc, band) => acc + (bands[band.code] ?? 0), 0);
      lines.push({ total: `${group(value)}.n`, parts: framework.bands.map((b) => `${group(value)}.B.${b.code}`) });
    }
    lines.push({ total: 'n', parts: breakdown.groups.map((g) => `${group(g.value)}.n`) });
    for (const band of framework.bands) {
      lines.push({ total: `o.B.${band.code}`, parts: breakdown.groups.map((g) => `${group(g.value)}.B.${band.code}`) });
    }
  }
  return { counts: values, lines };
}

/**
 * The team's tables, protected: every count passes `suppressSmallGroups` (see privacy.ts) with
 * the campaign's threshold. Shares are shown only beside shown counts; averages only for a
 * whole team or a shown level. Throws when the team is smaller than the threshold: callers
 * check that first and answer too_few_respondents.
 */
export function protectTeam(counts: TeamCounts, framework: Framework, requestedThreshold: number): ProtectedTeam {
  const threshold = effectiveThreshold(requestedThreshold);
  const n = counts.respondents;
  if (n < threshold) throw new Error(`protectTeam: ${n} respondents is below the threshold ${threshold}`);
  const shown = suppressSmallGroups(countTableOfTeam(counts, framework), threshold);
  const cell = (id: string, of: number | null = n): CountCell => {
    const { count, suppressed } = cellOf(shown, id);
    return { count, share: percent(count, of), suppressed };
  };
  const bands = (prefix: string, of: number | null = n): BandCell[] => framework.bands.map((band) => ({ band: band.code, ...cell(`${prefix}.B.${band.code}`, of) }));
  const levels = (prefix: string): LevelCell[] => framework.levels.map((level) => ({ level: level.code, ...cell(`${prefix}.L.${level.code}`) }));
  const areaMax = new Map(framework.areas.map((area) => [area.number, area.competences.reduce((acc, c) => acc + maxPoints(c), 0)]));
  const areaOf = new Map(competenceList(framework).map((c) => [c.code, c.areaNumber]));

  return {
    threshold,
    respondents: n,
    meanTotal: round1(counts.totalScoreSum / n),
    maxTotal: maxTotal(framework),
    overall: { bands: bands('o'), levels: levels('o'), bOrAbove: cell('o.bplus') },
    areas: counts.areas.map((area) => {
      const max = areaMax.get(area.number) ?? 0;
      return {
        number: area.number,
        meanScore: round1(area.scoreSum / n),
        maxScore: max,
        meanShare: max === 0 ? 0 : round1((area.scoreSum / (n * max)) * 100),
        bands: bands(`a${area.number}`),
        levels: levels(`a${area.number}`),
        bOrAbove: cell(`a${area.number}.bplus`),
      };
    }),
    competences: counts.competences.map((competence) => ({
      code: competence.code,
      areaNumber: areaOf.get(competence.code) ?? 0,
      levels: levelsOfCompetence(framework, competence.code).map((level) => {
        const levelCell = cell(`c${competence.code}.L.${level}`);
        const raw = competence.levels[level];
        const meanPoints = levelCell.suppressed || !raw || raw.count === 0 ? null : round1(raw.pointsSum / raw.count);
        return { level, ...levelCell, meanPoints };
      }),
    })),
    breakdowns: counts.background.map((breakdown) => ({
      question: breakdown.question,
      groups: breakdown.groups.map(({ value }) => {
        const prefix = `g.${breakdown.question}.${value}`;
        const respondents = cell(`${prefix}.n`);
        return { value, respondents, bands: bands(prefix, respondents.count) };
      }),
    })),
  };
}
