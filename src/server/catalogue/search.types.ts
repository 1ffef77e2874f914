/**
 * What a catalogue search asks and answers: its filters, page, and facet counts. The search
 * itself runs in memory (SearchIndex, kept with the catalogue snapshot), not in SQL.
 */
export const facetNames = ['competence', 'kind', 'province', 'language', 'educationLevel', 'audience', 'price'] as const;
export type FacetName = (typeof facetNames)[number];
export type FacetCounts = Record<FacetName, Array<{ value: string; count: number }>>;

export interface SearchFilters {
  /** Normalised words; see searchTerms. Empty: no text condition. */
  terms: string[];
  competence: string[];
  fromLevel: string | null;
  kind: string[];
  province: string[];
  language: string[];
  educationLevel: string[];
  audience: string[];
  price: 'free' | 'paid' | null;
  /** YYYY-MM-DD, inclusive on both ends. */
  from: string | null;
  to: string | null;
}

export interface SearchPage {
  sort: 'relevance' | 'date' | 'price';
  offset: number;
  limit: number;
  now: string;
}

/** The codes of the multi-valued facets, each counted on its own. */
export interface FacetValues {
  educationLevel: readonly string[];
  audience: readonly string[];
}
