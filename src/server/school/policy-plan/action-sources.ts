import type { LocalisedText } from '../../../shared/platform/text';
import type { ActionSourceKind, SuggestedAction } from '../../../shared/school/policy-plan/suggested-action';

/**
 * A school result that suggests policy-plan actions. The service that owns the result
 * implements it, so the policy plan never reads another service's tables: it asks.
 * Access rules are the owner's: a caller who may not see the result gets its not-found.
 */
export interface ActionSource {
  kind: ActionSourceKind;
  suggestedActions(userId: string, schoolId: string, sourceId: string): Promise<SuggestedAction[]>;
  /**
   * The school's newest result the caller may read, for the plan's "add actions from…" panels;
   * null when there is none. Optional: without it, a panel needs the result's id (a link from
   * the result's own page).
   */
  latestResult?(userId: string, schoolId: string): Promise<SourceResult | null>;
}

/** One result of a source: its id (campaign, survey, check), its day (YYYY-MM-DD) and what to call it. */
export interface SourceResult {
  id: string;
  date: string;
  label: LocalisedText;
}
