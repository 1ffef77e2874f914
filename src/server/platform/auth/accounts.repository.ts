import type { Kysely } from 'kysely';
import type { Role } from '../../../shared/platform/api';
import type { PlatformTables as Database, UsersTable } from '../db/schema';
import type { OidcTables } from './oidc.repository';

export interface NewUser {
  id: string;
  email: string;
  passwordHash: string | null;
  displayName: string;
  locale: string;
  createdAt: string;
}

/** Rows per statement of a bulk insert: well under PostgreSQL's limit of bound values. */
const BULK_BATCH = 500;

export class AccountsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Many users at once, in batches (the demo's synthetic Flanders). */
  async insertUsers(users: readonly NewUser[]): Promise<void> {
    for (let i = 0; i < users.length; i += BULK_BATCH) {
      const rows = users.slice(i, i + BULK_BATCH).map((user) => ({
        id: user.id,
        email: user.email,
        password_hash: user.passwordHash,
        display_name: user.displayName,
        locale: user.locale,
        created_at: user.createdAt,
      }));
      await this.db.insertInto('users').values(rows).execute();
    }
  }

  async insertUser(user: NewUser, trx: Kysely<Database> = this.db): Promise<void> {
    await trx
      .insertInto('users')
      .values({
        id: user.id,
        email: user.email,
        password_hash: user.passwordHash,
        display_name: user.displayName,
        locale: user.locale,
        created_at: user.createdAt,
      })
      .execute();
  }

  findByEmail(email: string): Promise<UsersTable | undefined> {
    return this.db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
  }

  findById(id: string): Promise<UsersTable | undefined> {
    return this.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async updateProfile(id: string, changes: { displayName?: string; locale?: string }): Promise<void> {
    const values: Partial<UsersTable> = {};
    if (changes.displayName !== undefined) values.display_name = changes.displayName;
    if (changes.locale !== undefined) values.locale = changes.locale;
    if (Object.keys(values).length === 0) return;
    await this.db.updateTable('users').set(values).where('id', '=', id).execute();
  }

  async setPasswordHash(id: string, passwordHash: string): Promise<void> {
    await this.db.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', id).execute();
  }

  async grantRole(userId: string, role: Role, trx: Kysely<Database> = this.db): Promise<void> {
    await trx
      .insertInto('user_roles')
      .values({ user_id: userId, role })
      .onConflict((oc) => oc.columns(['user_id', 'role']).doNothing())
      .execute();
  }

  async globalRoles(userId: string): Promise<Role[]> {
    const rows = await this.db.selectFrom('user_roles').select('role').where('user_id', '=', userId).orderBy('role').execute();
    return rows.map((r) => r.role as Role);
  }

  /** Whether a person at an identity provider is linked to the account. */
  async hasIdentityLink(userId: string): Promise<boolean> {
    const row = await this.db.withTables<OidcTables>().selectFrom('oidc_identities').select('user_id').where('user_id', '=', userId).limit(1).executeTakeFirst();
    return row !== undefined;
  }

  async usersByIds(ids: readonly string[]): Promise<Array<{ id: string; displayName: string; email: string }>> {
    if (ids.length === 0) return [];
    const rows = await this.db
      .selectFrom('users')
      .select(['id', 'display_name', 'email'])
      .where('id', 'in', [...new Set(ids)])
      .execute();
    return rows.map((r) => ({ id: r.id, displayName: r.display_name, email: r.email }));
  }

  async countUsers(): Promise<number> {
    const row = await this.db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }
}
