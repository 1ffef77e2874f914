import type { Kysely, Selectable } from 'kysely';
import { precompiled } from '../platform/db/precompiled';
import type { DigisnapDatabase as Database, FlandersPictureReleasesTable } from './digisnap.tables';

export type PictureReleaseRow = Selectable<FlandersPictureReleasesTable>;

/** How many teachers' scans a read of the picture's counts takes at a time, so Flanders never sits in memory as rows at once. */
const SCAN_PAGE = 2_000;

/** The only code that touches the Flanders picture's tables, and its one read of every submitted scan. */
export class FlandersPictureRepository {
  /** Behind every read of the centre's overview: compiled once. */
  private readonly versionRow;

  constructor(private readonly db: Kysely<Database>) {
    this.versionRow = precompiled(db, () => db.selectFrom('digisnap_data_versions').select('version').where('name', '=', 'scans'), 0);
  }

  /** Changes whenever a submitted scan changes (triggers bump it); 0 before the first. */
  async scansVersion(): Promise<number> {
    const [row] = await this.versionRow();
    return row ? Number(row.version) : 0;
  }

  /**
   * Each teacher's latest scan of a framework version submitted from `from` on (later submitted,
   * or at the same instant the larger id), page by page in teacher order: the teacher and the JSON
   * of the scan's result.
   */
  async *latestSince(frameworkId: string, frameworkVersion: string, from: string): AsyncGenerator<Array<{ user_id: string; result: string }>> {
    let after = '';
    for (;;) {
      const rows = await this.db
        .selectFrom('scans as s')
        .select(['s.user_id', 's.result'])
        .where('s.status', '=', 'submitted')
        .where('s.framework_id', '=', frameworkId)
        .where('s.framework_version', '=', frameworkVersion)
        .where('s.submitted_at', '>=', from)
        .where('s.user_id', '>', after)
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('scans as later')
                .select('later.id')
                .whereRef('later.user_id', '=', 's.user_id')
                .where('later.status', '=', 'submitted')
                .whereRef('later.framework_id', '=', 's.framework_id')
                .whereRef('later.framework_version', '=', 's.framework_version')
                .where((eb) =>
                  eb.or([
                    eb('later.submitted_at', '>', eb.ref('s.submitted_at')),
                    eb.and([eb('later.submitted_at', '=', eb.ref('s.submitted_at')), eb('later.id', '>', eb.ref('s.id'))]),
                  ]),
                ),
            ),
          ),
        )
        .orderBy('s.user_id')
        .limit(SCAN_PAGE)
        .execute();
      const complete = rows.filter((row): row is { user_id: string; result: string } => row.result !== null);
      if (complete.length > 0) yield complete;
      if (rows.length < SCAN_PAGE) return;
      after = rows[rows.length - 1].user_id;
    }
  }

  async findRelease(dataHash: string): Promise<PictureReleaseRow | undefined> {
    return this.db.selectFrom('flanders_picture_releases').selectAll().where('data_hash', '=', dataHash).executeTakeFirst();
  }

  /** Keeps a new release; when another process kept one for the same data first, that one stands and is returned. */
  async keepRelease(row: PictureReleaseRow): Promise<PictureReleaseRow> {
    await this.db
      .insertInto('flanders_picture_releases')
      .values(row)
      .onConflict((oc) => oc.column('data_hash').doNothing())
      .execute();
    return (await this.findRelease(row.data_hash)) ?? row;
  }
}
