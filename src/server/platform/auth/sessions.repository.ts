import type { Kysely } from 'kysely';
import { precompiled } from '../db/precompiled';
import type { PlatformTables as Database } from '../db/schema';

export interface SessionRow {
  id: string;
  userId: string;
  csrfToken: string;
  expiresAt: string;
}

export class SessionsRepository {
  /** Runs on every authenticated request: compiled once. */
  private readonly findById;

  constructor(private readonly db: Kysely<Database>) {
    this.findById = precompiled(db, (id: string) => db.selectFrom('sessions').select(['id', 'user_id', 'csrf_token', 'expires_at']).where('id', '=', id), 1);
  }

  async insert(session: SessionRow & { createdAt: string }): Promise<void> {
    await this.db
      .insertInto('sessions')
      .values({
        id: session.id,
        user_id: session.userId,
        csrf_token: session.csrfToken,
        created_at: session.createdAt,
        expires_at: session.expiresAt,
      })
      .execute();
  }

  async find(id: string): Promise<SessionRow | undefined> {
    const [row] = await this.findById(id);
    return row && { id: row.id, userId: row.user_id, csrfToken: row.csrf_token, expiresAt: row.expires_at };
  }

  async extend(id: string, expiresAt: string): Promise<void> {
    await this.db.updateTable('sessions').set({ expires_at: expiresAt }).where('id', '=', id).execute();
  }

  async delete(id: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('id', '=', id).execute();
  }

  async deleteAllOfUser(userId: string): Promise<number> {
    const result = await this.db.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  /** Ends every session of the account but one (the caller's own). */
  async deleteOthersOfUser(userId: string, keepId: string): Promise<number> {
    const result = await this.db.deleteFrom('sessions').where('user_id', '=', userId).where('id', '<>', keepId).executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  async deleteExpired(now: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('expires_at', '<', now).execute();
  }
}
