import { z } from 'zod';
import { followUpStepSchema } from '../../centre/follow-up-steps';

const dateSchema = z.iso.date('a date as YYYY-MM-DD');

export const campaignFollowUpParamsSchema = z.object({ schoolId: z.string().min(1).max(100), campaignId: z.string().min(1).max(100) });
export const campaignFollowUpStepParamsSchema = campaignFollowUpParamsSchema.extend({ stepKey: z.string().min(1).max(40) });

export const campaignFollowUpStepBodySchema = z
  .object({
    done: z.boolean(),
    /** The day the step was done (Brussels); today when left out. Not after today. */
    on: dateSchema.optional(),
    note: z.string().trim().max(280).optional(),
  })
  .strict();
export type CampaignFollowUpStepBody = z.output<typeof campaignFollowUpStepBodySchema>;

export const campaignFollowUpSchema = z.object({
  campaignId: z.string(),
  schoolId: z.string(),
  steps: z.array(followUpStepSchema.extend({ done: z.object({ on: z.string(), note: z.string().nullable() }).nullable() })),
  done: z.number().int(),
  total: z.number().int(),
  canEdit: z.boolean(),
});
export type CampaignFollowUpDto = z.output<typeof campaignFollowUpSchema>;
