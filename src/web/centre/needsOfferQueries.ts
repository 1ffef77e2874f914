import type { NeedsOfferQuery } from '../../shared/centre/needs-offer.api';
import { needsOfferEndpoints } from '../../shared/centre/needs-offer.endpoints';
import type { Province } from '../../shared/platform/flanders';
import { useEndpointMutation, useEndpointQuery } from '../serverState';

/** The ranked gaps of the filters. */
export const useNeedsOffer = (query: Partial<NeedsOfferQuery>) => useEndpointQuery(needsOfferEndpoints.getNeedsVersusOffer, { query });
/** The verified providers of the gap's area, once a gap is chosen. */
export const useGapProviders = (gap: { province: Province; competence: string } | null) =>
  useEndpointQuery(needsOfferEndpoints.listGapProviders, { query: gap ?? { province: 'antwerpen', competence: '1.1' } }, { enabled: gap !== null });
export const useSetCentreTarget = () => useEndpointMutation(needsOfferEndpoints.setCentreTarget, { invalidates: ['getNeedsVersusOffer'] });
export const useMessageProviders = () => useEndpointMutation(needsOfferEndpoints.messageProvidersAboutGap);
