import type { CentreFronts } from '../../shared/centre/fronts';
import { type PictureBreakdown, pictureWindow } from '../../shared/centre/picture-vocabulary';
import type { AccessPolicy } from '../platform/access/access';
import type { CentreNeeds } from './centre.needs';

/**
 * How long a process trusts the data versions it read last. A read is then a lookup of kept bytes
 * without touching the database; a change in another process or module is seen within this time.
 */
export const CENTRE_VERSION_RECHECK_MS = 1_000;

export interface CentreDeps {
  access: AccessPolicy;
  needs: CentreNeeds;
  /** The other fronts of the overview (fronts.ts). */
  fronts: () => Promise<CentreFronts>;
  now?: () => number;
}

/** One version of the Digisnap picture: every breakdown's JSON, as sent. */
interface KeptPicture {
  key: string;
  json: Record<PictureBreakdown, string>;
}

/**
 * The knowledge centre: Flanders-wide figures for its analysts and the admins. The Digisnap
 * picture of a release is computed once per version of the scans and the schools (both kept by
 * triggers in their modules) and window, and kept as the JSON of each breakdown, so a read is two
 * version reads at most and a lookup; never by a nightly job.
 */
export class CentreService {
  private kept: KeptPicture | null = null;
  private loading: { key: string; promise: Promise<KeptPicture> } | null = null;
  private checked: { key: string; at: number } | null = null;
  private readonly now: () => number;

  constructor(private readonly deps: CentreDeps) {
    this.now = deps.now ?? (() => Date.now());
  }

  /** getCentreOverview, as the JSON text sent. */
  async overviewJson(userId: string, query: { breakdown: PictureBreakdown }): Promise<string> {
    await this.deps.access.requirePlatform(userId, 'readCentre');
    const [picture, fronts] = await Promise.all([this.pictureJson(query.breakdown), this.deps.fronts()]);
    return `{"digisnap":${picture},"fronts":${JSON.stringify(fronts)}}`;
  }

  /** The picture of the current release split by the breakdown, as JSON. */
  private async pictureJson(breakdown: PictureBreakdown): Promise<string> {
    const key = await this.currentKey();
    if (this.kept?.key === key) return this.kept.json[breakdown];
    if (this.loading?.key !== key) {
      const promise = this.computePicture(key);
      this.loading = { key, promise };
      promise.then(
        (picture) => {
          if (this.loading?.promise === promise) this.loading = null;
          this.kept = picture;
        },
        () => {
          if (this.loading?.promise === promise) this.loading = null;
        },
      );
    }
    return (await this.loading.promise).json[breakdown];
  }

  /** The versions of scans and schools and the window's start, read at most once a `CENTRE_VERSION_RECHECK_MS`. */
  private async currentKey(): Promise<string> {
    const at = this.now();
    if (this.checked && at - this.checked.at < CENTRE_VERSION_RECHECK_MS) return this.checked.key;
    const { digisnap, schools } = this.deps.needs;
    const [scans, schoolsVersion] = await Promise.all([digisnap.scansVersion(), schools.version()]);
    const key = `${scans}/${schoolsVersion}/${pictureWindow(new Date(at)).today}`;
    this.checked = { key, at };
    return key;
  }

  private async computePicture(key: string): Promise<KeptPicture> {
    const window = pictureWindow(new Date(this.now()));
    const release = await this.deps.needs.digisnap.flandersPicture(await this.deps.needs.schools.schools(window), window.from);
    const json = Object.fromEntries(Object.entries(release).map(([breakdown, picture]) => [breakdown, JSON.stringify(picture)])) as Record<PictureBreakdown, string>;
    return { key, json };
  }
}
