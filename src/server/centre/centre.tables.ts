import type { PlatformTables } from '../platform/db/schema';
import type { CentreActionsTables } from './actions.tables';
import type { FollowUpStepsTables } from './follow-up.tables';
import type { NeedsOfferTables } from './needs-offer.tables';

/**
 * Row types of the centre module's tables, one entry per table; each part of the module keeps
 * its row types in a file of its own and lists them here. Timestamps ISO-8601 UTC text; booleans 0/1.
 */
// A type, not an interface: Kysely's withTables wants an index signature, which only types get implicitly.
export type CentreTables = NeedsOfferTables & CentreActionsTables & FollowUpStepsTables;

/** What the centre module's repositories see: the platform's tables and its own. */
export type CentreDatabase = PlatformTables & CentreTables;
