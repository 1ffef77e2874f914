import type { Migration } from 'kysely';
import { centreActionsMigrations } from './actions.migrations';
import { followUpStepsMigrations } from './follow-up.migrations';
import { needsOfferMigrations } from './needs-offer.migrations';

/** The centre module's migrations: each part spreads its own here, named `<yyyymmdd>_<nn>_centre_<what>`. */
export const centreMigrations: Record<string, Migration> = { ...needsOfferMigrations, ...centreActionsMigrations, ...followUpStepsMigrations };
