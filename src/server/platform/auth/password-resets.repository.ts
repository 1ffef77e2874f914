import type { Kysely } from 'kysely';
import type { PlatformTables as Database } from '../db/schema';

export interface PasswordResetRow {
  id: string;
  userId: string;
  expiresAt: string;
  usedAt: string | null;
}

export class PasswordResetsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Stores a new link for the account and drops its earlier unused ones: only the newest mail works. */
  async replaceOpen(link: { id: string; userId: string; tokenHash: string; createdAt: string; expiresAt: string }): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('password_resets').where('user_id', '=', link.userId).where('used_at', 'is', null).execute();
      await trx
        .insertInto('password_resets')
        .values({ id: link.id, user_id: link.userId, token_hash: link.tokenHash, created_at: link.createdAt, expires_at: link.expiresAt, used_at: null })
        .execute();
    });
  }

  async findByTokenHash(tokenHash: string): Promise<PasswordResetRow | undefined> {
    const row = await this.db.selectFrom('password_resets').select(['id', 'user_id', 'expires_at', 'used_at']).where('token_hash', '=', tokenHash).executeTakeFirst();
    return row && { id: row.id, userId: row.user_id, expiresAt: row.expires_at, usedAt: row.used_at };
  }

  /** Marks the link used; true for exactly one caller, however many race for it. */
  async claim(id: string, now: string): Promise<boolean> {
    const result = await this.db
      .updateTable('password_resets')
      .set({ used_at: now })
      .where('id', '=', id)
      .where('used_at', 'is', null)
      .where('expires_at', '>', now)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** Frees a claimed link again when the password could not be set after all. */
  async unclaim(id: string): Promise<void> {
    await this.db.updateTable('password_resets').set({ used_at: null }).where('id', '=', id).execute();
  }

  /** Ends every open link of the account: its password changed another way. */
  async dropOpenOfUser(userId: string): Promise<void> {
    await this.db.deleteFrom('password_resets').where('user_id', '=', userId).where('used_at', 'is', null).execute();
  }
}
