import { randomBytes } from 'node:crypto';
import { AppError } from '../../../shared/errors';
import { type Locale, localeSchema } from '../../../shared/platform/api';
import type { AuditRepository } from '../audit/audit.repository';
import { newId, newToken, sha256 } from '../ids';
import type { MailService } from '../mail/mail.service';
import type { AccountsRepository } from './accounts.repository';
import type { AuthContext } from './auth.service';
import { passwordResetMail } from './password-reset.mail';
import type { PasswordResetsRepository } from './password-resets.repository';
import { requireStrongPassword } from './password-rule';
import { hashPassword, verifyPassword } from './passwords';
import type { SessionsRepository } from './sessions.repository';

/** How long a mailed reset link works. */
export const RESET_LINK_MS = 3600_000;

/** The web page a reset link opens (`src/web/platform/platform.routes.ts`). */
export const RESET_PAGE_PATH = '/wachtwoord-herstellen';

export interface PasswordServiceDeps {
  accounts: AccountsRepository;
  sessions: SessionsRepository;
  resets: PasswordResetsRepository;
  audit: AuditRepository;
  mail: MailService;
  appUrl: string;
  now?: () => Date;
}

const resetExpired = () => new AppError('password_reset_expired', 'This reset link is unknown, expired or already used; ask for a new one', 'body.token');

/** Changing a password, resetting a forgotten one by mail, and an administrator's reset. */
export class PasswordService {
  private readonly now: () => Date;

  constructor(private readonly deps: PasswordServiceDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  /** Sets a new password after checking the current one; every other session of the account ends. */
  async changePassword(auth: AuthContext, currentPassword: string, newPassword: string): Promise<void> {
    const user = await this.deps.accounts.findById(auth.userId);
    if (!user) throw new AppError('unauthenticated', 'This account no longer exists');
    if (!user.password_hash || !(await verifyPassword(user.password_hash, currentPassword))) {
      throw new AppError('invalid_credentials', 'The current password is wrong', 'body.currentPassword');
    }
    await requireStrongPassword(newPassword, { email: user.email, name: user.display_name }, 'body.newPassword');
    await this.deps.accounts.setPasswordHash(user.id, await hashPassword(newPassword));
    const ended = await this.deps.sessions.deleteOthersOfUser(user.id, auth.sessionId);
    await this.deps.resets.dropOpenOfUser(user.id);
    await this.deps.audit.record({ actorId: user.id, action: 'password_changed', subject: user.id, details: { otherSessionsEnded: ended } });
  }

  /**
   * Mails a single-use link to choose a new password when an account has the address; does
   * nothing visible otherwise, so the caller cannot tell which addresses have accounts.
   */
  async requestReset(email: string): Promise<void> {
    const user = await this.deps.accounts.findByEmail(email);
    if (!user) {
      await this.deps.audit.record({ actorId: null, action: 'password_reset_requested_unknown' });
      return;
    }
    const token = newToken();
    const now = this.now();
    const expiresAt = new Date(now.getTime() + RESET_LINK_MS).toISOString();
    await this.deps.resets.replaceOpen({ id: newId(), userId: user.id, tokenHash: sha256(token), createdAt: now.toISOString(), expiresAt });
    await this.deps.audit.record({ actorId: null, action: 'password_reset_requested', subject: user.id });
    const locale: Locale = localeSchema.catch('nl').parse(user.locale);
    await this.deps.mail.send(
      passwordResetMail({ locale, to: user.email, name: user.display_name, link: `${this.deps.appUrl.replace(/\/$/, '')}${RESET_PAGE_PATH}/${token}`, expiresAt }),
    );
  }

  /** Sets the password of the account a reset link belongs to; the link is used up and every session ends. */
  async resetPassword(token: string, newPassword: string): Promise<void> {
    const link = await this.deps.resets.findByTokenHash(sha256(token));
    const now = this.now().toISOString();
    if (!link || link.usedAt !== null || link.expiresAt <= now) throw resetExpired();
    const user = await this.deps.accounts.findById(link.userId);
    if (!user) throw resetExpired();
    // Checked before the link is used up, so a weak choice can be corrected with the same link.
    await requireStrongPassword(newPassword, { email: user.email, name: user.display_name }, 'body.newPassword');
    const passwordHash = await hashPassword(newPassword);
    if (!(await this.deps.resets.claim(link.id, now))) throw resetExpired();
    await this.deps.accounts.setPasswordHash(user.id, passwordHash);
    const ended = await this.deps.sessions.deleteAllOfUser(user.id);
    await this.deps.audit.record({ actorId: user.id, action: 'password_reset', subject: user.id, details: { sessionsEnded: ended } });
  }

  /**
   * An administrator's reset (the CLI): sets the given password, or a generated one, and ends
   * every session of the account. Returns the password, to be shown once.
   */
  async adminReset(email: string, password?: string): Promise<{ userId: string; password: string; generated: boolean }> {
    const user = await this.deps.accounts.findByEmail(email.trim().toLowerCase());
    if (!user) throw new AppError('not_found', `No account with the email ${email.trim().toLowerCase()}`, 'email');
    const chosen = password ?? generatePassword();
    await requireStrongPassword(chosen, { email: user.email, name: user.display_name }, 'password');
    await this.deps.accounts.setPasswordHash(user.id, await hashPassword(chosen));
    const ended = await this.deps.sessions.deleteAllOfUser(user.id);
    await this.deps.resets.dropOpenOfUser(user.id);
    await this.deps.audit.record({ actorId: null, action: 'password_reset_by_admin', subject: user.id, details: { sessionsEnded: ended, generated: password === undefined } });
    return { userId: user.id, password: chosen, generated: password === undefined };
  }
}

/** 20 random characters (120 bits), in groups of five so it can be read out and typed. */
function generatePassword(): string {
  const raw = randomBytes(15).toString('base64url');
  return raw.match(/.{5}/g)!.join('-');
}
