import type { Fronts } from '../../shared/centre/fronts';
import type { FrontsNeeds } from './fronts.needs';

/**
 * How long the fronts are served before the modules are asked again. Each figure is a
 * Flanders-wide sum over thousands of schools that moves slowly; the overview is read often
 * (benchmarked), so a read is a lookup and the modules are toured at most once a minute.
 */
export const FRONTS_MAX_AGE_MS = 60_000;

/**
 * The other fronts of the digital leap, Flanders-wide: the ICT park, funding, policy plans, the
 * cyber check, reflections and STEM, each from its module's need with its source and date. Open
 * to whoever may read the centre's overview (the overview checks); the open data reads the same.
 */
export class FrontsService {
  private kept: { until: number; fronts: Promise<Fronts> } | null = null;
  private readonly now: () => number;

  constructor(
    private readonly needs: FrontsNeeds,
    options: { now?: () => number } = {},
  ) {
    this.now = options.now ?? Date.now;
  }

  /** The fronts, read anew once the kept ones are older than `FRONTS_MAX_AGE_MS`; concurrent readers share one read. */
  fronts(): Promise<Fronts> {
    const now = this.now();
    if (this.kept && now < this.kept.until) return this.kept.fronts;
    const fronts = this.read();
    this.kept = { until: now + FRONTS_MAX_AGE_MS, fronts };
    // A failed read is not kept: the next request tries again.
    fronts.catch(() => {
      if (this.kept?.fronts === fronts) this.kept = null;
    });
    return fronts;
  }

  private async read(): Promise<Fronts> {
    const { infra, schools, stem } = this.needs;
    // One after another: each is a tour of many schools, and SQLite serves one query at a time anyway.
    const ictPark = await infra.summary();
    const funding = await infra.funding();
    const policyPlans = await schools.policyPlans();
    const cyberCheck = await schools.cyberCheck();
    const reflection = await schools.reflection();
    return { ictPark, funding, policyPlans, cyberCheck, reflection, stem: await stem.headline() };
  }
}
