/**
 * Row types of the platform's own tables, as Kysely sees them. Each module types its own
 * tables in `<module>.tables.ts`. Timestamps are ISO-8601 UTC text; booleans 0/1.
 */
export interface UsersTable {
  id: string;
  email: string;
  password_hash: string | null;
  display_name: string;
  locale: string;
  created_at: string;
  /** Set by an administrator's block: no login, no session. */
  blocked_at: string | null;
}

export interface UserRolesTable {
  user_id: string;
  role: string;
}

export interface SessionsTable {
  /** sha-256 of the cookie token: a stolen database does not hold live tokens. */
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
}

export interface AuditLogTable {
  id: string;
  at: string;
  actor_id: string | null;
  action: string;
  subject: string | null;
  details: string | null;
}

export interface OutboxTable {
  id: string;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string | null;
  status: 'queued' | 'sent' | 'failed';
  error: string | null;
  created_at: string;
  sent_at: string | null;
  /** 1 when the recipient must stay hidden from everyone (a reminder tells who has not finished). */
  confidential: number;
}

/** Attempts counted under one hashed key (policy, IP, address) since its window began. */
export interface RateLimitsTable {
  key: string;
  window_start: string;
  attempts: number;
}

/** A mailed link to choose a new password: single use, one hour. */
export interface PasswordResetsTable {
  id: string;
  user_id: string;
  token_hash: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

// A type, not an interface: Kysely's withTables wants an index signature, which only types get implicitly.
export type PlatformTables = {
  users: UsersTable;
  user_roles: UserRolesTable;
  sessions: SessionsTable;
  audit_log: AuditLogTable;
  outbox: OutboxTable;
  rate_limits: RateLimitsTable;
  password_resets: PasswordResetsTable;
};
