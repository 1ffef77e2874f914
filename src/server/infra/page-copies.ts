import SQLite from 'better-sqlite3';
import type { StoredPage } from './device.repository';

/**
 * On PostgreSQL, this process's own copy of the schools' stored opening pages, so that an
 * unchanged school's list makes no round trip: Flanders' pages (about 60 MB) would not fit in a
 * server's memory beside the rest, and a file read through the operating system's cache costs a
 * few microseconds. The copy lives in an anonymous SQLite database, a temporary file SQLite
 * removes as soon as it is closed or the process ends, so each process (and each start) has a
 * copy of its own; its page cache is bounded (PAGE_CACHE_KIB), the rest stays on disk. A copy is
 * only sent while its version and schools are current (the caller compares them with
 * `ParkVersions`, which every process keeps up to date), as with the stored page it copies.
 */
export class PageCopies {
  private readonly db = new SQLite('');
  private readonly readPage;
  private readonly writePage;

  constructor() {
    // Set before the first table: a page of 16 KB holds a school's opening page without overflow pages.
    this.db.pragma('page_size = 16384');
    this.db.pragma(`cache_size = -${PAGE_CACHE_KIB}`);
    // A copy that a crash loses is read again from PostgreSQL: nothing to journal or sync.
    this.db.pragma('journal_mode = OFF');
    this.db.pragma('synchronous = OFF');
    this.db.exec('CREATE TABLE pages (scope_id TEXT PRIMARY KEY, version INTEGER NOT NULL, schools TEXT NOT NULL, body BLOB NOT NULL)');
    this.readPage = this.db.prepare<[string], StoredPage>('SELECT version, schools, body FROM pages WHERE scope_id = ?');
    this.writePage = this.db.prepare<[string, number, string, Uint8Array]>(
      'INSERT INTO pages (scope_id, version, schools, body) VALUES (?, ?, ?, ?) ON CONFLICT (scope_id) DO UPDATE SET version = excluded.version, schools = excluded.schools, body = excluded.body',
    );
  }

  get(scopeId: string): StoredPage | undefined {
    return this.readPage.get(scopeId);
  }

  keep(scopeId: string, page: StoredPage): void {
    this.writePage.run(scopeId, page.version, page.schools, page.body);
  }

  /** Closes the copy; SQLite removes its file. */
  close(): void {
    this.db.close();
  }
}

/** The copy's page cache in this process's memory; the operating system caches the file's other pages outside it. */
const PAGE_CACHE_KIB = 2048;
