import { z } from 'zod';
import { ictTeamContentSchema } from './ict-team-content';
import { ictTeamJobs, MAX_ICT_HOURS } from './ict-team-jobs';

export const ictTeamParamsSchema = z.object({ schoolId: z.string().min(1).max(100) });
export const ictTeamMemberParamsSchema = z.object({ schoolId: z.string().min(1).max(100), memberId: z.string().min(1).max(100) });

export const ictTeamMemberBodySchema = z
  .object({
    name: z.string().trim().min(1).max(120),
    job: z.enum(ictTeamJobs),
    /** Hours a week for ICT tasks, to a tenth of an hour. */
    hoursPerWeek: z
      .number()
      .min(0)
      .max(MAX_ICT_HOURS)
      .refine((hours) => Math.abs(hours * 10 - Math.round(hours * 10)) < 1e-9, 'to a tenth of an hour'),
    /** Shared with other schools of the school group (the hours are the ones this school gets). */
    sharedWithGroup: z.boolean(),
    /** Task ids of the task overview. */
    tasks: z.array(z.string().min(1).max(60)).max(100),
  })
  .strict();
export type IctTeamMemberBody = z.output<typeof ictTeamMemberBodySchema>;

export const ictTeamMemberSchema = ictTeamMemberBodySchema.extend({ id: z.string() });
export type IctTeamMemberDto = z.output<typeof ictTeamMemberSchema>;

export const ictTeamSchema = z.object({
  schoolId: z.string(),
  schoolName: z.string(),
  members: z.array(ictTeamMemberSchema),
  /** The hours of every member together. */
  totalHours: z.number(),
  content: ictTeamContentSchema,
  canEdit: z.boolean(),
});
export type IctTeamDto = z.output<typeof ictTeamSchema>;
