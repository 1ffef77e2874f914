import { type Kysely, sql } from 'kysely';

/** How long a write waits to hear its own notice back (then every listening process has been told). */
export const ECHO_WAIT_MS = 1_000;

/**
 * Writes that NOTIFY a channel and wait to hear their notice back on this process's own
 * listening connection. Notices are delivered in commit order, so hearing one's own means every
 * earlier notice was sent to every listener: the writer answers once the others were told. A
 * notice that never comes back (a lost connection) is waited for ECHO_WAIT_MS at most.
 */
export class Echoes {
  private readonly waiting = new Map<string, () => void>();

  constructor(
    private readonly db: Kysely<any>,
    private readonly channel: string,
  ) {}

  /** NOTIFYs `payload` and, when `listening`, waits until `heard(nonce)` is called. */
  async notify(payload: string, nonce: string, listening: boolean): Promise<void> {
    const heard = listening
      ? new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, ECHO_WAIT_MS);
          this.waiting.set(nonce, () => {
            clearTimeout(timer);
            resolve();
          });
        })
      : null;
    try {
      await sql`select pg_notify(${this.channel}, ${payload})`.execute(this.db);
      await heard;
    } finally {
      this.waiting.delete(nonce);
    }
  }

  /** The listener heard the notice of `nonce`: its writer may answer. */
  heard(nonce: string): void {
    this.waiting.get(nonce)?.();
  }
}
