import type { PlatformTables } from '../platform/db/schema';

/** The centre's target level per competence (needs against the offer). */
export interface CentreTargetsTable {
  competence: string;
  level: string;
  updated_at: string;
  updated_by: string | null;
}

// A type, not an interface: Kysely's withTables wants an index signature, which only types get implicitly.
export type NeedsOfferTables = {
  centre_targets: CentreTargetsTable;
};

export type NeedsOfferDatabase = PlatformTables & NeedsOfferTables;
