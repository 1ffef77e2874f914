import { z } from 'zod';
import { type BandCode, bandCodeSchema, competenceList, type Framework, localisedTextSchema } from '../../digisnap/framework';
import { NOT_ANSWERED, type ProtectedTeam, protectedTeamSchema, round1 } from '../../digisnap/protected-team';

// The team's protected tables are digisnap's (shared/digisnap/protected-team.ts); their shape is re-exported for
// the report's readers. The raw counts and protectTeam are not: they stay with digisnap.
export {
  type BandCell,
  bandCellSchema,
  bandsAtLeastB,
  type CountCell,
  countCellSchema,
  type LevelCell,
  levelCellSchema,
  levelsOfCompetence,
  NOT_ANSWERED,
  type ProtectedTeam,
  protectedTeamSchema,
} from '../../digisnap/protected-team';

/**
 * The Digisnap team report (KD's *directierapport*): what a school's leadership sees of its
 * team. Two steps, both pure. `protectTeam` (shared/digisnap/protected-team.ts) turns a team's
 * raw counts into protected tables inside the digisnap module, so raw counts never leave it. `buildSchoolReport` adds
 * what leadership reads from those tables: the KD norms, a priority area, growth since the
 * previous campaign and the comparison with other schools; it sees protected tables only.
 */

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
export function priorityArea(areas: ReadonlyArray<Pick<SchoolReport['areas'][number], 'number' | 'name' | 'bands' | 'meanShare'>>, firstBand: BandCode): SchoolReport['priorityArea'] {
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
