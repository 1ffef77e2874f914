import { stemEndpoints } from '../../shared/stem/endpoints';
import type { StemBreakdown } from '../../shared/stem/vocabulary';
import { useEndpointQuery } from '../serverState';

/** The definitions, baselines, targets and published values of every indicator, and the years with counts. */
export const useStemDefinitions = () => useEndpointQuery(stemEndpoints.listStemIndicators);

/** One indicator over every school year, for Flanders and per group of `breakdown`. */
export const useStemSeries = (indicator: string, breakdown: StemBreakdown) => useEndpointQuery(stemEndpoints.getStemSeries, { query: { indicator, breakdown } });
