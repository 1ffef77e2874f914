import type { Kysely, Selectable } from 'kysely';
import { precompiled } from '../platform/db/precompiled';
import type { DigisnapDatabase as Database, FlandersPictureReleasesTable } from './digisnap.tables';

export type PictureReleaseRow = Selectable<FlandersPictureReleasesTable>;

/** How many scans a read of the picture's counts takes at a time, so Flanders never sits in memory as rows at once. */
const SCAN_PAGE = 10_000;

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
   * Every scan of a framework version submitted from `from` on, page by page in id order: its
   * teacher, when, and the JSON of its result.
   */
  async *submittedSince(frameworkId: string, frameworkVersion: string, from: string): AsyncGenerator<Array<{ id: string; user_id: string; submitted_at: string; result: string }>> {
    let after = '';
    for (;;) {
      const rows = await this.db
        .selectFrom('scans')
        .select(['id', 'user_id', 'submitted_at', 'result'])
        .where('status', '=', 'submitted')
        .where('framework_id', '=', frameworkId)
        .where('framework_version', '=', frameworkVersion)
        .where('submitted_at', '>=', from)
        .where('id', '>', after)
        .orderBy('id')
        .limit(SCAN_PAGE)
        .execute();
      const complete = rows.filter((row): row is typeof row & { submitted_at: string; result: string } => row.submitted_at !== null && row.result !== null);
      if (complete.length > 0) yield complete;
      if (rows.length < SCAN_PAGE) return;
      after = rows[rows.length - 1].id;
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
