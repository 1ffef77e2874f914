import type { Kysely } from 'kysely';
import { precompiled } from '../platform/db/precompiled';
import type { DigisnapDatabase as Database } from './digisnap.tables';

/** The scan version and the stored step-need releases: the only code that touches their tables. */
export class StepNeedRepository {
  private readonly versionRow;

  constructor(private readonly db: Kysely<Database>) {
    this.versionRow = precompiled(db, () => db.selectFrom('digisnap_data_versions').select('version').where('name', '=', 'scans'), 0);
  }

  /** Bumped by triggers on every change to a submitted scan (flanders-picture.migrations.ts): one indexed read. */
  async version(): Promise<number> {
    const [row] = await this.versionRow();
    return Number(row?.version ?? 0);
  }

  async stored(scope: string): Promise<{ signature: string; body: string } | undefined> {
    return this.db.selectFrom('step_need_releases').select(['signature', 'body']).where('scope', '=', scope).executeTakeFirst();
  }

  /** Keeps a release unless one for the same signature is kept already (another process's): what is kept comes back. */
  async keep(release: { scope: string; signature: string; body: string; releasedAt: string }): Promise<string> {
    await this.db
      .insertInto('step_need_releases')
      .values({ scope: release.scope, signature: release.signature, body: release.body, released_at: release.releasedAt })
      .onConflict((oc) =>
        oc
          .column('scope')
          .doUpdateSet((eb) => ({ signature: eb.ref('excluded.signature'), body: eb.ref('excluded.body'), released_at: eb.ref('excluded.released_at') }))
          .where('step_need_releases.signature', '<>', release.signature),
      )
      .execute();
    return (await this.stored(release.scope))?.body ?? release.body;
  }
}
