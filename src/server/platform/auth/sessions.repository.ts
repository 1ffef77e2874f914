import type { Kysely } from 'kysely';
import { type Db, sqliteOtherWrites } from '../db/database';
import { Echoes } from '../db/echoes';
import { precompiled } from '../db/precompiled';
import type { PlatformTables as Database } from '../db/schema';
import { newToken } from '../ids';
import { SessionCache } from './session-cache';

export interface SessionRow {
  id: string;
  userId: string;
  csrfToken: string;
  expiresAt: string;
}

/** A session row is served from memory for at most this long after it was read. */
export const SESSION_CACHE_MS = 5_000;
/** At most this many session rows in memory (a few hundred bytes each). */
export const SESSION_CACHE_ENTRIES = 10_000;
/** The PostgreSQL channel on which every process says which sessions it ended. */
export const SESSIONS_ENDED_CHANNEL = 'digisprong_sessions_ended';

/** What a revocation notice names: one session, or every session of an account but one. */
type Ended = { nonce: string; id: string } | { nonce: string; userId: string; keepId?: string };

/**
 * The only code that touches the sessions table. Rows read by `find` are kept a few seconds
 * (`SessionCache`); every write here forgets what it changes at once. On PostgreSQL, where
 * several processes share the table, each write also NOTIFYs the others, and a process keeps
 * rows only while it is listening; a revocation answers once its own notice came back, so
 * every listening process heard it before the caller hears the logout succeeded. On SQLite
 * (one server process) a write by another process (the CLI's reset-password) drops every kept
 * row before the next request is served from memory (`PRAGMA data_version`).
 */
export class SessionsRepository {
  /** Runs on every authenticated request that is not served from the cache: compiled once. */
  private readonly findById;
  private readonly cache: SessionCache;
  private readonly shared: boolean;
  /** Listening ends when the database closes (`Db.close`). */
  private readonly listenWith: Db['listen'];
  private listening = false;
  private listener: ReturnType<NonNullable<Db['listen']>> | null = null;
  private readonly echoes: Echoes;
  /** SQLite: changes when another process wrote to the database file; the cache is dropped then. */
  private readonly otherWrites: (() => number) | null;
  private seenWrites: number | undefined;

  constructor(
    private readonly db: Kysely<Database>,
    options: { cache?: SessionCache; database?: Pick<Db, 'dialect' | 'listen'> } = {},
  ) {
    this.findById = precompiled(db, (id: string) => db.selectFrom('sessions').select(['id', 'user_id', 'csrf_token', 'expires_at']).where('id', '=', id), 1);
    this.cache = options.cache ?? new SessionCache(0, 0);
    this.shared = options.database?.dialect === 'postgres';
    this.listenWith = options.database?.listen;
    this.otherWrites = this.shared ? null : sqliteOtherWrites(db);
    this.echoes = new Echoes(db, SESSIONS_ENDED_CHANNEL);
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

  /** The row read from the database at most SESSION_CACHE_MS before `now`, if this process kept it. */
  recent(id: string, now: number): SessionRow | undefined {
    if (this.cache.size === 0) return undefined;
    if (this.otherWrites) {
      const writes = this.otherWrites();
      if (writes !== this.seenWrites) {
        this.seenWrites = writes;
        this.cache.clear();
        return undefined;
      }
    }
    return this.cache.get(id, now);
  }

  async find(id: string): Promise<SessionRow | undefined> {
    const generation = this.cache.generation;
    const readAt = Date.now();
    const [row] = await this.findById(id);
    if (!row) return undefined;
    const session = { id: row.id, userId: row.user_id, csrfToken: row.csrf_token, expiresAt: row.expires_at };
    if (this.mayKeep()) this.cache.keep(session, readAt, generation);
    return session;
  }

  async extend(id: string, expiresAt: string): Promise<void> {
    await this.db.updateTable('sessions').set({ expires_at: expiresAt }).where('id', '=', id).execute();
    this.cache.forget(id);
  }

  async delete(id: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('id', '=', id).execute();
    this.cache.forget(id);
    await this.tellOthers({ nonce: newToken(), id });
  }

  async deleteAllOfUser(userId: string): Promise<number> {
    const result = await this.db.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst();
    this.cache.forgetUser(userId);
    await this.tellOthers({ nonce: newToken(), userId });
    return Number(result.numDeletedRows);
  }

  /** Ends every session of the account but one (the caller's own). */
  async deleteOthersOfUser(userId: string, keepId: string): Promise<number> {
    const result = await this.db.deleteFrom('sessions').where('user_id', '=', userId).where('id', '<>', keepId).executeTakeFirst();
    this.cache.forgetUser(userId, keepId);
    await this.tellOthers({ nonce: newToken(), userId, keepId });
    return Number(result.numDeletedRows);
  }

  /** Rows past their expiry: no cache serves those (see `sessionStep`), so nothing is forgotten. */
  async deleteExpired(now: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('expires_at', '<', now).execute();
  }

  // ------------------------------------------------------------ other processes (PostgreSQL)

  /** SQLite: always. PostgreSQL: only while listening for the other processes' revocations (starting to listen on first use). */
  private mayKeep(): boolean {
    if (!this.shared) return true;
    if (!this.listener && this.listenWith) {
      this.listener = this.listenWith(SESSIONS_ENDED_CHANNEL, {
        message: (payload) => this.heard(payload),
        listening: (on) => {
          // Whatever was said while not listening is unknown: start afresh.
          this.cache.clear();
          this.listening = on;
        },
      });
    }
    return this.listening;
  }

  private heard(payload: string): void {
    let ended: Ended;
    try {
      ended = JSON.parse(payload) as Ended;
    } catch {
      this.cache.clear();
      return;
    }
    if ('id' in ended) this.cache.forget(ended.id);
    else if (typeof ended.userId === 'string') this.cache.forgetUser(ended.userId, ended.keepId);
    else this.cache.clear();
    this.echoes.heard(ended.nonce);
  }

  /**
   * PostgreSQL: NOTIFYs every process of what ended, and waits (at most a second, see Echoes) until this
   * process's own listener heard it, so the others have been told before the caller answers.
   */
  private async tellOthers(ended: Ended): Promise<void> {
    if (!this.shared) return;
    await this.echoes.notify(JSON.stringify(ended), ended.nonce, this.listening);
  }
}
