import type { CentreFronts } from '../../shared/centre/fronts';
import { brusselsDate } from '../../shared/platform/brussels-time';
import type { FrontsNeeds } from './fronts.needs';

/**
 * How long a process trusts the source modules' versions it read last: the overview is read
 * often (benchmarked), so a read is a lookup; a change in any process shows within this time.
 */
export const FRONTS_VERSION_RECHECK_MS = 1_000;

type InfraPart = Pick<CentreFronts, 'ictPark' | 'funding'>;
type SchoolPart = Pick<CentreFronts, 'policyPlans' | 'cyberCheck' | 'reflection'>;

/** One source module's part of the fronts, kept for the version (and day) it was read at. */
interface KeptPart<T> {
  key: string;
  part: Promise<T>;
}

/**
 * The other fronts of the digital leap, Flanders-wide: the ICT park, funding, policy plans, the
 * cyber check, reflections and STEM, each from its module's need with its source and date. Each
 * module's part is kept per the version its module keeps by triggers (and the day, as the dates
 * and the current school year follow it), so a change shows at the next read in every process
 * and an unchanged part is never toured again. Open to whoever may read the centre's overview
 * (the overview checks); the open data reads the same.
 */
export class FrontsService {
  private infra: KeptPart<InfraPart> | null = null;
  private schools: KeptPart<SchoolPart> | null = null;
  private stem: KeptPart<CentreFronts['stem']> | null = null;
  /** The fronts as last composed, and of which parts: the same object while no part changed, so the overview's kept bytes stay good. */
  private composed: { parts: ReadonlyArray<KeptPart<unknown>>; fronts: Promise<CentreFronts> } | null = null;
  private checked: { at: number; fronts: Promise<CentreFronts> } | null = null;
  private readonly now: () => number;

  constructor(
    private readonly needs: FrontsNeeds,
    options: { now?: () => number } = {},
  ) {
    this.now = options.now ?? (() => Date.now());
  }

  /** The fronts: the versions read at most once a `FRONTS_VERSION_RECHECK_MS`, a part read anew when its module's version moved; concurrent readers share one read. */
  fronts(): Promise<CentreFronts> {
    const at = this.now();
    if (this.checked && at - this.checked.at < FRONTS_VERSION_RECHECK_MS) return this.checked.fronts;
    const fronts = this.current(at);
    this.checked = { at, fronts };
    // A failed read is not kept: the next request tries again.
    fronts.catch(() => {
      if (this.checked?.fronts === fronts) this.checked = null;
    });
    return fronts;
  }

  private async current(at: number): Promise<CentreFronts> {
    const { infra, schools, stem } = this.needs;
    const day = brusselsDate(new Date(at));
    const [infraVersion, schoolsVersion, stemVersion] = await Promise.all([infra.version(), schools.version(), stem.version()]);
    this.infra = kept(this.infra, `${infraVersion}/${day}`, async () => ({ ictPark: await infra.summary(), funding: await infra.funding() }));
    this.schools = kept(this.schools, `${schoolsVersion}/${day}`, async () => ({
      policyPlans: await schools.policyPlans(),
      cyberCheck: await schools.cyberCheck(),
      reflection: await schools.reflection(),
    }));
    this.stem = kept(this.stem, String(stemVersion), () => stem.headline());
    const parts = [this.infra, this.schools, this.stem];
    if (!this.composed || this.composed.parts.some((part, i) => part !== parts[i])) {
      const [infraPart, schoolsPart, stemPart] = [this.infra.part, this.schools.part, this.stem.part];
      const fronts = (async () => ({ ...(await infraPart), ...(await schoolsPart), stem: await stemPart }))();
      this.composed = { parts, fronts };
    }
    return this.composed.fronts;
  }
}

/** The part kept for this key, or a new read of it; a failed read is dropped, so the next check reads again. */
function kept<T>(part: KeptPart<T> | null, key: string, read: () => Promise<T>): KeptPart<T> {
  if (part?.key === key) return part;
  const fresh: KeptPart<T> = { key, part: read() };
  fresh.part.catch(() => {
    fresh.key = '';
  });
  return fresh;
}
