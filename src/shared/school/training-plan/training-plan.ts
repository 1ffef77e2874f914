import { z } from 'zod';
import { trainingSummarySchema } from '../../catalogue/api';
import { levelCodeSchema, localisedTextSchema } from '../../digisnap/framework';

/**
 * The team training plan: trainings suggested from a campaign's team report, and pedagogical
 * study days planned with one of them. Contracts shared by server, web app and tests.
 */

/** Formats a whole team can follow together (a session for the team, or a trajectory). */
export const teamTrainingKinds = ['in_person', 'blended', 'bootcamp', 'live_online'] as const;
/** How many suggestions of each sort a plan shows at most. */
export const SUGGESTIONS_PER_SORT = 10;

const dateSchema = z.iso.date('a date as YYYY-MM-DD');
const id = z.string().min(1).max(100);

export const suggestionsQuerySchema = z.object({
  participants: z.coerce.number().int().min(1).max(1000).optional().describe('How many take part in a team session; the report’s respondents by default'),
});

export const trainingSuggestionSchema = z.object({
  training: trainingSummarySchema,
  competence: z.string(),
  /** The level the report shows most teachers at, which the training's step starts from or passes. */
  level: levelCodeSchema,
  reason: localisedTextSchema,
});
export type TrainingSuggestionDto = z.infer<typeof trainingSuggestionSchema>;

export const trainingSuggestionsSchema = z
  .object({
    campaignId: z.string(),
    priorityArea: z.object({ number: z.number().int(), name: localisedTextSchema, basis: z.enum(['largest_share_at_a']) }).nullable(),
    participants: z.number().int(),
    focus: z
      .array(
        z.object({
          competence: z.string(),
          name: localisedTextSchema,
          level: levelCodeSchema,
          count: z.number().int().describe('The published noisy count, as the report shows it'),
          share: z.number(),
        }),
      )
      .describe('Per competence of the priority area, the level the report shows most teachers at; competences whose published counts are all 0 are left out'),
    team: z.array(trainingSuggestionSchema).describe('For the whole team: a team format, a next session with room for everyone, in the school’s province or online'),
    individual: z.array(trainingSuggestionSchema).describe('For teachers one by one: any other format, in the school’s province or online'),
  })
  .meta({ id: 'TrainingSuggestions' });
export type TrainingSuggestionsDto = z.infer<typeof trainingSuggestionsSchema>;

export const studyDayParamsSchema = z.object({ schoolId: id, studyDayId: id });

export const planStudyDayBodySchema = z
  .object({
    date: dateSchema.describe('The day of the study day (Brussels), today or later'),
    trainingId: id,
    sessionId: id.optional().describe('A session of the training on that day, when the team joins one'),
    participants: z.number().int().min(1).max(1000),
    teamPriceCents: z.number().int().min(0).max(100_000_000).optional().describe('A fixed price for the whole team, when the provider quoted one'),
    campaignId: id.optional().describe('The campaign whose report led to this plan'),
    note: z.string().trim().max(1000).optional(),
  })
  .strict()
  .meta({ id: 'PlanStudyDayBody' });
export type PlanStudyDayBody = z.infer<typeof planStudyDayBodySchema>;

export const studyDaySchema = z
  .object({
    id: z.string(),
    schoolId: z.string(),
    date: z.string(),
    training: z.object({ id: z.string(), title: z.string() }),
    sessionId: z.string().nullable(),
    campaignId: z.string().nullable(),
    participants: z.number().int(),
    pricePerPersonCents: z.number().int().describe('The training price when planned'),
    teamPriceCents: z.number().int().nullable(),
    costCents: z.number().int().describe('teamPriceCents, or pricePerPersonCents × participants'),
    status: z.enum(['planned', 'cancelled']),
    note: z.string().nullable(),
    createdAt: z.string(),
    cancelledAt: z.string().nullable(),
  })
  .meta({ id: 'StudyDay' });
export type StudyDayDto = z.infer<typeof studyDaySchema>;

export const studyDayListSchema = z.object({ items: z.array(studyDaySchema) }).meta({ id: 'StudyDayList' });

export const studyDayListQuerySchema = z.object({
  status: z.enum(['planned', 'cancelled', 'all']).default('planned'),
});

/** The cost of a study day: the team price when there is one, else the price per person for everyone. */
export function studyDayCost(pricePerPersonCents: number, participants: number, teamPriceCents: number | null): number {
  return teamPriceCents ?? pricePerPersonCents * participants;
}

// ---------------------------------------------------------------- from the report to a focus (pure)

/** What the plan reads of a team report: its published (noisy) distributions. */
export interface ReportForPlan {
  priorityArea: { number: number } | null;
  competences: ReadonlyArray<{
    code: string;
    areaNumber: number;
    name: { nl: string; en: string };
    levels: ReadonlyArray<{ level: z.infer<typeof levelCodeSchema>; count: number; share: number }>;
  }>;
}

export type FocusDto = TrainingSuggestionsDto['focus'][number];

/**
 * Per competence of the report's priority area, the level the report shows most teachers at
 * (ties to the lower level), from the published noisy counts only, so the focus tells nothing
 * the report does not; a competence whose counts are all 0 is left out.
 */
export function focusOfReport(report: ReportForPlan): FocusDto[] {
  const area = report.priorityArea;
  if (!area) return [];
  const focus: FocusDto[] = [];
  for (const competence of report.competences.filter((c) => c.areaNumber === area.number)) {
    let best: ReportForPlan['competences'][number]['levels'][number] | undefined;
    for (const cell of competence.levels) {
      if (cell.count <= 0) continue;
      if (!best || cell.count > best.count) best = cell;
    }
    if (best) focus.push({ competence: competence.code, name: competence.name, level: best.level, count: best.count, share: best.share });
  }
  return focus;
}

/** Whether a training's level step for the competence serves teachers at `level`: it starts at or below it and ends above it. */
export function stepServes(steps: ReadonlyArray<{ competence: string; from: string; to: string }>, competence: string, level: string) {
  return steps.find((step) => step.competence === competence && step.from <= level && step.to > level);
}
