import type { Fronts } from '../../shared/centre/fronts';
import type { CentreNeeds } from './centre.needs';

/** The overview's other fronts (frontsSchema), each read from its source module through the needs. None yet. */
export function readFronts(_needs: CentreNeeds): () => Promise<Partial<Fronts>> {
  const none: Partial<Fronts> = {};
  return async () => none;
}
