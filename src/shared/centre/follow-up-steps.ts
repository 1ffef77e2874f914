import { z } from 'zod';
import { FOLLOW_UP_KEY_PATTERN, followUpPages, MAX_FOLLOW_UP_STEPS, MIN_FOLLOW_UP_STEPS } from './follow-up-vocabulary';

const title = z.object({ nl: z.string().trim().min(1).max(120), en: z.string().trim().min(1).max(120) }).strict();
/** One paragraph; may be empty while the centre writes it. */
const explanation = z.object({ nl: z.string().trim().max(1200), en: z.string().trim().max(1200) }).strict();

export const followUpStepSchema = z
  .object({
    key: z.string().max(40).regex(FOLLOW_UP_KEY_PATTERN, 'lower case letters, digits and hyphens'),
    title,
    text: explanation,
    /** The slug of a knowledge-base article (content/articles) that helps with the step. */
    article: z.string().max(80).regex(FOLLOW_UP_KEY_PATTERN).nullable(),
    /** The school's page in the product that helps with the step. */
    page: z.enum(followUpPages).nullable(),
  })
  .strict();
export type FollowUpStep = z.output<typeof followUpStepSchema>;

/** 2 to 12 steps, each key once: a key names the ticks schools gave it. */
const stepList = <T extends z.ZodType<{ key: string }>>(step: T) =>
  z
    .array(step)
    .min(MIN_FOLLOW_UP_STEPS)
    .max(MAX_FOLLOW_UP_STEPS)
    .superRefine((steps, ctx) => {
      steps.forEach((one, i) => {
        if (steps.findIndex((other) => other.key === one.key) < i) ctx.addIssue({ code: 'custom', path: [i, 'key'], message: `the key “${one.key}” is used twice` });
      });
    });
export const followUpStepListSchema = stepList(followUpStepSchema);

/**
 * content/follow-up/steps.json: the defaults until the centre saves its own version. Each step
 * says whether the centre's "7 steps" name it (`origin: 'centre'`, verified on the two sources) or
 * it is our wording of the cycle the centre describes (`origin: 'us'`).
 */
export const followUpContentSchema = z
  .object({
    source: z.object({ url: z.string().url(), note: z.string().min(1) }),
    seeAlso: z.array(z.object({ url: z.string().url(), note: z.string().min(1) })),
    steps: stepList(followUpStepSchema.extend({ origin: z.enum(['centre', 'us']) })),
  })
  .strict();
export type FollowUpContent = z.output<typeof followUpContentSchema>;

export const followUpStepsSchema = z.object({
  /** 0: the defaults of the content file, never saved; each save adds one. */
  version: z.number().int().min(0),
  steps: followUpStepListSchema,
  savedAt: z.string().nullable(),
  canEdit: z.boolean(),
});
export type FollowUpStepsDto = z.output<typeof followUpStepsSchema>;

export const updateFollowUpStepsBodySchema = z
  .object({
    version: z.number().int().min(0).describe('The version read before editing; a stale one gets 409 conflict and nothing is written'),
    steps: followUpStepListSchema,
  })
  .strict();
export type UpdateFollowUpStepsBody = z.output<typeof updateFollowUpStepsBodySchema>;
