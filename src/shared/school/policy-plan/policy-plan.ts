import { z } from 'zod';
import { fronts } from '../../platform/fronts';
import { localisedTextSchema } from '../../platform/text';
import { stemValueSchema } from '../../stem/api';
import { type ActionStatus, actionStatuses, goalTerms, VISION_MAX } from './policy-plan-rules';
import { actionSourceKindSchema, actionTargetSchema, suggestedActionSchema } from './suggested-action';

export * from './policy-plan-rules';

/**
 * The school's ICT policy plan: a vision over a period of school years, goals by term, and
 * actions with an owner, deadline, status, the Digisprong front and the area or item each
 * serves. The shape is our own; it borrows goals, actions with roles and a timeline, and
 * monitoring from SELFIE PTK's action planning (https://selfieptk.eu/use-selfie-ptk/). Actions may come from a
 * result (team report, reflection, cybersecurity check) and then remember which suggestion
 * they came from. Contracts shared by server, web app and tests; the pure rules, free of Zod
 * so the browser bundle stays small, are in policy-plan-rules.ts.
 */

export const goalTermSchema = z.enum(goalTerms);
export const actionStatusSchema = z.enum(actionStatuses);

const id = z.string().min(1).max(100);
const dateSchema = z.iso.date('a date as YYYY-MM-DD');
const optionalText = (max: number) => z.string().trim().max(max);

/** `2025-2026`: a school year runs from 1 September to 31 August. */
export const schoolYearSchema = z
  .string()
  .regex(/^\d{4}-\d{4}$/, 'a school year as YYYY-YYYY, e.g. 2025-2026')
  .refine((year) => Number(year.slice(5)) === Number(year.slice(0, 4)) + 1, 'the second year follows the first, e.g. 2025-2026');

// ---------------------------------------------------------------- requests

export const policyPlanParamsSchema = z.object({ schoolId: id });
export const goalParamsSchema = z.object({ schoolId: id, goalId: id });
export const actionParamsSchema = z.object({ schoolId: id, actionId: id });

export const policyPlanQuerySchema = z.object({
  format: z.enum(['json', 'csv', 'xlsx']).default('json'),
  lang: z.enum(['nl', 'en']).default('nl').describe('Language of the CSV and XLSX headers and words'),
});

export const saveVisionBodySchema = z
  .object({
    vision: optionalText(VISION_MAX),
    periodFrom: schoolYearSchema,
    periodTo: schoolYearSchema,
    version: z.number().int().min(0).describe('The version read before editing (0 when the plan has none yet); a stale one gets 409 conflict'),
  })
  .strict()
  .meta({ id: 'SaveVisionBody' });
export type SaveVisionBody = z.infer<typeof saveVisionBodySchema>;

export const goalBodySchema = z
  .object({
    term: goalTermSchema,
    text: z.string().trim().min(1, 'must not be empty').max(500),
    successCriterion: optionalText(500).nullable().optional().describe('How the school will know the goal is reached'),
    stemIndicator: z.string().min(1).max(100).nullable().optional().describe('A STEM monitor indicator (listStemIndicators) the goal works towards; an unknown one is 400'),
  })
  .strict()
  .meta({ id: 'GoalBody' });
export type GoalBody = z.infer<typeof goalBodySchema>;

export const goalChangesSchema = goalBodySchema.partial().strict().meta({ id: 'GoalChanges' });
export type GoalChanges = z.infer<typeof goalChangesSchema>;

/** The owner: a member picked from the team list, or a free name or role ("ICT-team"). */
export const ownerInputSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('member'), userId: id }).strict(),
  z.object({ kind: z.literal('name'), name: z.string().trim().min(1, 'must not be empty').max(120) }).strict(),
]);

/** A target typed in by hand: a DigCompEdu area or competence; its label comes from the framework. */
export const targetInputSchema = z.object({ kind: z.enum(['digcompedu_area', 'digcompedu_competence']), code: z.string().min(1).max(20) }).strict();

export const actionBodySchema = z
  .object({
    title: z.string().trim().min(1, 'must not be empty').max(200),
    description: optionalText(2000).nullable().optional(),
    owner: ownerInputSchema.nullable().optional(),
    deadline: dateSchema.nullable().optional(),
    status: actionStatusSchema.default('planned'),
    front: z.enum(fronts),
    target: targetInputSchema.nullable().optional(),
    goalId: id.nullable().optional().describe('A goal of this plan the action serves'),
  })
  .strict()
  .meta({ id: 'ActionBody' });
export type ActionBody = z.infer<typeof actionBodySchema>;

/** Changes to an action; a field left out stays as it is (so an action keeps a target it got from a result). */
export const actionChangesSchema = actionBodySchema
  .extend({ status: actionStatusSchema.optional(), front: z.enum(fronts).optional(), title: actionBodySchema.shape.title.optional() })
  .strict()
  .meta({ id: 'ActionChanges' });
export type ActionChanges = z.infer<typeof actionChangesSchema>;

export const sourceRefSchema = z.object({ kind: actionSourceKindSchema, id }).strict();

export const suggestionsQuerySchema = z.object({ kind: actionSourceKindSchema, id });

export const actionsFromSuggestionsBodySchema = z
  .object({
    source: sourceRefSchema,
    keys: z.array(z.string().min(1).max(200)).min(1).max(100).describe('Keys of the chosen suggestions'),
    goalId: id.optional(),
    deadline: dateSchema.optional(),
    language: z.enum(['nl', 'en']).default('nl').describe('The language the actions are written in'),
  })
  .strict()
  .meta({ id: 'ActionsFromSuggestionsBody' });
export type ActionsFromSuggestionsBody = z.infer<typeof actionsFromSuggestionsBodySchema>;

// ---------------------------------------------------------------- responses

/** The latest value of a goal's STEM indicator, for the school's province and for Flanders, from the STEM monitor. */
export const goalStemFigureSchema = z
  .object({
    indicator: z.string(),
    name: localisedTextSchema,
    year: z.string().nullable().describe('The latest school year with counts of the indicator; null when the monitor has none'),
    province: z.string().nullable().describe("The school's province; null when it has none or the indicator has no province breakdown"),
    provinceValue: stemValueSchema.nullable(),
    flanders: stemValueSchema.nullable(),
  })
  .meta({ id: 'PolicyGoalStemFigure' });
export type GoalStemFigure = z.infer<typeof goalStemFigureSchema>;

export const goalSchema = z
  .object({
    id: z.string(),
    term: goalTermSchema,
    text: z.string(),
    successCriterion: z.string().nullable(),
    stemFigure: goalStemFigureSchema.nullable().describe('Set when the goal names a STEM indicator'),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'PolicyGoal' });
export type GoalDto = z.infer<typeof goalSchema>;

export const ownerSchema = z
  .discriminatedUnion('kind', [z.object({ kind: z.literal('member'), userId: z.string(), name: z.string() }), z.object({ kind: z.literal('name'), name: z.string() })])
  .nullable();

export const actionSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    description: z.string().nullable(),
    owner: ownerSchema,
    deadline: z.string().nullable(),
    status: actionStatusSchema,
    front: z.enum(fronts),
    target: actionTargetSchema.nullable(),
    goalId: z.string().nullable(),
    source: z.object({ kind: actionSourceKindSchema, id: z.string(), key: z.string() }).nullable().describe('The result suggestion it was made from'),
    overdue: z.boolean().describe('Planned or in progress, with a deadline before today (Brussels)'),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'PolicyAction' });
export type ActionDto = z.infer<typeof actionSchema>;

const count = z.number().int();
const statusCountsSchema = z.object({ planned: count, in_progress: count, done: count, dropped: count } satisfies Record<ActionStatus, z.ZodNumber>);
const tallySchema = z.object({ total: z.number().int(), byStatus: statusCountsSchema, overdue: z.number().int() });

export const planSummarySchema = z.object({
  fronts: z.array(tallySchema.extend({ front: z.enum(fronts) })).describe('Every front, in the Digisprong order'),
  total: tallySchema,
  withoutOwner: z.number().int().describe('Open actions nobody owns yet'),
  withoutDeadline: z.number().int().describe('Open actions without a deadline'),
});

export const policyPlanSchema = z
  .object({
    schoolId: z.string(),
    schoolName: z.string(),
    vision: z.string(),
    periodFrom: z.string().nullable(),
    periodTo: z.string().nullable(),
    version: z.number().int().describe('0 until the vision is first saved; send it back with the next save'),
    updatedAt: z.string().nullable(),
    updatedBy: z.object({ userId: z.string(), name: z.string() }).nullable(),
    goals: z.array(goalSchema).describe('Short term first, then medium and long; oldest first within a term'),
    actions: z.array(actionSchema).describe('Soonest deadline first, actions without one last'),
    summary: planSummarySchema,
    today: z.string().describe('Today in Brussels, the day `overdue` is judged against'),
    canEdit: z.boolean().describe('Whether the caller may change the plan'),
    stemIndicators: z.array(z.object({ id: z.string(), name: localisedTextSchema })).describe('The STEM indicators a goal may name'),
  })
  .meta({ id: 'PolicyPlan' });
export type PolicyPlanDto = z.infer<typeof policyPlanSchema>;

export const visionSchema = policyPlanSchema
  .pick({ schoolId: true, vision: true, periodFrom: true, periodTo: true, version: true, updatedAt: true, updatedBy: true })
  .meta({ id: 'PolicyVision' });
export type VisionDto = z.infer<typeof visionSchema>;

export const policySuggestionsSchema = z
  .object({
    source: sourceRefSchema,
    items: z.array(suggestedActionSchema.extend({ taken: z.boolean().describe('An action of the plan was made from it already') })),
  })
  .meta({ id: 'PolicySuggestions' });
export type PolicySuggestionsDto = z.infer<typeof policySuggestionsSchema>;

export const actionsFromSuggestionsResultSchema = z
  .object({ created: z.array(actionSchema), skipped: z.array(z.string()).describe('Keys whose suggestion the plan holds already') })
  .meta({ id: 'ActionsFromSuggestionsResult' });

export const policySourcesSchema = z
  .object({
    items: z.array(
      z.object({
        kind: actionSourceKindSchema,
        latest: z.object({ id: z.string(), date: z.string(), label: localisedTextSchema }).nullable().describe('The newest result the caller may read, if any'),
      }),
    ),
  })
  .meta({ id: 'PolicySources' });
export type PolicySourcesDto = z.infer<typeof policySourcesSchema>;
