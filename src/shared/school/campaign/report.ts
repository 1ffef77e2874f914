import { z } from 'zod';
import {
  type BandCode,
  type Framework,
  type LevelCode,
  bandCodeSchema,
  competenceList,
  levelCodeSchema,
  localisedTextSchema,
  maxPoints,
  maxTotal,
} from '../../digisnap/framework';
import { type CountLine, cellOf, effectiveThreshold, suppressSmallGroups } from '../../digisnap/privacy';

/**
 * The Digisnap team report (KD's *directierapport*): what a school's leadership sees of its
 * team. Two steps, both pure. `protectTeam` turns a team's raw counts into protected tables;
 * it runs inside the digisnap module, so raw counts never leave it. `buildSchoolReport` adds
 * what leadership reads from those tables: the KD norms, a priority area, growth since the
 * previous campaign and the comparison with other schools; it sees protected tables only.
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

const round1 = (value: number) => Math.round(value * 10) / 10;
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
  const bands = (prefix: string, of: number | null = n): BandCell[] =>
    framework.bands.map((band) => ({ band: band.code, ...cell(`${prefix}.B.${band.code}`, of) }));
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

// ---------------------------------------------------------------- the school report

const normStatusSchema = z.enum(['met', 'not_met', 'not_shown']);
const comparisonSchema = z.object({
  schools: z.number().int().describe('Other schools in the comparison (at least 3)'),
  bOrAbove: z.number().nullable().describe('Whole percentages; null when suppressed'),
  areas: z.array(
    z.object({
      number: z.number().int(),
      bands: z.array(z.object({ band: bandCodeSchema, share: z.number().nullable() })),
      bOrAbove: z.number().nullable(),
    }),
  ),
});
export type Comparison = z.infer<typeof comparisonSchema>;

export const schoolReportSchema = z
  .object({
    campaign: z.object({
      id: z.string(),
      schoolId: z.string(),
      schoolName: z.string(),
      frameworkId: z.string(),
      frameworkVersion: z.string(),
      opensOn: z.string(),
      closesOn: z.string(),
    }),
    threshold: z.number().int().min(5).describe('The minimum group size applied: the campaign setting, never below 5'),
    state: z.enum(['current', 'kept']).describe('kept: fewer respondents than the threshold came or went since publishedAt, so the earlier numbers stay'),
    note: z.object({ id: z.literal('earlier_state_kept'), message: z.string() }).nullable(),
    publishedAt: z.string(),
    respondents: z.number().int(),
    meanTotal: z.number(),
    maxTotal: z.number().int(),
    overall: protectedTeamSchema.shape.overall,
    norms: z.object({
      everyTeacherAtLeastB: z.object({ target: z.literal(100), share: z.number().nullable(), suppressed: z.boolean(), status: normStatusSchema }),
      someCInEverySchool: z.object({ count: z.number().int().nullable(), suppressed: z.boolean(), status: normStatusSchema }),
    }),
    areas: z.array(protectedTeamSchema.shape.areas.element.extend({ name: localisedTextSchema })),
    competences: z.array(protectedTeamSchema.shape.competences.element.extend({ name: localisedTextSchema })),
    priorityArea: z
      .object({
        number: z.number().int(),
        name: localisedTextSchema,
        basis: z.enum(['largest_share_at_a', 'lowest_mean']),
        shareAtA: z.number().nullable(),
        meanShare: z.number(),
      })
      .nullable(),
    growth: z
      .object({
        previousCampaignId: z.string(),
        previousOpensOn: z.string(),
        overall: z.object({ previous: z.number().nullable(), current: z.number().nullable(), change: z.number().nullable() }),
        areas: z.array(z.object({ number: z.number().int(), previous: z.number().nullable(), current: z.number().nullable(), change: z.number().nullable() })),
      })
      .nullable()
      .describe('Change in the share at B or above since the previous campaign; a change only where both are shown'),
    comparisons: z.object({
      flanders: comparisonSchema.nullable(),
      sameLevel: comparisonSchema.extend({ educationLevel: z.string() }).nullable(),
    }),
    breakdowns: z.array(
      z.object({
        question: z.string(),
        label: localisedTextSchema,
        groups: z.array(protectedTeamSchema.shape.breakdowns.element.shape.groups.element.extend({ label: localisedTextSchema })),
      }),
    ),
  })
  .meta({ id: 'SchoolReport' });
export type SchoolReport = z.infer<typeof schoolReportSchema>;

export interface PreviousCampaign {
  campaignId: string;
  opensOn: string;
  report: Pick<SchoolReport, 'overall' | 'areas'>;
}

export interface SchoolReportInput {
  campaign: SchoolReport['campaign'];
  framework: Framework;
  team: ProtectedTeam;
  publishedAt: string;
  previous: PreviousCampaign | null;
  flanders: { schools: number; team: ProtectedTeam } | null;
  sameLevel: { schools: number; educationLevel: string; team: ProtectedTeam } | null;
}

const notAnsweredLabel = { nl: 'Niet ingevuld', en: 'Not answered' };

/** The report as leadership reads it, from protected tables only. */
export function buildSchoolReport(input: SchoolReportInput): SchoolReport {
  const { framework, team } = input;
  const areaNames = new Map(framework.areas.map((area) => [area.number, area.name]));
  const competenceNames = new Map(competenceList(framework).map((c) => [c.code, c.name]));
  const firstBand = framework.bands[0].code;
  const lastBand = framework.bands[framework.bands.length - 1].code;
  const overallC = team.overall.bands.find((b) => b.band === lastBand)!;
  const areas = team.areas.map((area) => ({ ...area, name: areaNames.get(area.number) ?? { nl: `${area.number}`, en: `${area.number}` } }));
  return {
    campaign: input.campaign,
    threshold: team.threshold,
    state: 'current',
    note: null,
    publishedAt: input.publishedAt,
    respondents: team.respondents,
    meanTotal: team.meanTotal,
    maxTotal: team.maxTotal,
    overall: team.overall,
    norms: {
      everyTeacherAtLeastB: {
        target: 100,
        share: team.overall.bOrAbove.share,
        suppressed: team.overall.bOrAbove.suppressed,
        status: team.overall.bOrAbove.share === null ? 'not_shown' : team.overall.bOrAbove.share >= 100 ? 'met' : 'not_met',
      },
      someCInEverySchool: {
        count: overallC.count,
        suppressed: overallC.suppressed,
        status: overallC.count === null ? 'not_shown' : overallC.count > 0 ? 'met' : 'not_met',
      },
    },
    areas,
    competences: team.competences.map((c) => ({ ...c, name: competenceNames.get(c.code) ?? { nl: c.code, en: c.code } })),
    priorityArea: priorityArea(areas, firstBand),
    growth: growthSince(input.previous, team),
    comparisons: {
      flanders: input.flanders && comparisonOf(input.flanders),
      sameLevel: input.sameLevel && { ...comparisonOf(input.sameLevel), educationLevel: input.sameLevel.educationLevel },
    },
    breakdowns: team.breakdowns.map((breakdown) => {
      const question = framework.background.find((q) => q.id === breakdown.question);
      return {
        question: breakdown.question,
        label: question?.question ?? { nl: breakdown.question, en: breakdown.question },
        groups: breakdown.groups.map((group) => ({
          ...group,
          label: group.value === NOT_ANSWERED ? notAnsweredLabel : (question?.options.find((o) => o.value === group.value)?.label ?? { nl: group.value, en: group.value }),
        })),
      };
    }),
  };
}

/**
 * Where to invest first (KD: "where A dominates, invest there"): the area with the largest
 * share at A among the areas whose A count is shown, ties to the lowest mean score; when no
 * area shows its A count, the area with the lowest mean score. Hidden counts play no part, so
 * the choice says nothing about them.
 */
export function priorityArea(
  areas: ReadonlyArray<Pick<SchoolReport['areas'][number], 'number' | 'name' | 'bands' | 'meanShare'>>,
  firstBand: BandCode,
): SchoolReport['priorityArea'] {
  if (areas.length === 0) return null;
  const shareAtA = (area: (typeof areas)[number]) => area.bands.find((b) => b.band === firstBand)?.share ?? null;
  const byMean = (a: (typeof areas)[number], b: (typeof areas)[number]) => a.meanShare - b.meanShare;
  const withA = areas.filter((area) => shareAtA(area) !== null);
  if (withA.length > 0) {
    const best = [...withA].sort((a, b) => shareAtA(b)! - shareAtA(a)! || byMean(a, b))[0];
    return { number: best.number, name: best.name, basis: 'largest_share_at_a', shareAtA: shareAtA(best), meanShare: best.meanShare };
  }
  const lowest = [...areas].sort(byMean)[0];
  return { number: lowest.number, name: lowest.name, basis: 'lowest_mean', shareAtA: null, meanShare: lowest.meanShare };
}

function growthSince(previous: PreviousCampaign | null, team: ProtectedTeam): SchoolReport['growth'] {
  if (!previous) return null;
  const change = (before: number | null, now: number | null) => ({
    previous: before,
    current: now,
    change: before === null || now === null ? null : round1(now - before),
  });
  const before = new Map(previous.report.areas.map((area) => [area.number, area.bOrAbove.share]));
  return {
    previousCampaignId: previous.campaignId,
    previousOpensOn: previous.opensOn,
    overall: change(previous.report.overall.bOrAbove.share, team.overall.bOrAbove.share),
    areas: team.areas.map((area) => ({ number: area.number, ...change(before.get(area.number) ?? null, area.bOrAbove.share) })),
  };
}

const whole = (share: number | null) => (share === null ? null : Math.round(share));

function comparisonOf(group: { schools: number; team: ProtectedTeam }): Comparison {
  return {
    schools: group.schools,
    bOrAbove: whole(group.team.overall.bOrAbove.share),
    areas: group.team.areas.map((area) => ({
      number: area.number,
      bands: area.bands.map((b) => ({ band: b.band, share: whole(b.share) })),
      bOrAbove: whole(area.bOrAbove.share),
    })),
  };
}
