import { z } from 'zod';
import { educationLevels, provinces } from '../platform/flanders';
import { followUpStepSchema } from './follow-up-steps';

export { followUpStepsSchema, updateFollowUpStepsBodySchema } from './follow-up-steps';

const counts = {
  schools: z.number().int().nullable().describe('Schools in the group with a finished round; null when fewer than five'),
  ticked: z.array(z.number().int()).nullable().describe('Per step, in the order of `steps`, the schools that ticked it; null when the group has fewer than five schools'),
};

/** How far schools get after a round: counts of schools only, a group under five shows none. */
export const followUpProgressSchema = z.object({
  version: z.number().int(),
  steps: z.array(followUpStepSchema.pick({ key: true, title: true })),
  flanders: z.object(counts),
  byProvince: z.array(z.object({ province: z.enum(provinces), ...counts })),
  byLevel: z.array(z.object({ level: z.enum(educationLevels), ...counts })),
});
export type FollowUpProgressDto = z.output<typeof followUpProgressSchema>;
