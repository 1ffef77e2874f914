import { isFresh } from '../platform/auth/session-cache';

/**
 * Counts this process's writes to what the school module's read caches hold (memberships,
 * campaigns, their stored reports). A repository records each write once it has committed or
 * failed, so a read that began before it is never kept, and one kept before it is dropped.
 */
export class SchoolWrites {
  private count = 0;

  get generation(): number {
    return this.count;
  }

  record(): void {
    this.count += 1;
  }

  /** Runs a write and records it, however it ends. */
  async around<T>(write: Promise<T>): Promise<T> {
    try {
      return await write;
    } finally {
      this.record();
    }
  }
}

/**
 * Reads of the last `ttlMs`, by key, served again while no write in this process (`SchoolWrites`)
 * came since they began: a write here is seen at once, one by another process (the command line,
 * a second server) once the entry is `ttlMs` old. Bounded: at most `maxEntries`, the oldest read
 * first out. Nothing read as undefined is kept. A kept value is shared: callers never change it.
 */
export class RecentReads<V> {
  private readonly entries = new Map<string, { value: V; readAt: number; generation: number }>();

  constructor(
    private readonly writes: SchoolWrites,
    readonly ttlMs: number,
    readonly maxEntries: number,
    private readonly clock: () => number = Date.now,
  ) {}

  async read(key: string, load: () => Promise<V | undefined>): Promise<V | undefined> {
    const now = this.clock();
    const generation = this.writes.generation;
    const entry = this.entries.get(key);
    if (entry && entry.generation === generation && isFresh(entry.readAt, now, this.ttlMs)) return entry.value;
    const value = await load();
    if (value === undefined || this.ttlMs <= 0 || this.maxEntries <= 0 || generation !== this.writes.generation) return value;
    this.entries.delete(key);
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { value, readAt: now, generation });
    return value;
  }

  get size(): number {
    return this.entries.size;
  }
}
