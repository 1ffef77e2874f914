import type { SessionRow } from './sessions.repository';

/**
 * Session rows read in the last few seconds, by session id (the sha-256 of the cookie token),
 * so an authenticated request costs no database read while its session was read a moment ago.
 * Bounded: at most `maxEntries`, the oldest read first out. The sessions repository forgets a
 * row the moment this process ends or changes it (`forget`, `forgetUser`, `clear`), and a read
 * that raced with such a write is not kept (`generation`), so a logout here is seen at once. A
 * write by another process is seen once the entry is `ttlMs` old, unless it says so sooner
 * (PostgreSQL: see `SessionRevocations`).
 */
export class SessionCache {
  private readonly entries = new Map<string, { row: SessionRow; readAt: number }>();
  private writes = 0;

  constructor(
    readonly ttlMs: number,
    readonly maxEntries: number,
  ) {}

  /** Counts every forgetting write: a read that began before one may not be kept. */
  get generation(): number {
    return this.writes;
  }

  /** The row read at most `ttlMs` before `now`, if any. */
  get(id: string, now: number): SessionRow | undefined {
    const entry = this.entries.get(id);
    if (!entry) return undefined;
    if (!isFresh(entry.readAt, now, this.ttlMs)) {
      this.entries.delete(id);
      return undefined;
    }
    return entry.row;
  }

  /** Keeps a row read from the database at `readAt`, unless a write came since `generation` was taken. */
  keep(row: SessionRow, readAt: number, generation: number): void {
    if (this.ttlMs <= 0 || this.maxEntries <= 0 || generation !== this.writes) return;
    this.entries.delete(row.id);
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(row.id, { row, readAt });
  }

  forget(id: string): void {
    this.writes += 1;
    this.entries.delete(id);
  }

  /** Forgets every session of the account, but `keepId` when given. */
  forgetUser(userId: string, keepId?: string): void {
    this.writes += 1;
    for (const [id, entry] of this.entries) if (entry.row.userId === userId && id !== keepId) this.entries.delete(id);
  }

  clear(): void {
    this.writes += 1;
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}

/** Whether a row read at `readAt` may still be served at `now`: for less than `ttlMs`, and never from the future. */
export function isFresh(readAt: number, now: number, ttlMs: number): boolean {
  return now >= readAt && now - readAt < ttlMs;
}

/**
 * What a request may do with a session row without writing: serve it when it neither expired
 * (`expired`: delete it) nor is due to slide (`extend`: its expiry is moved at most once an hour,
 * when less than `idleMs` minus an hour is left). The same rule decides on a cached row and on a
 * row just read, so a cached row is served exactly when the database row would be, unchanged.
 */
export function sessionStep(expiresAtMs: number, now: number, idleMs: number): 'expired' | 'extend' | 'serve' {
  if (expiresAtMs <= now) return 'expired';
  if (expiresAtMs - now < idleMs - 3600_000) return 'extend';
  return 'serve';
}
