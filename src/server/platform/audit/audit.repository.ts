import type { Kysely } from 'kysely';
import type { PlatformTables as Database } from '../db/schema';
import { newId, nowIso } from '../ids';

export interface AuditEvent {
  actorId: string | null;
  action: string;
  subject?: string | null;
  details?: Record<string, unknown>;
}

export class AuditRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async record(event: AuditEvent, trx: Kysely<Database> = this.db): Promise<void> {
    await trx
      .insertInto('audit_log')
      .values({
        id: newId(),
        at: nowIso(),
        actor_id: event.actorId,
        action: event.action,
        subject: event.subject ?? null,
        details: event.details ? JSON.stringify(event.details) : null,
      })
      .execute();
  }
}
