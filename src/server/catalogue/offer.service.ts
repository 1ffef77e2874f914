import type { NearbyProvider, OfferedPlaces, OfferRepository } from './offer.repository';

export type { NearbyProvider, OfferedPlaces } from './offer.repository';

/**
 * The training offer as the knowledge centre weighs it against the needs: sums of free places
 * and providers, with no participant in them. The centre checks who asks before it calls.
 */
export class TrainingOfferService {
  constructor(private readonly repo: OfferRepository) {}

  /** Bumped by every write of trainings and sessions (not by enrolments: see the centre's recheck). */
  version(): Promise<number> {
    return this.repo.version();
  }

  placesOffered(window: { from: string; to: string }): Promise<OfferedPlaces[]> {
    return this.repo.placesOffered(window.from, window.to);
  }

  providersNear(competences: readonly string[], province: string): Promise<NearbyProvider[]> {
    return this.repo.providersNear(competences, province);
  }

  verifiedProviders(ids: readonly string[]): Promise<Array<{ id: string; name: string; contactEmail: string }>> {
    return this.repo.verifiedProviders(ids);
  }
}
