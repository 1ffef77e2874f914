import type { Kysely } from 'kysely';
import type { OidcTables } from '../auth/oidc.repository';
import type { PlatformTables } from '../db/schema';
import type { PersonalDataPart, PersonalDataRow } from './personal-data';

const HOUR_MS = 3_600_000;

/**
 * The platform's part of the data download: the account, its platform roles, sessions, reset
 * links, identity-provider links, the mails sent to the account's address and what the person
 * did as the audit log keeps it. Never a
 * secret: no password hash, no session, CSRF or reset token (not even their hashes).
 */
export function platformPersonalData(db: Kysely<PlatformTables & OidcTables>, sessionIdleHours: number): PersonalDataPart {
  return {
    sections: [
      {
        name: 'account',
        single: true,
        columns: ['id', 'email', 'display_name', 'locale', 'created_at', 'has_password', 'platform_roles'],
        covers: ['user_roles.user_id'],
        async read(userId) {
          const user = await db.selectFrom('users').select(['id', 'email', 'display_name', 'locale', 'created_at', 'password_hash']).where('id', '=', userId).executeTakeFirst();
          if (!user) return [];
          const roles = await db.selectFrom('user_roles').select('role').where('user_id', '=', userId).orderBy('role').execute();
          const { password_hash, ...account } = user;
          return [{ ...account, has_password: password_hash !== null, platform_roles: roles.map((r) => r.role).join(', ') }];
        },
      },
      {
        name: 'sessions',
        columns: ['created_at', 'last_used_at', 'expires_at'],
        covers: ['sessions.user_id'],
        async read(userId) {
          const rows = await db.selectFrom('sessions').select(['created_at', 'expires_at']).where('user_id', '=', userId).orderBy('created_at').execute();
          // A session's end moves on with every use: its last use is its end less the idle time.
          return rows.map((row) => ({ ...row, last_used_at: new Date(Date.parse(row.expires_at) - sessionIdleHours * HOUR_MS).toISOString() }));
        },
      },
      {
        name: 'password_resets',
        columns: ['created_at', 'expires_at', 'used_at'],
        covers: ['password_resets.user_id'],
        read: (userId) => db.selectFrom('password_resets').select(['created_at', 'expires_at', 'used_at']).where('user_id', '=', userId).orderBy('created_at').execute(),
      },
      {
        name: 'identity_provider_links',
        columns: ['issuer', 'subject', 'created_at'],
        covers: ['oidc_identities.user_id'],
        read: (userId) => db.selectFrom('oidc_identities').select(['issuer', 'subject', 'created_at']).where('user_id', '=', userId).orderBy('created_at').execute(),
      },
      {
        name: 'mails',
        columns: ['created_at', 'subject', 'status', 'sent_at'],
        covers: [],
        read: (userId) =>
          db
            .selectFrom('outbox')
            .select(['created_at', 'subject', 'status', 'sent_at'])
            .where('to_address', '=', (eb) => eb.selectFrom('users').select('email').where('id', '=', userId))
            .orderBy('created_at')
            .execute(),
      },
      {
        name: 'activity',
        columns: ['at', 'action', 'subject', 'details'],
        covers: ['audit_log.actor_id'],
        async read(userId) {
          const rows = await db.selectFrom('audit_log').select(['at', 'action', 'subject', 'details']).where('actor_id', '=', userId).orderBy('at').execute();
          return rows.map((row): PersonalDataRow => ({ ...row, details: row.details === null ? null : (JSON.parse(row.details) as PersonalDataRow) }));
        },
      },
    ],
    excluded: [],
  };
}
