import { createRequire } from 'node:module';
import type nodemailer from 'nodemailer';
import type { OutboxQuery } from '../../../shared/platform/mail';
import type { AccessPolicy } from '../access/access';
import { newId, nowIso } from '../ids';
import type { OutboxMessage, OutboxRepository } from './outbox.repository';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** Hide the recipient from the outbox and the log (a reminder tells who has not finished). */
  confidential?: boolean;
}

/** Delivers one message; nodemailer's SMTP transport in production. */
export interface MailTransport {
  deliver(message: MailMessage & { from: string }): Promise<void>;
  close(): void;
}

/** The part of a pino logger the mail service writes to. */
export interface MailLog {
  info(details: object, message: string): void;
  error(details: object, message: string): void;
}

/**
 * An SMTP transport from a URL: `smtp://user:pass@host:587` (STARTTLS when offered) or `smtps://host:465`.
 * nodemailer is loaded only here: a server without SMTP never needs it (about 2 MB of memory).
 */
export function smtpTransport(smtpUrl: string): MailTransport {
  const { createTransport } = createRequire(import.meta.url)('nodemailer') as typeof nodemailer;
  const transporter = createTransport(smtpUrl);
  return {
    async deliver(message) {
      await transporter.sendMail(message);
    },
    close: () => transporter.close(),
  };
}

/**
 * Sends mail for every module (invitations, reminders). Each message is first stored in the
 * outbox table as `queued`; with an SMTP transport it is then delivered in the background and
 * marked `sent` or `failed`. Without one it stays `queued` and is written to the log, so a
 * server with no mail server still shows every message (to admins: `GET /api/admin/outbox`).
 */
export class MailService {
  private pending = new Set<Promise<void>>();
  private log: MailLog = { info: () => {}, error: (details, message) => console.error(message, details) };

  constructor(
    private readonly outbox: OutboxRepository,
    private readonly transport: MailTransport | null,
    private readonly from: string,
    private readonly access: AccessPolicy,
  ) {}

  /** Where messages kept in the outbox (and delivery failures) are logged: the server's logger. */
  useLog(log: MailLog): void {
    this.log = log;
  }

  /** Stores the message and starts its delivery; resolves once it is stored, not once it is delivered. */
  async send(message: MailMessage): Promise<{ id: string }> {
    const id = newId();
    const confidential = message.confidential === true;
    await this.outbox.insert({ id, to: message.to, subject: message.subject, text: message.text, html: message.html ?? null, createdAt: nowIso(), confidential });
    if (this.transport === null) {
      const shown = confidential ? { id, subject: message.subject } : { id, to: message.to, subject: message.subject, text: message.text };
      this.log.info({ mail: shown }, 'mail kept in the outbox (no SMTP_URL)');
    } else {
      this.track(this.deliver(id, message, this.transport));
    }
    return { id };
  }

  /** Waits for every delivery under way: at shutdown, and in tests. */
  async flush(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  async close(): Promise<void> {
    await this.flush();
    this.transport?.close();
  }

  /** The newest messages of the outbox: admins only. */
  async listOutbox(userId: string, query: OutboxQuery): Promise<OutboxMessage[]> {
    await this.access.requirePlatform(userId, 'readOutbox');
    return this.outbox.list({ status: query.status, to: query.to, limit: query.limit });
  }

  private async deliver(id: string, message: MailMessage, transport: MailTransport): Promise<void> {
    try {
      const { confidential: _, ...mail } = message;
      await transport.deliver({ ...mail, from: this.from });
      await this.outbox.markSent(id, nowIso());
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.log.error({ mail: message.confidential ? { id } : { id, to: message.to }, err: reason }, 'mail delivery failed');
      await this.outbox.markFailed(id, reason.slice(0, 1000)).catch(() => {});
    }
  }

  private track(delivery: Promise<void>): void {
    this.pending.add(delivery);
    void delivery.finally(() => this.pending.delete(delivery));
  }
}
