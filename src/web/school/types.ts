import type { z } from 'zod';
import type { invitationSchema, joinResultSchema } from '../../shared/school/schools';

export type InvitationView = z.infer<typeof invitationSchema>;
export type JoinResult = z.infer<typeof joinResultSchema>;
