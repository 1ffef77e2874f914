import type { Kysely } from 'kysely';
import type { Db } from '../platform/db/database';
import { NotifiedCache } from '../platform/db/notified-cache';
import { precompiled } from '../platform/db/precompiled';
import type { InfraDatabase } from './infra.tables';

/** The PostgreSQL channel on which the triggers announce each park whose version was bumped (migration 20270205_01). */
export const PARK_CHANGED_CHANNEL = 'digisprong_infra_park_changed';
/** Every school and board of Flanders, with room to spare: a few hundred KB. */
const KEPT_VERSIONS = 20_000;

/**
 * Each park's version (a school's or a board's; bumped by triggers on every device, loan and pupil
 * count write, in any process), which every indicator and device list read compares with its kept
 * answer. On PostgreSQL the versions are kept in memory between announced changes, so a read of
 * an unchanged park makes no round trip for it; on SQLite they are kept while nothing was written (`NotifiedCache`).
 * The module's writes go through `afterWrite`, so the writer answers once every server has heard.
 */
export class ParkVersions {
  private readonly versionOf;
  private readonly kept: NotifiedCache<number>;

  constructor(db: Kysely<InfraDatabase>, database: Pick<Db, 'listen'>) {
    this.versionOf = precompiled(db, (scopeId: string) => db.selectFrom('infra_park_versions').select('version').where('scope_id', '=', scopeId), 1);
    this.kept = new NotifiedCache(db, database, PARK_CHANGED_CHANNEL, KEPT_VERSIONS);
  }

  /** The park's version: 0 before its first device. */
  version(scopeId: string): Promise<number> {
    return this.kept.read(scopeId, async () => {
      const [row] = await this.versionOf(scopeId);
      return row ? Number(row.version) : 0;
    });
  }

  /** Runs a write of devices, loans or pupil counts; see `NotifiedCache.afterWrite`. */
  afterWrite<T>(write: Promise<T>): Promise<T> {
    return this.kept.afterWrite(write);
  }
}
