import { z } from 'zod';
import { MAX_PASSWORD_LENGTH } from './password-strength';

export const roles = ['teacher', 'ict_coordinator', 'principal', 'board_admin', 'provider', 'centre_analyst', 'admin'] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

export const locales = ['nl', 'en'] as const;
export const localeSchema = z.enum(locales);
export type Locale = z.infer<typeof localeSchema>;

export const emailSchema = z.string().trim().toLowerCase().pipe(z.email().max(254));
/** A new password's shape; whether it is strong enough is `judgePassword` (password-strength.ts), checked by the service. */
export const passwordSchema = z.string().min(1).max(MAX_PASSWORD_LENGTH);

export const membershipSchema = z.object({
  schoolId: z.string(),
  schoolName: z.string(),
  role: roleSchema,
});

export type Membership = z.infer<typeof membershipSchema>;

export const providerMembershipSchema = z.object({
  providerId: z.string(),
  providerName: z.string(),
});

export type ProviderMembership = z.infer<typeof providerMembershipSchema>;

export const currentUserSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    displayName: z.string(),
    locale: localeSchema,
    /** Roles that hold everywhere (admin, centre_analyst, provider, teacher without a school). */
    globalRoles: z.array(roleSchema),
    memberships: z.array(membershipSchema),
    /** The training providers this account manages trainings for (provider accounts). */
    providers: z.array(providerMembershipSchema),
  })
  .meta({ id: 'CurrentUser' });
export type CurrentUser = z.infer<typeof currentUserSchema>;

export const loginBodySchema = z.object({
  email: emailSchema,
  password: z.string().min(1).max(200),
});
export type LoginBody = z.infer<typeof loginBodySchema>;

export const sessionResponseSchema = z
  .object({
    user: currentUserSchema,
    csrfToken: z.string().describe('Send back in the `x-csrf-token` header of every state-changing request'),
  })
  .meta({ id: 'Session' });
export type SessionResponse = z.infer<typeof sessionResponseSchema>;

export const sessionStateSchema = z
  .object({
    user: currentUserSchema.nullable().describe('Null without a session'),
    csrfToken: z.string().nullable(),
  })
  .meta({ id: 'SessionState' });
export type SessionState = z.infer<typeof sessionStateSchema>;

export const updateMeBodySchema = z.object({
  displayName: z.string().trim().min(1).max(120).optional(),
  locale: localeSchema.optional(),
});

export const changePasswordBodySchema = z.object({
  currentPassword: z.string().min(1).max(MAX_PASSWORD_LENGTH),
  newPassword: passwordSchema,
});

export const requestPasswordResetBodySchema = z.object({ email: emailSchema });

export const resetPasswordBodySchema = z.object({
  token: z.string().min(1).max(200).describe('The token of the link the reset mail holds'),
  newPassword: passwordSchema,
});

export const passwordResetRequestedSchema = z
  .object({ status: z.literal('requested').describe('The same for every address, whether or not an account has it') })
  .meta({ id: 'PasswordResetRequested' });

export const exportQuerySchema = z.object({ format: z.enum(['json', 'zip']).default('json') });

export const healthResponseSchema = z
  .object({
    status: z.literal('ok'),
    database: z.enum(['sqlite', 'postgres']),
    version: z.string(),
  })
  .meta({ id: 'Health' });
