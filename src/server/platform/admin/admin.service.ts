import { conflict, notFound } from '../../../shared/errors';
import type { AccountDto, AuditEventDto } from '../../../shared/platform/admin';
import type { PlatformRoleName } from '../../../shared/platform/capabilities';
import type { AccessPolicy } from '../access/access';
import type { AuditRepository } from '../audit/audit.repository';
import type { AuthService } from '../auth/auth.service';
import type { PasswordService } from '../auth/password.service';
import type { SessionsRepository } from '../auth/sessions.repository';
import { nowIso } from '../ids';
import type { AccountRow, AdminRepository } from './admin.repository';

const DAY_MS = 86_400_000;

/**
 * The administrator's work on accounts and the audit log. Every method starts with the access
 * check; admins only. A teacher's scans and profile stay out of reach here too.
 */
export class AdminService {
  constructor(
    private readonly repo: AdminRepository,
    private readonly deps: { access: AccessPolicy; auth: AuthService; sessions: SessionsRepository; passwords: PasswordService; audit: AuditRepository },
  ) {}

  async listAccounts(adminId: string, query: { q?: string; role?: PlatformRoleName; limit: number; offset: number }): Promise<{ items: AccountDto[]; total: number }> {
    await this.deps.access.requirePlatform(adminId, 'manageAccounts');
    const { rows, total } = await this.repo.accounts({ q: query.q, platformRole: query.role, limit: query.limit, offset: query.offset });
    return { items: await Promise.all(rows.map((row) => this.accountDto(row))), total };
  }

  /**
   * Every account matching, for the command line's `users list`, whose user holds the database
   * itself: no access check. `userIds` limits them to those (a school's members).
   */
  async accountsAsOperator(filter: { platformRole?: PlatformRoleName; userIds?: readonly string[] }): Promise<AccountDto[]> {
    const { rows } = await this.repo.accounts({ ...filter, limit: Number.MAX_SAFE_INTEGER, offset: 0 });
    return Promise.all(rows.map((row) => this.accountDto(row)));
  }

  /** Blocks an account: it cannot log in, and every session it has ends now. One's own account stays open (409). */
  async blockAccount(adminId: string, accountId: string): Promise<AccountDto> {
    await this.deps.access.requirePlatform(adminId, 'manageAccounts');
    const account = await this.accountOrThrow(accountId);
    if (accountId === adminId) throw conflict('You cannot block your own account', 'accountId');
    if (account.blockedAt === null) {
      await this.repo.setBlocked(accountId, nowIso());
      const ended = await this.deps.sessions.deleteAllOfUser(accountId);
      await this.deps.audit.record({ actorId: adminId, action: 'account_blocked', subject: accountId, details: { sessions: ended } });
    }
    return this.accountDto(await this.accountOrThrow(accountId));
  }

  async unblockAccount(adminId: string, accountId: string): Promise<AccountDto> {
    await this.deps.access.requirePlatform(adminId, 'manageAccounts');
    const account = await this.accountOrThrow(accountId);
    if (account.blockedAt !== null) {
      await this.repo.setBlocked(accountId, null);
      await this.deps.audit.record({ actorId: adminId, action: 'account_unblocked', subject: accountId });
    }
    return this.accountDto(await this.accountOrThrow(accountId));
  }

  /** Mails the account a reset link, the same as it would get by asking for one itself. */
  async sendPasswordResetLink(adminId: string, accountId: string): Promise<void> {
    await this.deps.access.requirePlatform(adminId, 'manageAccounts');
    const account = await this.accountOrThrow(accountId);
    await this.deps.passwords.requestReset(account.email);
    await this.deps.audit.record({ actorId: adminId, action: 'password_reset_link_sent', subject: accountId });
  }

  /** A page of the audit log, newest first; an actor given by an address without an account matches nothing. */
  async listAuditLog(
    adminId: string,
    query: { actor?: string; action?: string; from?: string; to?: string; limit: number; offset: number },
  ): Promise<{ items: AuditEventDto[]; hasMore: boolean }> {
    await this.deps.access.requirePlatform(adminId, 'readAuditLog');
    const actorId = query.actor ? ((await this.repo.userIdByEmail(query.actor.toLowerCase())) ?? '') : undefined;
    const rows = await this.repo.auditEvents({
      actorId,
      action: query.action || undefined,
      from: query.from && `${query.from}T00:00:00.000Z`,
      to: query.to && new Date(Date.parse(`${query.to}T00:00:00.000Z`) + DAY_MS).toISOString(),
      limit: query.limit,
      offset: query.offset,
    });
    return {
      items: rows.slice(0, query.limit).map((row) => ({
        id: row.id,
        at: row.at,
        actorId: row.actor_id,
        actorEmail: row.actor_email ?? null,
        action: row.action,
        subject: row.subject,
        details: row.details,
      })),
      hasMore: rows.length > query.limit,
    };
  }

  private async accountOrThrow(accountId: string): Promise<AccountRow> {
    const account = await this.repo.account(accountId);
    if (!account) throw notFound('Account', 'accountId');
    return account;
  }

  private async accountDto(row: AccountRow): Promise<AccountDto> {
    const user = await this.deps.auth.currentUser(row.id);
    return { ...row, platformRoles: user.globalRoles, memberships: user.memberships };
  }
}
