import type { FlandersPicture } from '../../shared/centre/digisnap-picture';
import { type CentreFronts, centreFrontsSchema } from '../../shared/centre/fronts';
import { narrowedGroups, type PictureBreakdown, pictureWindow } from '../../shared/centre/picture-vocabulary';
import { validationError } from '../../shared/errors';
import type { AccessPolicy } from '../platform/access/access';
import type { CentreNeeds } from './centre.needs';

/**
 * How long a process trusts the data versions it read last. A read is then a lookup of kept bytes
 * without touching the database; a change in another process or module is seen within this time.
 */
export const CENTRE_VERSION_RECHECK_MS = 1_000;

/** Callers whose granted access is kept at once: the centre's analysts are a handful. */
const MAX_KEPT_READERS = 1_000;

export interface CentreDeps {
  access: AccessPolicy;
  needs: CentreNeeds;
  /** The other fronts of the overview (fronts.service.ts). */
  fronts: () => Promise<CentreFronts>;
  now?: () => number;
}

/** One version of the Digisnap picture: every breakdown's, and its JSON as sent. */
interface KeptPicture {
  key: string;
  release: Record<PictureBreakdown, FlandersPicture>;
  /** By breakdown and histogram, made on first ask. */
  json: Map<string, Buffer>;
}

/**
 * The knowledge centre: Flanders-wide figures for its analysts and the admins. The Digisnap
 * picture of a release is computed once per version of the scans and the schools (both kept by
 * triggers in their modules) and window, and kept as the JSON of each breakdown, so a read is two
 * version reads at most and a lookup; never by a nightly job.
 */
export class CentreService {
  private kept: KeptPicture | null = null;
  /** Callers granted `readCentre`, and when. */
  private readonly readers = new Map<string, number>();
  /** Per breakdown and histogram, the last answer sent and what it was made of. */
  private readonly answers = new Map<string, { picture: Buffer; fronts: unknown; body: Buffer }>();
  private loading: { key: string; promise: Promise<KeptPicture> } | null = null;
  private checked: { key: string; at: number } | null = null;
  private readonly now: () => number;

  constructor(private readonly deps: CentreDeps) {
    this.now = deps.now ?? (() => Date.now());
  }

  /** getCentreOverview, as the JSON bytes sent: made once per picture and fronts (the fronts keep the same object while unchanged). */
  async overviewJson(userId: string, query: { breakdown: PictureBreakdown; histogram: string }): Promise<Buffer> {
    await this.requireReader(userId);
    const [picture, fronts] = await Promise.all([this.pictureJson(query.breakdown, query.histogram), this.deps.fronts()]);
    const key = `${query.breakdown} ${query.histogram}`;
    const sent = this.answers.get(key);
    if (sent?.picture === picture && sent.fronts === fronts) return sent.body;
    // Through the schema, as the serializer would: its key order, whatever order the fronts were built in.
    const body = Buffer.concat([Buffer.from('{"digisnap":'), picture, Buffer.from(`,"fronts":${JSON.stringify(centreFrontsSchema.encode(fronts))}}`)]);
    this.answers.set(key, { picture, fronts, body });
    return body;
  }

  /**
   * `readCentre`, with a granted check kept for `CENTRE_VERSION_RECHECK_MS` per caller (as the team
   * report keeps the caller's roles): an analyst paging through breakdowns is checked once a second.
   * A refusal is never kept.
   */
  private async requireReader(userId: string): Promise<void> {
    const at = this.now();
    const granted = this.readers.get(userId);
    if (granted !== undefined && at - granted < CENTRE_VERSION_RECHECK_MS) return;
    await this.deps.access.requirePlatform(userId, 'readCentre');
    if (this.readers.size >= MAX_KEPT_READERS) this.readers.clear();
    this.readers.set(userId, at);
  }

  /** Every breakdown's picture of the current release, as published: what the open data reads (no account needed, as it passed digisnap's gate). */
  async publishedPicture(): Promise<Record<PictureBreakdown, FlandersPicture>> {
    return (await this.keptPicture()).release;
  }

  /** The picture of the current release split by the breakdown, narrowed to the histogram, as JSON (made on first ask); an area or competence the framework lacks is refused. */
  private async pictureJson(breakdown: PictureBreakdown, histogram: string): Promise<Buffer> {
    const kept = await this.keptPicture();
    const key = `${breakdown} ${histogram}`;
    let json = kept.json.get(key);
    if (!json) {
      const picture = kept.release[breakdown];
      const known =
        histogram === 'all' ||
        histogram === 'overall' ||
        picture.areas.some((a) => histogram === `area:${a.number}`) ||
        picture.competences.some((c) => histogram === `competence:${c.code}`);
      if (!known) throw validationError('querystring.histogram', `The framework ${picture.frameworkId} ${picture.frameworkVersion} has no ${histogram}`);
      json = Buffer.from(JSON.stringify({ ...picture, histogram, groups: narrowedGroups(picture.groups, histogram) }));
      kept.json.set(key, json);
    }
    return json;
  }

  private async keptPicture(): Promise<KeptPicture> {
    const key = await this.currentKey();
    if (this.kept?.key === key) return this.kept;
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
    return this.loading.promise;
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
    const { digisnap, schools } = this.deps.needs;
    const release = await digisnap.flandersPicture(await schools.schools(window), schools.teachers(), window.from);
    return { key, release, json: new Map() };
  }
}
