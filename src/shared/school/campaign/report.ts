import { z } from 'zod';
import { type Aim, type BandCode, bandCodeSchema, competenceList, type Framework, localisedTextSchema } from '../../digisnap/framework';
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
  type PublicationNoise,
  protectedTeamSchema,
} from '../../digisnap/protected-team';

/**
 * The Digisnap team report (KD's *directierapport*): what a school's leadership sees of its
 * team. Two steps, both pure. Inside the digisnap module a publication's noise is drawn once and
 * `protectTeam` (shared/digisnap/protected-team.ts) turns the noisy counts into distributions
 * over levels and bands, so raw counts never leave it. `buildSchoolReport` adds what leadership
 * reads from those tables: how far the team is from the KD's aims (the framework file's `aims`), a priority area, growth since the previous campaign and
 * the comparison with other schools; it sees published noisy tables only, and no mean or score
 * sum exists in them.
 */

// ---------------------------------------------------------------- the school report

/**
 * One of the framework's aims and where the team stands: `value` is the published noisy share
 * (percent, `share_at_or_above`) or count (`count_at_or_above`) at the aim's band or above,
 * `gap` how far it is from the aim in the same unit (percentage points or teachers), 0 once
 * `reached`. An aim is an aspiration, so there is no verdict, only the distance.
 */
export const normSchema = z
  .object({
    id: z.string(),
    kind: z.enum(['share_at_or_above', 'count_at_or_above']),
    band: bandCodeSchema,
    label: localisedTextSchema,
    aim: z.number().describe('The target: a percentage for share_at_or_above, a number of teachers for count_at_or_above'),
    value: z.number().describe('Where the team is, in the unit of aim; from the published noisy counts'),
    gap: z.number().min(0).describe('How far the team is from the aim, in the unit of aim; 0 when reached'),
    status: z.enum(['reached', 'to_go']),
    source: z.object({ title: z.string(), url: z.string() }),
  })
  .meta({ id: 'TeamAim' });
export type Norm = z.infer<typeof normSchema>;

const comparisonSchema = z.object({
  schools: z.number().int().describe('Other schools in the comparison (at least 3)'),
  bOrAbove: z.number().describe('Whole percentages of the sum of the other schools’ published noisy counts'),
  areas: z.array(
    z.object({
      number: z.number().int(),
      bands: z.array(z.object({ band: bandCodeSchema, share: z.number() })),
      bOrAbove: z.number(),
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
    noise: protectedTeamSchema.shape.noise,
    overall: protectedTeamSchema.shape.overall,
    norms: z.array(normSchema).describe('The framework’s aims for a team, in its order, with how far the team is from each'),
    areas: z.array(protectedTeamSchema.shape.areas.element.extend({ name: localisedTextSchema })),
    competences: z.array(protectedTeamSchema.shape.competences.element.extend({ name: localisedTextSchema })),
    priorityArea: z
      .object({
        number: z.number().int(),
        name: localisedTextSchema,
        basis: z.enum(['largest_share_at_a']),
        shareAtA: z.number(),
        shareBOrAbove: z.number(),
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
  const areas = team.areas.map((area) => ({ ...area, name: areaNames.get(area.number) ?? { nl: `${area.number}`, en: `${area.number}` } }));
  return {
    campaign: input.campaign,
    threshold: team.threshold,
    state: 'current',
    note: null,
    publishedAt: input.publishedAt,
    respondents: team.respondents,
    noise: team.noise,
    overall: team.overall,
    norms: framework.aims.map((aim) => teamAgainstAim(aim, framework, team.overall.bands)),
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
 * Where the team stands against one aim, from the published overall band cells. The share at a
 * band or above is the sum of those cells over the sum of all cells, so for band B it is the
 * report's "B or above". The gap is the distance to the aim, never below 0: a team past the aim
 * has reached it and is 0 away.
 */
export function teamAgainstAim(aim: Aim, framework: Pick<Framework, 'bands'>, bands: ReadonlyArray<{ band: BandCode; count: number }>): Norm {
  const from = framework.bands.findIndex((band) => band.code === aim.band);
  const upward = new Set(framework.bands.slice(Math.max(from, 0)).map((band) => band.code));
  const atOrAbove = bands.filter((cell) => upward.has(cell.band)).reduce((sum, cell) => sum + cell.count, 0);
  const total = bands.reduce((sum, cell) => sum + cell.count, 0);
  const [target, value] = aim.kind === 'share_at_or_above' ? [aim.target, total === 0 ? 0 : round1((atOrAbove / total) * 100)] : [aim.atLeast, atOrAbove];
  const gap = aimGap(target, value);
  return { id: aim.id, kind: aim.kind, band: aim.band, label: aim.label, aim: target, value, gap, status: gap === 0 ? 'reached' : 'to_go', source: aim.source };
}

/** How far `value` is from `target` (same unit), 0 at or past it; one decimal, as the shares. */
export function aimGap(target: number, value: number): number {
  return Math.max(0, round1(target - value));
}

/**
 * Where to invest first (KD: "where A dominates, invest there"): the area with the largest
 * published share at A (below B); ties to the area with more of its team at the lowest levels
 * (the larger share at A1, then at A2, …), then to the lower area number. Read from the
 * published noisy distributions only, so the choice is the same on every read of one
 * publication and tells nothing they do not.
 */
export function priorityArea(
  areas: ReadonlyArray<Pick<SchoolReport['areas'][number], 'number' | 'name' | 'bands' | 'bOrAbove'> & { levels?: ReadonlyArray<{ share: number }> }>,
  firstBand: BandCode,
): SchoolReport['priorityArea'] {
  if (areas.length === 0) return null;
  const shareAtA = (area: (typeof areas)[number]) => area.bands.find((b) => b.band === firstBand)?.share ?? 0;
  const lowerFirst = (a: (typeof areas)[number], b: (typeof areas)[number]) => {
    const [left, right] = [a.levels ?? [], b.levels ?? []];
    for (let i = 0; i < Math.min(left.length, right.length); i += 1) if (left[i].share !== right[i].share) return right[i].share - left[i].share;
    return 0;
  };
  const best = [...areas].sort((a, b) => shareAtA(b) - shareAtA(a) || lowerFirst(a, b) || a.number - b.number)[0];
  return { number: best.number, name: best.name, basis: 'largest_share_at_a', shareAtA: shareAtA(best), shareBOrAbove: best.bOrAbove.share };
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

const whole = (share: number) => Math.round(share);

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
