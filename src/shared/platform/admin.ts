import { z } from 'zod';
import { membershipSchema, roleSchema } from './api';
import { platformRoleList } from './capabilities';

/** The administrator's pages: accounts and the audit log (the outbox is `listOutbox`, providers are the catalogue's). */

const pageQuery = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
};

export const accountQuerySchema = z.object({
  q: z.string().trim().max(254).optional().describe('Part of the address or the name'),
  role: z.enum(platformRoleList).optional().describe('Only accounts holding this platform-wide role'),
  ...pageQuery,
});

export const accountSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    displayName: z.string(),
    createdAt: z.string(),
    /** When an administrator blocked it; null while it may log in. */
    blockedAt: z.string().nullable(),
    platformRoles: z.array(roleSchema),
    memberships: z.array(membershipSchema),
  })
  .meta({ id: 'Account' });
export type AccountDto = z.infer<typeof accountSchema>;

export const accountListSchema = z.object({ items: z.array(accountSchema), total: z.number().int() }).meta({ id: 'AccountList' });

export const accountParamsSchema = z.object({ accountId: z.string().min(1).max(100) });

export const auditQuerySchema = z.object({
  actor: z.string().trim().max(254).optional().describe("The actor's address"),
  action: z.string().trim().max(60).optional(),
  from: z.iso.date().optional().describe('First day (UTC), included'),
  to: z.iso.date().optional().describe('Last day (UTC), included'),
  ...pageQuery,
});

export const auditEventSchema = z
  .object({
    id: z.string(),
    at: z.string(),
    actorId: z.string().nullable(),
    actorEmail: z.string().nullable(),
    action: z.string(),
    subject: z.string().nullable(),
    details: z.string().nullable(),
  })
  .meta({ id: 'AuditEvent' });
export type AuditEventDto = z.infer<typeof auditEventSchema>;

export const auditListSchema = z.object({ items: z.array(auditEventSchema), hasMore: z.boolean() }).meta({ id: 'AuditList' });
