import { openDataEndpoints } from '../../shared/centre/open-data-endpoints';
import { useEndpointQuery } from '../serverState';

/** The open-data catalogue: every dataset's description and download links. */
export const useOpenDatasets = () => useEndpointQuery(openDataEndpoints.listOpenDatasets);
