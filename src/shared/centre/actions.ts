import { z } from 'zod';
import { fronts } from '../platform/fronts';
import { localisedTextSchema } from '../platform/text';
import { centreActionStatuses, centreProgrammes, spearheads } from './actions-rules';
import { centreIndicatorKeys } from './indicator-keys';

export * from './actions-rules';

/**
 * The knowledge centre's register of actions and projects across the five fronts, and the IT
 * bootcamp programme (issue 14 §3): contracts shared by server, web app and tests.
 */

const id = z.string().min(1).max(100);
const dateSchema = z.iso.date('a date as YYYY-MM-DD');
const count = z.number().int().min(0).max(1_000_000);
const indicatorKeySchema = z.string().refine((key) => centreIndicatorKeys.includes(key), 'an indicator key of the centre (indicator-keys.ts)');

// ---------------------------------------------------------------- the register

export const centreActionParamsSchema = z.object({ centreActionId: id });

export const centreActionsQuerySchema = z.object({
  front: z.enum(fronts).optional(),
  status: z.enum(centreActionStatuses).optional(),
});

const centreActionFields = z
  .object({
    title: z.string().trim().min(1, 'must not be empty').max(200),
    front: z.enum(fronts),
    spearhead: z.enum(spearheads),
    goal: z.string().trim().max(2000).default(''),
    owner: z.string().trim().min(1, 'must not be empty').max(120).describe('Who answers for the action: a person, unit or partner'),
    budgetCents: z.number().int().min(0).max(100_000_000_000).nullable().default(null).describe('The budget in euro cents; null when none is set'),
    startDate: dateSchema,
    endDate: dateSchema.nullable().default(null),
    status: z.enum(centreActionStatuses).default('planned'),
    indicators: z.array(indicatorKeySchema).max(20).default([]).describe('Keys of the centre figures the action should move'),
    programme: z.enum(centreProgrammes).nullable().default(null).describe('A programme whose schools and teachers are the reach'),
    reachEntered: z.object({ schools: count, teachers: count }).strict().nullable().default(null).describe('Reach counted by hand, for an action without a programme'),
  })
  .strict();

/** The period ends on or after its start, and an indicator is named once. */
function checkAction(action: { startDate: string; endDate: string | null; indicators: string[] }, context: z.RefinementCtx): void {
  if (action.endDate !== null && action.endDate < action.startDate) context.addIssue({ code: 'custom', path: ['endDate'], message: 'the end comes on or after the start' });
  const seen = new Set<string>();
  action.indicators.forEach((key, index) => {
    if (seen.has(key)) context.addIssue({ code: 'custom', path: ['indicators', index], message: 'an indicator is named once' });
    seen.add(key);
  });
}

export const centreActionBodySchema = centreActionFields.superRefine(checkAction).meta({ id: 'CentreActionBody' });
export type CentreActionBody = z.infer<typeof centreActionBodySchema>;
export type CentreActionInput = z.input<typeof centreActionBodySchema>;

export const centreActionUpdateSchema = centreActionFields
  .extend({ version: z.number().int().min(1).describe('The version read before editing; a stale one gets 409 conflict and nothing is written') })
  .strict()
  .superRefine(checkAction)
  .meta({ id: 'CentreActionUpdate' });
export type CentreActionUpdate = z.infer<typeof centreActionUpdateSchema>;

export const centreIndicatorSchema = z
  .object({ key: z.string(), front: z.enum(fronts), name: localisedTextSchema, page: z.string().describe('The web page that shows the figure') })
  .meta({ id: 'CentreIndicator' });

const reachSchema = z.object({ schools: z.number().int(), teachers: z.number().int(), source: z.enum(['programme', 'entered', 'none']) });

export const centreActionSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    front: z.enum(fronts),
    spearhead: z.enum(spearheads),
    goal: z.string(),
    owner: z.string(),
    budgetCents: z.number().int().nullable(),
    startDate: z.string(),
    endDate: z.string().nullable(),
    status: z.enum(centreActionStatuses),
    indicators: z.array(centreIndicatorSchema),
    programme: z.enum(centreProgrammes).nullable(),
    reachEntered: z.object({ schools: z.number().int(), teachers: z.number().int() }).nullable(),
    reach: reachSchema.describe("Counted from the programme's participants when the action has one, else as entered"),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'CentreAction' });
export type CentreActionDto = z.infer<typeof centreActionSchema>;

export const centreActionChangeSchema = z.object({ at: z.string(), by: z.string().nullable(), version: z.number().int(), fields: z.array(z.string()) });

export const centreActionDetailSchema = centreActionSchema
  .extend({
    history: z.array(centreActionChangeSchema).describe('Every save, newest first: who, when and which fields'),
    canManage: z.boolean(),
  })
  .meta({ id: 'CentreActionDetail' });
export type CentreActionDetail = z.infer<typeof centreActionDetailSchema>;

export const centreActionListSchema = z
  .object({
    actions: z.array(centreActionSchema).describe('Soonest start first'),
    indicators: z.array(centreIndicatorSchema).describe('Every indicator an action may name'),
    canManage: z.boolean().describe('Whether the caller may create and change actions'),
  })
  .meta({ id: 'CentreActionList' });
export type CentreActionList = z.infer<typeof centreActionListSchema>;

// ---------------------------------------------------------------- the IT bootcamps

export const bootcampCohortParamsSchema = z.object({ cohortId: id });
export const bootcampSessionParamsSchema = z.object({ cohortId: id, bootcampSessionId: id });

export const bootcampAttendanceBodySchema = z
  .object({ present: z.array(id).max(500).describe('The participants of the cohort present at the session; the others were absent') })
  .strict()
  .meta({ id: 'BootcampAttendanceBody' });
export type BootcampAttendanceBody = z.infer<typeof bootcampAttendanceBodySchema>;

const completionSchema = z.object({ required: z.number().int(), membersCompleted: z.number().int(), members: z.number().int(), completed: z.boolean() });

export const bootcampTeamSchema = z.object({
  id: z.string(),
  schoolId: z.string(),
  schoolName: z.string(),
  completion: completionSchema,
});

export const bootcampProgrammeSchema = z
  .object({
    completionPercent: z.number().int().describe('The share of sessions each member attends for the team to complete'),
    tracks: z.array(
      z.object({
        id: z.string(),
        name: localisedTextSchema,
        description: localisedTextSchema,
        training: z.object({ id: z.string(), title: z.string() }).nullable().describe('The catalogue training (kind bootcamp) the track is offered as'),
        cohorts: z.array(
          z.object({
            id: z.string(),
            name: z.string(),
            startsOn: z.string(),
            sessions: z.number().int(),
            sessionsHeld: z.number().int().describe('Sessions on or before today'),
            teams: z.array(bootcampTeamSchema),
          }),
        ),
      }),
    ),
    reach: z.object({ schools: z.number().int(), teachers: z.number().int(), teamsCompleted: z.number().int() }),
    canManage: z.boolean().describe('Whether the caller may set up tracks, cohorts and teams'),
  })
  .meta({ id: 'BootcampProgramme' });
export type BootcampProgramme = z.infer<typeof bootcampProgrammeSchema>;

export const bootcampCohortSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    trackName: localisedTextSchema,
    startsOn: z.string(),
    sessions: z.array(z.object({ id: z.string(), number: z.number().int(), heldOn: z.string(), topic: z.string(), present: z.array(z.string()).describe('Participant ids present') })),
    teams: z.array(bootcampTeamSchema.extend({ participants: z.array(z.object({ id: z.string(), name: z.string(), attended: z.number().int() })) })),
    canManage: z.boolean(),
  })
  .meta({ id: 'BootcampCohort' });
export type BootcampCohort = z.infer<typeof bootcampCohortSchema>;
