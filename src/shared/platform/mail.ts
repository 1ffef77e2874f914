import { z } from 'zod';

/** The outbox: every mail the platform sent or keeps, for admins. */
export const outboxStatuses = ['queued', 'sent', 'failed'] as const;

export const outboxQuerySchema = z.object({
  status: z.enum(outboxStatuses).optional(),
  to: z.string().trim().toLowerCase().max(254).optional().describe('Only messages to this address'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type OutboxQuery = z.infer<typeof outboxQuerySchema>;

export const outboxMessageSchema = z
  .object({
    id: z.string(),
    to: z.string(),
    subject: z.string(),
    text: z.string(),
    html: z.string().nullable(),
    status: z.enum(outboxStatuses),
    error: z.string().nullable().describe('Why delivery failed'),
    createdAt: z.string(),
    sentAt: z.string().nullable(),
  })
  .meta({ id: 'OutboxMessage' });

export const outboxListSchema = z.object({ items: z.array(outboxMessageSchema) }).meta({ id: 'OutboxList' });
