import type { StoredPage } from './device.repository';

/**
 * Stored opening pages kept in memory, by school or board, up to a number of bytes: the least
 * recently read first out. A kept page is only ever sent while its version and schools are
 * current (the caller compares them), and never changed: callers copy before they edit.
 */
export class KeptPages {
  private readonly pages = new Map<string, StoredPage>();
  private bytes = 0;

  constructor(readonly maxBytes: number) {}

  /** The kept page, now the most recently read. */
  get(scopeId: string): StoredPage | undefined {
    const page = this.pages.get(scopeId);
    if (page) {
      this.pages.delete(scopeId);
      this.pages.set(scopeId, page);
    }
    return page;
  }

  keep(scopeId: string, page: StoredPage): void {
    this.drop(scopeId);
    if (page.body.byteLength > this.maxBytes) return;
    for (const [oldest] of this.pages) {
      if (this.bytes + page.body.byteLength <= this.maxBytes) break;
      this.drop(oldest);
    }
    this.pages.set(scopeId, page);
    this.bytes += page.body.byteLength;
  }

  get size(): { pages: number; bytes: number } {
    return { pages: this.pages.size, bytes: this.bytes };
  }

  private drop(scopeId: string): void {
    const page = this.pages.get(scopeId);
    if (!page) return;
    this.pages.delete(scopeId);
    this.bytes -= page.body.byteLength;
  }
}
