import { centreEndpoints } from '../../shared/centre/endpoints';
import type { PictureBreakdown } from '../../shared/centre/picture-vocabulary';
import { useEndpointQuery } from '../serverState';

/** The Flanders-wide overview split by one breakdown, each group with the overall level and the one area or competence shown. */
export const useCentreOverview = (breakdown: PictureBreakdown, histogram: string) => useEndpointQuery(centreEndpoints.getCentreOverview, { query: { breakdown, histogram } });
