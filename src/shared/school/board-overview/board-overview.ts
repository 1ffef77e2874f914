import { z } from 'zod';
import { bandCodeSchema } from '../../digisnap/framework';
import { effectiveThreshold } from '../../digisnap/privacy';
import { campaignStatusSchema } from '../campaign/campaign';

export { boardParamsSchema } from '../schools';

/**
 * A school board's schools side by side (issue 14 §6): Digisnap, training budget, ICT park and
 * funding, cyber check and policy plan, one row per school. Every figure is what the school's
 * own pages show the board: Digisnap figures come from the school's published team report
 * (the digisnap module's privacy gate), never from scans.
 */

const digisnapColumnSchema = z
  .object({
    campaignId: z.string(),
    opensOn: z.string(),
    closesOn: z.string(),
    status: campaignStatusSchema,
    threshold: z.number().int().min(5).describe('The campaign’s minimum group size'),
    participation: z
      .object({ invited: z.number().int(), completed: z.number().int() })
      .nullable()
      .describe('Hidden (null) while fewer than the threshold submitted a scan: a count of one or two would point at people'),
    report: z
      .object({
        respondents: z.number().int(),
        bands: z.array(z.object({ band: bandCodeSchema, share: z.number() })).describe('The team’s overall spread over A, B and C as published (noisy)'),
        bOrAboveShare: z.number(),
        priorityArea: z.number().int().nullable(),
      })
      .nullable()
      .describe('The published report’s overall figures; null until a report is published'),
  })
  .nullable()
  .describe('The newest campaign; null when the school has none');

const budgetColumnSchema = z.object({
  schoolYear: z.string(),
  totalCents: z.number().int(),
  plannedCents: z.number().int(),
  spentCents: z.number().int(),
  leftCents: z.number().int(),
  overBudget: z.boolean(),
});

const parkColumnSchema = z
  .object({
    devices: z.number().int(),
    computersPer100Pupils: z.number().nullable().describe('At the level most of the school’s pupils are in; null without pupil counts'),
    averageAgeYears: z.number().nullable(),
  })
  .nullable();

const fundingColumnSchema = z
  .object({ budgetCents: z.number().int().nullable(), spentCents: z.number().int(), leftCents: z.number().int().nullable(), deadline: z.string().nullable() })
  .nullable()
  .describe('Digisprong funding');

const cyberColumnSchema = z
  .object({ submittedAt: z.string(), meanMaturity: z.number().nullable(), shareAtTarget: z.number().nullable(), actions: z.number().int() })
  .nullable()
  .describe('The newest submitted cyber check; null when none is');

const planColumnSchema = z.object({
  current: z.boolean().describe('The plan’s period covers the current school year'),
  periodFrom: z.string().nullable(),
  periodTo: z.string().nullable(),
  goals: z.number().int(),
  actions: z.number().int(),
  overdue: z.number().int(),
});

export const boardOverviewSchema = z
  .object({
    boardId: z.string(),
    boardName: z.string(),
    schools: z.array(
      z.object({
        schoolId: z.string(),
        schoolName: z.string(),
        digisnap: digisnapColumnSchema,
        trainingBudget: budgetColumnSchema,
        ictPark: parkColumnSchema,
        funding: fundingColumnSchema,
        cyberCheck: cyberColumnSchema,
        policyPlan: planColumnSchema,
      }),
    ),
  })
  .meta({ id: 'BoardOverview' });
export type BoardOverview = z.infer<typeof boardOverviewSchema>;
export type BoardOverviewSchool = BoardOverview['schools'][number];

/** The participation the board sees: the counts once the threshold of scans is reached, hidden before. */
export function shownParticipation(participation: { invited: number; completed: number }, minGroupSize: number): { invited: number; completed: number } | null {
  return participation.completed >= effectiveThreshold(minGroupSize) ? { invited: participation.invited, completed: participation.completed } : null;
}

/** Whether a plan over `periodFrom`–`periodTo` (school years `YYYY-YYYY`) covers the school year `current`. */
export function planIsCurrent(periodFrom: string | null, periodTo: string | null, current: string): boolean {
  return periodFrom !== null && periodTo !== null && periodFrom <= current && current <= periodTo;
}
