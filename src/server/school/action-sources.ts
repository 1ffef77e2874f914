import type { ActionSourceKind, SuggestedAction } from '../../shared/school/suggested-action';

/**
 * A school result that suggests policy-plan actions. The service that owns the result
 * implements it, so the policy plan never reads another service's tables: it asks.
 * Access rules are the owner's: a caller who may not see the result gets its not-found.
 */
export interface ActionSource {
  kind: ActionSourceKind;
  suggestedActions(userId: string, schoolId: string, sourceId: string): Promise<SuggestedAction[]>;
}
