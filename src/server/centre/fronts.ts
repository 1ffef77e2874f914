import type { CentreFronts } from '../../shared/centre/fronts';
import type { CentreNeeds } from './centre.needs';

/** The overview's other fronts (centreFrontsSchema), each read from its source module through the needs. None yet. */
export function readFronts(_needs: CentreNeeds): () => Promise<CentreFronts> {
  return async () => ({});
}
