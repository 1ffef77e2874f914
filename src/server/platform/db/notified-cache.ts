import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { type Db, sqliteWriteStamp } from './database';
import { ECHO_WAIT_MS, Echoes } from './echoes';

/** What an echo's payload starts with: never a key's first character (ids, not control characters). */
const ECHO = '\u0001';

/**
 * Reads kept in memory on PostgreSQL while the process listens on `channel`, where triggers
 * announce every change of what they were read from, whoever makes it (another server, the
 * command line, a cascade). A notice names a key, or a group of keys (`group\u0000…`), or with
 * an empty payload everything: what it names is dropped, and a read that began before any notice
 * is not kept. Nothing is kept while the process is not listening. A write here calls
 * `afterWrite`, which drops what it may have changed and waits until this process heard its notice
 * echoed: then every listening process has been told before the writer answers, as with the
 * sessions' revocations. A process whose listener is still connecting (just started, or
 * reconnecting) first waits for it, up to the same bound: otherwise its write would answer before
 * any notice could be echoed.
 *
 * On SQLite there is nothing to listen to: reads are kept while the database's write stamp
 * (`sqliteWriteStamp`: any write by this process, any commit by another) stays the same. Every
 * query opens a read transaction with its file locks, which cost more than the indexed read
 * itself; the stamp checks the file once per request for all the caches (`sqliteOtherWrites`).
 */
export class NotifiedCache<V> {
  private readonly entries = new Map<string, V>();
  private listening = false;
  private notices = 0;
  private readonly echoes: Echoes;
  /** Whether the database can listen at all (PostgreSQL): then a write waits for the listener. */
  private readonly listens: boolean;
  /** Writes waiting for the listener to take effect. */
  private readonly waitingForListener = new Set<() => void>();
  /** SQLite: the write stamp, and the one the kept entries were read at. */
  private readonly writeStamp: (() => string) | null;
  private keptAtStamp = '';

  constructor(
    db: Kysely<any>,
    database: Pick<Db, 'listen'>,
    readonly channel: string,
    readonly maxEntries: number,
  ) {
    this.echoes = new Echoes(db, channel);
    this.listens = database.listen !== undefined;
    this.writeStamp = this.listens ? null : sqliteWriteStamp(db);
    database.listen?.(channel, {
      message: (payload) => this.heard(payload),
      listening: (on) => {
        this.listening = on;
        this.notices += 1;
        this.entries.clear();
        if (on) for (const resume of this.waitingForListener) resume();
      },
    });
  }

  /** The kept value of the key, or `load`'s, kept when no notice came while it read. */
  async read(key: string, load: () => Promise<V>): Promise<V> {
    const stamp = this.writeStamp?.();
    if (stamp !== undefined && stamp !== this.keptAtStamp) {
      this.entries.clear();
      this.keptAtStamp = stamp;
    }
    const kept = this.entries.get(key);
    if (kept !== undefined) return kept;
    const notices = this.notices;
    const value = await load();
    const keeps = stamp === undefined ? this.listening : stamp === this.writeStamp?.();
    if (keeps && notices === this.notices) {
      if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
      this.entries.set(key, value);
    }
    return value;
  }

  /** Runs a write, then drops everything kept and, while listening, waits for this process's echo on the channel. */
  async afterWrite<T>(write: Promise<T>): Promise<T> {
    try {
      return await write;
    } finally {
      this.notices += 1;
      this.entries.clear();
      if (this.listens && !this.listening) await this.listener();
      if (this.listening) await this.echo();
    }
  }

  get size(): number {
    return this.entries.size;
  }

  private heard(payload: string): void {
    this.notices += 1;
    if (payload.startsWith(ECHO)) {
      this.echoes.heard(payload);
      return;
    }
    if (payload === '') {
      this.entries.clear();
      return;
    }
    this.entries.delete(payload);
    const group = `${payload}\u0000`;
    for (const key of this.entries.keys()) if (key.startsWith(group)) this.entries.delete(key);
  }

  /** Resolves once the listener takes effect, or after ECHO_WAIT_MS. */
  private listener(): Promise<void> {
    return new Promise<void>((resolve) => {
      const resume = () => {
        clearTimeout(timer);
        this.waitingForListener.delete(resume);
        resolve();
      };
      const timer = setTimeout(resume, ECHO_WAIT_MS);
      this.waitingForListener.add(resume);
    });
  }

  /** Tells every listening process, through the channel, and waits to hear it back (see Echoes). */
  private async echo(): Promise<void> {
    const nonce = `${ECHO}${randomUUID()}`;
    await this.echoes.notify(nonce, nonce, true);
  }
}
