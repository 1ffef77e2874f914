import type { Kysely, Selectable } from 'kysely';
import { precompiled } from '../platform/db/precompiled';
import type { DigisnapDatabase as Database, FlandersPictureReleasesTable } from './digisnap.tables';

export type PictureReleaseRow = Selectable<FlandersPictureReleasesTable>;

/** The only code that touches the Flanders picture's tables. */
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
