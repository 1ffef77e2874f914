import { z } from 'zod';
import { MIN_GROUP_SIZE } from '../../digisnap/privacy';
import { fronts } from '../../platform/fronts';
import { localisedTextSchema } from '../../platform/text';
import type { RespondentGroup } from '../../scan/instrument';
import { campaignStatusSchema, minGroupSizeSchema } from '../campaign/campaign';
import type { ActionSourceKind } from '../policy-plan/suggested-action';
import { MAX_CLASS_LABEL } from './limits';

/**
 * The school reflection (SELFIE model) and the AI-readiness reflection: contracts shared by the
 * server, the web app and the tests. A school's manager opens a *round* of one instrument for
 * some groups; leaders and teachers answer from their account, pupils through a class code.
 * Answers carry no link to an account: a respondent holds an opaque response token, and a
 * separate participation record (round, account) only says who started or finished.
 */

/** The instruments this module runs, by the policy plan's source kind for their actions. */
export const reflectionInstrumentIds = { reflection: 'school-reflection', ai_readiness: 'ai-readiness' } as const satisfies Partial<Record<ActionSourceKind, string>>;
export type ReflectionSourceKind = keyof typeof reflectionInstrumentIds;
export const reflectionInstrumentIdSchema = z.enum([reflectionInstrumentIds.reflection, reflectionInstrumentIds.ai_readiness]);
export type ReflectionInstrumentId = z.infer<typeof reflectionInstrumentIdSchema>;

export function sourceKindOf(instrumentId: string): ReflectionSourceKind {
  return instrumentId === reflectionInstrumentIds.ai_readiness ? 'ai_readiness' : 'reflection';
}

/** The groups that answer a reflection; 'school' is the cyber check's. */
export const reflectionGroups = ['leaders', 'teachers', 'pupils'] as const satisfies readonly RespondentGroup[];
export const reflectionGroupSchema = z.enum(reflectionGroups);
export type ReflectionGroup = z.infer<typeof reflectionGroupSchema>;

/** A class code admits at most this many pupils unless the round says otherwise: a leaked code cannot flood a round. */
export const DEFAULT_RESPONSES_PER_CODE = 35;
export const MAX_RESPONSES_PER_CODE = 500;
export { MAX_CLASS_LABEL } from './limits';

const dateSchema = z.iso.date('a date as YYYY-MM-DD');
const idSchema = z.string().min(1).max(100);

export const roundParamsSchema = z.object({ schoolId: idSchema, roundId: idSchema });
export const codeParamsSchema = z.object({ schoolId: idSchema, roundId: idSchema, codeId: idSchema });
export const respondentRoundParamsSchema = z.object({ roundId: idSchema });
export const classCodeParamsSchema = z.object({ code: z.string().min(1).max(40) });
export const responseTokenParamsSchema = z.object({ token: z.string().min(1).max(200) });
export const responseItemParamsSchema = z.object({ token: z.string().min(1).max(200), item: z.string().min(1).max(100) });
export const answerBodySchema = z.object({ option: z.number().int().describe('Index of the chosen option; "not applicable" is the last') }).strict();

export const openRoundBodySchema = z
  .object({
    instrumentId: reflectionInstrumentIdSchema.describe('The newest version of this instrument is used'),
    groups: z
      .array(reflectionGroupSchema)
      .min(1)
      .max(reflectionGroups.length)
      .refine((groups) => new Set(groups).size === groups.length, 'each group once')
      .describe('Who answers: leaders, teachers and/or pupils'),
    opensOn: dateSchema.describe('First day (Brussels time) answers are taken'),
    closesOn: dateSchema.describe('Last day (Brussels time) answers are taken'),
    minGroupSize: minGroupSizeSchema.describe('The smallest group the report shows; never below 5'),
    maxResponsesPerCode: z
      .number()
      .int()
      .min(1)
      .max(MAX_RESPONSES_PER_CODE)
      .default(DEFAULT_RESPONSES_PER_CODE)
      .describe('How many pupils one class code admits, unless a code sets its own'),
  })
  .strict();
export type OpenRoundBody = z.infer<typeof openRoundBodySchema>;

export const reopenRoundBodySchema = z.object({ closesOn: dateSchema.optional().describe('A new last day; needed when the old one has passed') }).strict();

export const createCodeBodySchema = z
  .object({
    label: z.string().trim().min(1, 'a label, e.g. the class').max(MAX_CLASS_LABEL),
    maxResponses: z.number().int().min(1).max(MAX_RESPONSES_PER_CODE).optional().describe('The round’s maximum by default'),
  })
  .strict();

const instrumentRefSchema = z.object({
  id: z.string(),
  version: z.string(),
  name: localisedTextSchema,
  description: localisedTextSchema,
});

export const classCodeSchema = z
  .object({
    id: z.string(),
    label: z.string(),
    code: z.string().describe('Eight letters and digits shown as XXXX-XXXX; case and dash do not matter when typed'),
    url: z.string().describe('The page where pupils answer with this code'),
    maxResponses: z.number().int(),
    used: z.number().int().describe('Pupils who started with this code'),
    revokedAt: z.string().nullable(),
  })
  .meta({ id: 'ReflectionClassCode' });

export const roundSchema = z
  .object({
    id: z.string(),
    schoolId: z.string(),
    instrument: instrumentRefSchema,
    sourceKind: z.enum(['reflection', 'ai_readiness']),
    groups: z.array(reflectionGroupSchema),
    opensOn: z.string(),
    closesOn: z.string(),
    closedAt: z.string().nullable(),
    status: campaignStatusSchema,
    minGroupSize: z.number().int(),
    maxResponsesPerCode: z.number().int(),
    createdAt: z.string(),
    participation: z
      .array(z.object({ group: reflectionGroupSchema, started: z.number().int(), completed: z.number().int() }))
      .describe('Counts only, never who; started includes completed'),
    codes: z.array(classCodeSchema).describe('Class codes for pupils (empty when pupils do not take part)'),
  })
  .meta({ id: 'ReflectionRound' });
export type ReflectionRoundDto = z.infer<typeof roundSchema>;

export const roundListSchema = z.object({ items: z.array(roundSchema) }).meta({ id: 'ReflectionRoundList' });

export const instrumentSummarySchema = z
  .object({
    id: reflectionInstrumentIdSchema,
    version: z.string(),
    name: localisedTextSchema,
    description: localisedTextSchema,
    groups: z.array(reflectionGroupSchema),
    sections: z.number().int(),
    items: z.array(z.object({ group: reflectionGroupSchema, count: z.number().int() })).describe('Statements per group'),
  })
  .meta({ id: 'ReflectionInstrument' });
export const instrumentListSchema = z.object({ items: z.array(instrumentSummarySchema) }).meta({ id: 'ReflectionInstrumentList' });

// ---------------------------------------------------------------- the respondent's side

/** A round as a respondent sees it: enough to recognise it, nothing about others. */
export const publicRoundSchema = z.object({
  id: z.string(),
  schoolName: z.string(),
  instrument: instrumentRefSchema,
  status: campaignStatusSchema,
  closesOn: z.string(),
});

export const classCodeInfoSchema = z.object({ label: z.string(), round: publicRoundSchema }).meta({ id: 'ReflectionClassCodeInfo' });

const questionnaireSchema = z.object({
  sections: z.array(
    z.object({
      id: z.string(),
      name: localisedTextSchema,
      items: z.array(
        z.object({
          id: z.string(),
          statement: localisedTextSchema,
          options: z.array(z.object({ text: localisedTextSchema, value: z.number().optional(), notApplicable: z.boolean().optional() })),
        }),
      ),
    }),
  ),
});

export const responseSchema = z
  .object({
    round: publicRoundSchema,
    group: reflectionGroupSchema,
    submitted: z.boolean(),
    answers: z.record(z.string(), z.number().int()),
    progress: z.object({ answered: z.number().int(), total: z.number().int() }),
    questionnaire: questionnaireSchema.describe('The statements for this group, in its wording, with the scale ("not applicable" last)'),
  })
  .meta({ id: 'ReflectionResponse' });
export type ReflectionResponseDto = z.infer<typeof responseSchema>;

export const startedResponseSchema = z
  .object({
    token: z.string().describe('Keep it to resume: it is the only key to these answers. Only its hash is stored.'),
    response: responseSchema,
  })
  .meta({ id: 'StartedReflectionResponse' });

export const myRoundSchema = z.object({
  roundId: z.string(),
  schoolId: z.string(),
  schoolName: z.string(),
  instrument: instrumentRefSchema,
  closesOn: z.string(),
  group: reflectionGroupSchema,
  status: z.enum(['not_started', 'started', 'completed']),
});
export const myRoundListSchema = z.object({ items: z.array(myRoundSchema) }).meta({ id: 'MyReflectionRounds' });
export type MyReflectionRound = z.infer<typeof myRoundSchema>;

export const reportQuerySchema = z.object({
  format: z.enum(['json', 'csv']).default('json'),
  lang: z.enum(['nl', 'en']).default('nl').describe('Language of the CSV headers and names'),
});

// ---------------------------------------------------------------- the report

const protectedCountSchema = z.object({ count: z.number().int().nullable().describe('null when suppressed'), suppressed: z.boolean() });

export const statsSchema = z.object({
  group: z.enum([...reflectionGroups, 'all']).describe('A group, or all groups together'),
  respondents: protectedCountSchema.describe('How many of the group are in the report (exact: the round already shows who answered in counts)'),
  mean: z
    .number()
    .nullable()
    .describe(
      'Mean on the scale worked out from the noisy counts below ("not applicable" left out), two decimals; never from the answers themselves. Null when hidden or no count on the scale',
    ),
  distribution: z
    .array(z.object({ value: z.number(), count: z.number().int().nullable() }))
    .describe('Answers per scale value, each count with random noise added (see `noise`); for a section: the sum over its statements'),
  notApplicable: z.number().int().nullable().describe('"Not applicable" answers, with noise'),
  belowAction: z.boolean().nullable().describe('Mean below the instrument’s action threshold; null without a mean'),
});
export type ReflectionStats = z.infer<typeof statsSchema>;

const gapSchema = z.object({
  higher: reflectionGroupSchema,
  lower: reflectionGroupSchema,
  difference: z.number().describe('Mean of `higher` minus mean of `lower`, two decimals'),
});

const combinedMeanSchema = z
  .number()
  .nullable()
  .describe('Mean of the shown groups together, from their noisy counts; what points for action and suggested actions go by. Null when no shown group has a count on the scale');

export const itemReportSchema = z.object({
  id: z.string(),
  statement: localisedTextSchema,
  pupilStatement: localisedTextSchema.nullable(),
  groups: z.array(statsSchema).describe('The groups that answer this statement, then all of them together'),
  combinedMean: combinedMeanSchema,
  pointForAction: z.boolean(),
});

export const sectionReportSchema = z.object({
  id: z.string(),
  name: localisedTextSchema,
  front: z.enum(fronts),
  groups: z.array(statsSchema),
  gaps: z.array(gapSchema).describe('Differences between the means of shown groups, largest first'),
  combinedMean: combinedMeanSchema,
  pointForAction: z.boolean(),
  items: z.array(itemReportSchema),
});
export type ReflectionSectionReport = z.infer<typeof sectionReportSchema>;

export const reportNoiseSchema = z
  .object({
    epsilon: z.number().describe('Privacy budget ε of one histogram (one statement, one group): two-sided geometric noise'),
    histograms: z
      .number()
      .int()
      .describe(
        'Histograms in this publication, one per statement and shown group; a group that did not change since the last publication keeps its noisy counts, which costs no new budget',
      ),
    expectedError: z.number().describe('Mean amount by which one published count differs from the true count'),
    errorBound: z.number().int().describe('9 in 10 published counts differ from the true count by at most this'),
    confidence: z.number().describe('The share of counts `errorBound` holds for (0.9)'),
    publication: z.number().int().describe('Number of this publication in the round: 1 for the first, one more each time enough new answers joined'),
    publishedAt: z.string().describe('When its noise was drawn; every read until the next publication shows the same numbers'),
  })
  .meta({ id: 'ReflectionReportNoise' });
export type ReflectionReportNoise = z.infer<typeof reportNoiseSchema>;

export const reflectionReportSchema = z
  .object({
    round: z.object({
      id: z.string(),
      schoolId: z.string(),
      schoolName: z.string(),
      instrument: instrumentRefSchema,
      opensOn: z.string(),
      closesOn: z.string(),
      status: campaignStatusSchema,
    }),
    threshold: z.number().int().min(MIN_GROUP_SIZE),
    actionBelow: z.number(),
    scale: z.array(z.object({ value: z.number(), label: localisedTextSchema })),
    groups: z.array(
      z.object({
        group: reflectionGroupSchema,
        respondents: protectedCountSchema,
        awaiting: z.boolean().describe('Answers came in that are not in the report yet: they join once enough of them have come'),
      }),
    ),
    total: protectedCountSchema.describe('Everyone in the report; hidden when a group in it is hidden'),
    sections: z.array(sectionReportSchema),
    pointsForAction: z.array(z.string()).describe('Section ids below the action threshold, lowest combined mean first'),
    noise: reportNoiseSchema,
  })
  .meta({ id: 'ReflectionReport' });
export type ReflectionReport = z.infer<typeof reflectionReportSchema>;

// ---------------------------------------------------------------- rules

/** School roles that answer as school leaders; the ICT coordinator shapes policy with them. */
export const leaderRoles = ['principal', 'board_admin', 'ict_coordinator'] as const;

/**
 * The group an account holder answers a round in, from their roles in the school: leaders
 * for a principal, board admin or ICT coordinator, teachers for a teacher. Someone with both
 * kinds of roles answers as a leader, or as a teacher when leaders do not take part. Null when
 * none of their groups takes part.
 */
export function groupForRoles(roles: readonly string[], roundGroups: readonly ReflectionGroup[]): 'leaders' | 'teachers' | null {
  const candidates: Array<'leaders' | 'teachers'> = [];
  if (roles.some((role) => (leaderRoles as readonly string[]).includes(role))) candidates.push('leaders');
  if (roles.includes('teacher')) candidates.push('teachers');
  return candidates.find((group) => roundGroups.includes(group)) ?? null;
}
