import { centreEndpoints } from '../../shared/centre/endpoints';
import type { PictureBreakdown } from '../../shared/centre/picture-vocabulary';
import { useEndpointQuery } from '../serverState';

/** The Flanders-wide overview split by one breakdown. */
export const useCentreOverview = (breakdown: PictureBreakdown) => useEndpointQuery(centreEndpoints.getCentreOverview, { query: { breakdown } });
