import { type Kysely, sql } from 'kysely';
import type { PlatformTables } from '../db/schema';

/** The attempts counted under one key in its current window. */
export interface AttemptCount {
  attempts: number;
  /** When the window began, ISO-8601 UTC. */
  windowStart: string;
}

/** Attempt counters shared by every server process on the database. */
export class RateLimitRepository {
  constructor(private readonly db: Kysely<PlatformTables>) {}

  /**
   * Counts one attempt under `key`, in one statement (an upsert), so concurrent processes never
   * lose a count: a window that began `windowMs` ago or earlier starts again at 1.
   */
  async countAttempt(key: string, now: Date, windowMs: number): Promise<AttemptCount> {
    const nowIso = now.toISOString();
    const expired = sql<boolean>`${sql.ref('rate_limits.window_start')} <= ${new Date(now.getTime() - windowMs).toISOString()}`;
    const row = await this.db
      .insertInto('rate_limits')
      .values({ key, window_start: nowIso, attempts: 1 })
      .onConflict((oc) =>
        oc.column('key').doUpdateSet({
          attempts: sql<number>`CASE WHEN ${expired} THEN 1 ELSE ${sql.ref('rate_limits.attempts')} + 1 END`,
          window_start: sql<string>`CASE WHEN ${expired} THEN ${nowIso} ELSE ${sql.ref('rate_limits.window_start')} END`,
        }),
      )
      .returning(['attempts', 'window_start'])
      .executeTakeFirstOrThrow();
    return { attempts: Number(row.attempts), windowStart: row.window_start };
  }

  /** The attempts under `key` in a window still running, without counting one; null when none. */
  async currentAttempts(key: string, now: Date, windowMs: number): Promise<AttemptCount | null> {
    const row = await this.db
      .selectFrom('rate_limits')
      .select(['attempts', 'window_start'])
      .where('key', '=', key)
      .where('window_start', '>', new Date(now.getTime() - windowMs).toISOString())
      .executeTakeFirst();
    return row ? { attempts: Number(row.attempts), windowStart: row.window_start } : null;
  }

  /** Forgets the counters whose window began before `before` (ISO-8601). */
  async removeStartedBefore(before: string): Promise<void> {
    await this.db.deleteFrom('rate_limits').where('window_start', '<', before).execute();
  }
}
