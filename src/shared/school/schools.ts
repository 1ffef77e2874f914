import { z } from 'zod';
import { emailSchema, localeSchema, passwordSchema } from '../platform/api';
import { schoolRoleList } from '../platform/capabilities';
import { educationLevels, provinces, schoolNetworks } from '../platform/flanders';

/** Schools, boards and their teams: contracts shared by the server, the web app and the tests. */

/** The roles held inside a school, in the order lists show them. */
export const schoolRoles = schoolRoleList;
export const schoolRoleSchema = z.enum(schoolRoles);
export type SchoolRole = z.infer<typeof schoolRoleSchema>;

/** The roles a manager may give or take away; defined with the other role rules in capabilities.ts. */
export { grantableRoles } from '../platform/capabilities';

/** An invitation link stays valid this many days. */
export const INVITATION_DAYS = 14;

export const schoolIdParamsSchema = z.object({ schoolId: z.string().min(1).max(100) });
export const memberParamsSchema = z.object({ schoolId: z.string().min(1).max(100), userId: z.string().min(1).max(100) });
export const invitationParamsSchema = z.object({ schoolId: z.string().min(1).max(100), invitationId: z.string().min(1).max(100) });
export const boardParamsSchema = z.object({ boardId: z.string().min(1).max(100) });
export const tokenParamsSchema = z.object({ token: z.string().min(1).max(200) });
export const joinCodeParamsSchema = z.object({ code: z.string().min(1).max(40) });

export const boardRefSchema = z.object({ id: z.string(), name: z.string(), number: z.string().nullable() });

export const schoolSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    institutionNumber: z.string().nullable(),
    educationLevel: z.enum(educationLevels).nullable(),
    province: z.enum(provinces).nullable(),
    network: z.enum(schoolNetworks).nullable(),
    board: boardRefSchema.nullable(),
    /** The caller's roles here, a board admin's included: what the UI may offer. */
    myRoles: z.array(schoolRoleSchema),
    /** Whether joining (invitation or join code) needs an account linked to the identity provider. */
    requireIdentityProvider: z.boolean(),
  })
  .meta({ id: 'School' });
export type SchoolDto = z.infer<typeof schoolSchema>;

export const boardSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    number: z.string().nullable(),
    schools: z.array(schoolSchema.omit({ board: true, myRoles: true, requireIdentityProvider: true })),
  })
  .meta({ id: 'Board' });

/** A member of a school's team as its managers see them: who, and in which roles. Never scan data. */
export const memberSchema = z
  .object({
    userId: z.string(),
    name: z.string(),
    email: z.string(),
    roles: z.array(schoolRoleSchema).min(1),
    since: z.string().describe('When the first of these roles was given (ISO-8601 UTC)'),
  })
  .meta({ id: 'Member' });
export type MemberDto = z.infer<typeof memberSchema>;

export const memberListSchema = z.object({ items: z.array(memberSchema) }).meta({ id: 'MemberList' });

export const addMemberBodySchema = z
  .object({
    email: emailSchema,
    role: schoolRoleSchema,
    /** For the invitation of someone without an account yet. */
    name: z.string().trim().min(1).max(120).optional(),
    /** The language of the invitation mail to someone without an account yet. */
    locale: localeSchema.optional(),
  })
  .meta({ id: 'AddMemberBody' });

export const setRolesBodySchema = z.object({ roles: z.array(schoolRoleSchema).min(1).max(schoolRoles.length) }).meta({ id: 'MemberRolesBody' });

export const pendingInvitationSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string().nullable(),
    role: schoolRoleSchema,
    createdAt: z.string(),
    expiresAt: z.string(),
  })
  .meta({ id: 'PendingInvitation' });
export type PendingInvitationDto = z.infer<typeof pendingInvitationSchema>;

export const invitationListSchema = z.object({ items: z.array(pendingInvitationSchema) }).meta({ id: 'InvitationList' });

/**
 * Always an invitation, whether or not the address has an account: nobody joins a team without
 * accepting, and the answer tells nothing about the address.
 */
export const addMemberResultSchema = z
  .object({
    outcome: z.literal('invited').describe('An invitation mail went out; the person joins when they accept it'),
    invitation: pendingInvitationSchema,
  })
  .meta({ id: 'AddMemberResult' });

/** The school's own settings, changed by its principal (or a board admin). */
export const schoolSettingsBodySchema = z
  .object({
    /** Only accounts linked to the identity provider may join: invitations need its verified address, join codes a linked account. */
    requireIdentityProvider: z.boolean(),
  })
  .meta({ id: 'SchoolSettingsBody' });

export const rosterReportSchema = z
  .object({
    /** Invitations sent (a pending invitation to the same address is replaced by the new one). */
    invited: z.number().int(),
    /** Lines whose address belongs to a member already: nothing sent. */
    alreadyMembers: z.array(z.object({ line: z.number().int(), email: z.string() })),
  })
  .meta({ id: 'RosterReport' });

export const joinCodeSchema = z
  .object({
    code: z.string().describe('Eight letters and digits, shown as XXXX-XXXX; case and dash do not matter when typed'),
    joinUrl: z.string().describe('The link that opens the join page with the code filled in'),
  })
  .meta({ id: 'JoinCode' });

export const joinResultSchema = z.object({ schoolId: z.string(), schoolName: z.string(), roles: z.array(schoolRoleSchema) }).meta({ id: 'JoinResult' });

/** Every school of the platform, as the administrator's list shows it. */
export const schoolDirectoryQuerySchema = z.object({
  q: z.string().trim().max(120).optional().describe("Part of the school's or its board's name, or its institution number"),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const schoolDirectoryEntrySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    institutionNumber: z.string().nullable(),
    educationLevel: z.enum(educationLevels).nullable(),
    province: z.enum(provinces).nullable(),
    board: boardRefSchema.nullable(),
    members: z.number().int().describe('Accounts with a role in the school itself'),
  })
  .meta({ id: 'SchoolDirectoryEntry' });

export type SchoolDirectoryEntry = z.infer<typeof schoolDirectoryEntrySchema>;

export const schoolDirectorySchema = z.object({ items: z.array(schoolDirectoryEntrySchema), total: z.number().int() }).meta({ id: 'SchoolDirectory' });

/** What a join link shows before anyone logs in: the school's name, and whether joining needs its identity provider. */
export const joinLinkSchema = z.object({ schoolName: z.string(), requireIdentityProvider: z.boolean() }).meta({ id: 'JoinLink' });

export const joinWithNewAccountBodySchema = z
  .object({
    name: z.string().trim().min(1).max(120),
    email: emailSchema,
    password: passwordSchema,
    locale: localeSchema.optional(),
  })
  .meta({ id: 'JoinWithNewAccountBody' });

/** What the invitation link shows before anyone logs in: enough to recognise it, nothing more. */
export const invitationSchema = z
  .object({
    schoolName: z.string(),
    email: z.string(),
    /** The name the inviter gave, to fill in the form. */
    name: z.string().nullable(),
    role: schoolRoleSchema,
    expiresAt: z.string(),
    /** Whether only an identity-provider login of the invited address can accept (the school's setting). */
    requireIdentityProvider: z.boolean(),
  })
  .meta({ id: 'Invitation' });

export const acceptInvitationBodySchema = z
  .object({
    /** Needed for a new account; ignored for an existing one. */
    name: z.string().trim().min(1).max(120).optional(),
    /** A new account's password, or the existing account's. Leave out when logged in. */
    password: z.string().min(1).max(200).optional(),
    /**
     * Which the person chose: `existing` only logs in to the invited address's account (no account: 401
     * invalid_credentials, as a wrong password); `new` makes it, or logs in when it exists. Left out: as `new`.
     */
    account: z.enum(['new', 'existing']).optional(),
    locale: localeSchema.optional(),
  })
  .meta({ id: 'AcceptInvitationBody' });
