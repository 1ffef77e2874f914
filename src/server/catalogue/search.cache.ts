/**
 * Search results by their normalised query. Search is the catalogue's hottest read and its
 * answer is the same for everyone (no personal state), while the catalogue changes seldom:
 * every training, session or provider write in this process clears the cache, and an entry
 * lives at most `ttlMs`, which bounds how stale a result can be when another process (a
 * second server on the same PostgreSQL, the CLI) wrote. Seat counts shown in search results
 * may therefore lag by up to `ttlMs`; a training's own page and enrolment always read live.
 */
export class SearchCache<V> {
  private readonly entries = new Map<string, { at: number; value: V }>();

  constructor(
    private readonly maxEntries = 2000,
    private readonly ttlMs = 30_000,
    private readonly clock: () => number = Date.now,
  ) {}

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (this.clock() - entry.at > this.ttlMs) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  set(key: string, value: V): void {
    if (this.ttlMs <= 0) return;
    this.entries.delete(key);
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { at: this.clock(), value });
  }

  clear(): void {
    this.entries.clear();
  }
}
