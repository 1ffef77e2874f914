import type { CyberCheckFront, FundingFront, IctParkFront, PolicyPlanFront, ReflectionFront, StemFront } from '../../shared/centre/fronts';

/**
 * What the centre asks of the other modules for the fronts beyond Digisnap (issue 14 §1): one
 * Flanders-wide figure each, already through the owning module's privacy rules; never rows of a
 * school's own.
 */

/** The ICT park across every school: devices per 100 pupils and ages; funding spent against budget per scheme. */
export interface InfraFlanders {
  /** Changes with every change to a park or a funding ledger. */
  version(): Promise<number>;
  summary(): Promise<IctParkFront>;
  funding(): Promise<FundingFront>;
}

/** The school module's fronts: policy plans, the cyber check per topic, reflection results per area (through its gate). */
export interface SchoolFronts {
  /** Changes with every change to the schools, their policy plans, cyber checks or reflections. */
  version(): Promise<number>;
  policyPlans(): Promise<PolicyPlanFront>;
  cyberCheck(): Promise<CyberCheckFront>;
  reflection(): Promise<ReflectionFront>;
}

/** The STEM monitor's headline: each indicator's latest value against its target. */
export interface StemHeadline {
  /** Changes with every import. */
  version(): Promise<number>;
  headline(): Promise<StemFront>;
}

/** The needs of the fronts, as the centre's needs hold them. */
export interface FrontsNeeds {
  infra: InfraFlanders;
  schools: SchoolFronts;
  stem: StemHeadline;
}
