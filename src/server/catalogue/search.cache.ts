/**
 * Search results by their normalised query. Search is the catalogue's hottest read and its
 * answer is the same for everyone (no personal state), while the catalogue changes seldom:
 * every training, session or provider write in this process clears the cache, and an entry
 * lives at most `ttlMs`, which bounds how stale a result can be when another process (a
 * second server on the same PostgreSQL, the CLI) wrote. Seat counts shown in search results
 * may therefore lag by up to `ttlMs`; a training's own page and enrolment always read live.
 *
 * The cache holds at most `maxBytes` of values and keys together (as `sizeOf` measures them):
 * the oldest entries go first, and a value larger than the whole bound is not kept.
 */
export class SearchCache<V> {
  private readonly entries = new Map<string, { at: number; value: V; bytes: number }>();
  private total = 0;

  constructor(
    private readonly maxBytes = 8 * 1024 * 1024,
    private readonly ttlMs = 30_000,
    private readonly sizeOf: (value: V) => number = () => 0,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Bytes held now, keys (two per character) and values: never above `maxBytes`. */
  get bytes(): number {
    return this.total;
  }

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (this.clock() - entry.at > this.ttlMs) {
      this.remove(key);
      return undefined;
    }
    return entry.value;
  }

  set(key: string, value: V): void {
    if (this.ttlMs <= 0) return;
    this.remove(key);
    const bytes = key.length * 2 + this.sizeOf(value);
    if (bytes > this.maxBytes) return;
    while (this.total + bytes > this.maxBytes) this.remove(this.entries.keys().next().value!);
    this.entries.set(key, { at: this.clock(), value, bytes });
    this.total += bytes;
  }

  clear(): void {
    this.entries.clear();
    this.total = 0;
  }

  private remove(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.total -= entry.bytes;
  }
}
