import type { Kysely } from 'kysely';
import { precompiled } from '../db/precompiled';
import type { PlatformTables as Database } from '../db/schema';
import { newId, nowIso } from '../ids';

export interface AuditEvent {
  actorId: string | null;
  action: string;
  subject?: string | null;
  details?: Record<string, unknown>;
}

export class AuditRepository {
  /** Every write records one, in the write's own transaction: compiled once. */
  private readonly insertEvent;

  constructor(private readonly db: Kysely<Database>) {
    this.insertEvent = precompiled(
      db,
      (id: string, at: string, actorId: string | null, action: string, subject: string | null, details: string | null) =>
        db.insertInto('audit_log').values({ id, at, actor_id: actorId, action, subject, details }),
      6,
    );
  }

  async record(event: AuditEvent, trx: Kysely<Database> = this.db): Promise<void> {
    await this.insertEvent.on(trx)(newId(), nowIso(), event.actorId, event.action, event.subject ?? null, event.details ? JSON.stringify(event.details) : null);
  }
}
