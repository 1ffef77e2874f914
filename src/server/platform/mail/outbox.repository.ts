import type { Kysely } from 'kysely';
import type { PlatformTables as Database, OutboxTable } from '../db/schema';

export type OutboxStatus = OutboxTable['status'];

export interface OutboxMessage {
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string | null;
  status: OutboxStatus;
  error: string | null;
  createdAt: string;
  sentAt: string | null;
}

const HIDDEN = '(hidden)';

export class OutboxRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(message: Omit<OutboxMessage, 'error' | 'sentAt' | 'status'> & { confidential: boolean }): Promise<void> {
    await this.db
      .insertInto('outbox')
      .values({
        id: message.id,
        to_address: message.to,
        subject: message.subject,
        text_body: message.text,
        html_body: message.html,
        status: 'queued',
        error: null,
        created_at: message.createdAt,
        sent_at: null,
        confidential: message.confidential ? 1 : 0,
      })
      .execute();
  }

  async markSent(id: string, sentAt: string): Promise<void> {
    await this.db.updateTable('outbox').set({ status: 'sent', sent_at: sentAt, error: null }).where('id', '=', id).execute();
  }

  async markFailed(id: string, error: string): Promise<void> {
    await this.db.updateTable('outbox').set({ status: 'failed', error }).where('id', '=', id).execute();
  }

  /**
   * The newest messages first, optionally of one status or to one address. A confidential
   * message shows neither its address nor its text, and never matches an address filter, so
   * the outbox cannot tell who got a reminder.
   */
  async list(filter: { status?: OutboxStatus; to?: string; limit: number }): Promise<OutboxMessage[]> {
    const rows = await this.db
      .selectFrom('outbox')
      .selectAll()
      .$if(filter.status !== undefined, (qb) => qb.where('status', '=', filter.status!))
      .$if(filter.to !== undefined, (qb) => qb.where('to_address', '=', filter.to!).where('confidential', '=', 0))
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(filter.limit)
      .execute();
    return rows.map((r) => ({
      id: r.id,
      to: r.confidential ? HIDDEN : r.to_address,
      subject: r.subject,
      text: r.confidential ? HIDDEN : r.text_body,
      html: r.confidential ? null : r.html_body,
      status: r.status,
      error: r.error,
      createdAt: r.created_at,
      sentAt: r.sent_at,
    }));
  }
}
