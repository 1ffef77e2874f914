import type { Kysely } from 'kysely';
import type { Role } from '../../../shared/platform/api';
import { containsText } from '../db/contains-text';
import type { PlatformTables as Database } from '../db/schema';

export interface AccountRow {
  id: string;
  email: string;
  displayName: string;
  createdAt: string;
  blockedAt: string | null;
}

export interface AuditFilter {
  actorId?: string;
  action?: string;
  /** ISO instants, `from` included, `to` excluded. */
  from?: string;
  to?: string;
  limit: number;
  offset: number;
}

/** What the administrator's pages read and change of accounts and the audit log. */
export class AdminRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** A page of accounts, newest first, matching a part of the address or name; `userIds` limits them to those. */
  async accounts(filter: { q?: string; platformRole?: Role; userIds?: readonly string[]; limit: number; offset: number }): Promise<{ rows: AccountRow[]; total: number }> {
    const base = this.db
      .selectFrom('users')
      .$if(Boolean(filter.q), (qb) => qb.where(containsText(['email', 'display_name'], filter.q!)))
      .$if(filter.platformRole !== undefined, (qb) => qb.where('id', 'in', (eb) => eb.selectFrom('user_roles').select('user_id').where('role', '=', filter.platformRole!)))
      .$if(filter.userIds !== undefined, (qb) => (filter.userIds!.length === 0 ? qb.where((eb) => eb.lit(false)) : qb.where('id', 'in', [...filter.userIds!])));
    const [rows, count] = await Promise.all([
      base.select(['id', 'email', 'display_name', 'created_at', 'blocked_at']).orderBy('created_at', 'desc').orderBy('id').limit(filter.limit).offset(filter.offset).execute(),
      base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
    ]);
    return {
      rows: rows.map((r) => ({ id: r.id, email: r.email, displayName: r.display_name, createdAt: r.created_at, blockedAt: r.blocked_at })),
      total: Number(count.n),
    };
  }

  async account(id: string): Promise<AccountRow | undefined> {
    const row = await this.db.selectFrom('users').select(['id', 'email', 'display_name', 'created_at', 'blocked_at']).where('id', '=', id).executeTakeFirst();
    return row && { id: row.id, email: row.email, displayName: row.display_name, createdAt: row.created_at, blockedAt: row.blocked_at };
  }

  async setBlocked(id: string, blockedAt: string | null): Promise<void> {
    await this.db.updateTable('users').set({ blocked_at: blockedAt }).where('id', '=', id).execute();
  }

  async userIdByEmail(email: string): Promise<string | undefined> {
    return (await this.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst())?.id;
  }

  /** A page of the audit log, newest first, one more than asked so the caller knows whether more follow. */
  async auditEvents(filter: AuditFilter) {
    return this.db
      .selectFrom('audit_log')
      .leftJoin('users', 'users.id', 'audit_log.actor_id')
      .select(['audit_log.id', 'audit_log.at', 'audit_log.actor_id', 'users.email as actor_email', 'audit_log.action', 'audit_log.subject', 'audit_log.details'])
      .$if(filter.actorId !== undefined, (qb) => qb.where('audit_log.actor_id', '=', filter.actorId!))
      .$if(filter.action !== undefined, (qb) => qb.where('audit_log.action', '=', filter.action!))
      .$if(filter.from !== undefined, (qb) => qb.where('audit_log.at', '>=', filter.from!))
      .$if(filter.to !== undefined, (qb) => qb.where('audit_log.at', '<', filter.to!))
      .orderBy('audit_log.at', 'desc')
      .orderBy('audit_log.id', 'desc')
      .limit(filter.limit + 1)
      .offset(filter.offset)
      .execute();
  }
}
