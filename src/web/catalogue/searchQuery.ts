import {
  type PriceFilter,
  priceFilters,
  type SearchSort,
  searchSorts,
  trainingAudiences,
  trainingEducationLevels,
  trainingKinds,
  trainingLanguages,
} from '../../shared/catalogue/codes';
import type { catalogueEndpoints } from '../../shared/catalogue/endpoints';
import type { EndpointQuery } from '../../shared/platform/endpoint';
import { provinces } from '../../shared/platform/flanders';

/**
 * The search on `/opleidingen` lives in the address bar, with the parameter names of the
 * API's `searchQuerySchema`, so a search can be shared, bookmarked and walked back and forth.
 * Reading is forgiving: a value the app does not know is dropped, never an error.
 */

/** The repeatable filters, in the order they appear on the page and in the address. */
export const listFilters = ['competence', 'kind', 'province', 'language', 'educationLevel', 'audience'] as const;
export type ListFilter = (typeof listFilters)[number];

const levelCodes = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2'] as const;

export interface SearchState {
  q: string;
  competence: string[];
  kind: string[];
  province: string[];
  language: string[];
  educationLevel: string[];
  audience: string[];
  /** Only trainings whose step for the chosen competences starts at this level. */
  fromLevel: string | null;
  price: PriceFilter | null;
  /** YYYY-MM-DD */
  from: string | null;
  to: string | null;
  sort: SearchSort;
  page: number;
  pageSize: number | null;
}

export const DEFAULT_PAGE_SIZE = 20;

const allowed: Record<ListFilter, (value: string) => boolean> = {
  competence: (value) => /^\d\.\d$/.test(value),
  kind: oneOf(trainingKinds),
  province: oneOf(provinces),
  language: oneOf(trainingLanguages),
  educationLevel: oneOf(trainingEducationLevels),
  audience: oneOf(trainingAudiences),
};

function oneOf(values: readonly string[]): (value: string) => boolean {
  return (value) => values.includes(value);
}

const isIsoDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));

function wholeNumber(value: string | null, min: number, max: number): number | null {
  if (value === null || !/^\d+$/.test(value)) return null;
  const number = Number(value);
  return number >= min && number <= max ? number : null;
}

export function emptySearch(): SearchState {
  return {
    q: '',
    competence: [],
    kind: [],
    province: [],
    language: [],
    educationLevel: [],
    audience: [],
    fromLevel: null,
    price: null,
    from: null,
    to: null,
    sort: 'relevance',
    page: 1,
    pageSize: null,
  };
}

/** Address → search. Accepts `?kind=a&kind=b` and `?kind=a,b`, like the API. */
export function parseSearch(params: URLSearchParams): SearchState {
  const state = emptySearch();
  state.q = (params.get('q') ?? '').trim().slice(0, 200);
  for (const name of listFilters) {
    const values = params
      .getAll(name)
      .flatMap((value) => value.split(','))
      .map((value) => value.trim());
    state[name] = [...new Set(values.filter((value) => value && allowed[name](value)))];
  }
  const fromLevel = params.get('fromLevel');
  state.fromLevel = fromLevel && oneOf(levelCodes)(fromLevel) ? fromLevel : null;
  const price = params.get('price');
  state.price = priceFilters.find((value) => value === price) ?? null;
  const from = params.get('from');
  const to = params.get('to');
  state.from = from && isIsoDate(from) ? from : null;
  state.to = to && isIsoDate(to) ? to : null;
  const sort = params.get('sort');
  state.sort = searchSorts.find((value) => value === sort) ?? 'relevance';
  state.page = wholeNumber(params.get('page'), 1, 1000) ?? 1;
  state.pageSize = wholeNumber(params.get('pageSize'), 1, 100);
  return state;
}

/** Search → query string (without `?`), leaving out what is at its default. The same string goes to the API. */
export function searchToQuery(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.q.trim()) params.set('q', state.q.trim());
  for (const name of listFilters) for (const value of state[name]) params.append(name, value);
  if (state.fromLevel) params.set('fromLevel', state.fromLevel);
  if (state.price) params.set('price', state.price);
  if (state.from) params.set('from', state.from);
  if (state.to) params.set('to', state.to);
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  if (state.page > 1) params.set('page', String(state.page));
  if (state.pageSize !== null && state.pageSize !== DEFAULT_PAGE_SIZE) params.set('pageSize', String(state.pageSize));
  return params.toString();
}

/** The search as the API's query: each filter once, a repeated filter as a list. */
export function searchApiQuery(queryString: string): EndpointQuery<typeof catalogueEndpoints.searchTrainings> {
  const query: Record<string, string | string[]> = {};
  for (const [name, value] of new URLSearchParams(queryString)) {
    const earlier = query[name];
    query[name] = earlier === undefined ? value : [...(Array.isArray(earlier) ? earlier : [earlier]), value];
  }
  return query as EndpointQuery<typeof catalogueEndpoints.searchTrainings>;
}

/** The address of a search on the search page. */
export function searchHref(state: SearchState): string {
  const query = searchToQuery(state);
  return query ? `/opleidingen?${query}` : '/opleidingen';
}

/** A changed search starts again at the first page; only paging itself keeps the page. */
export function withChanges(state: SearchState, changes: Partial<Omit<SearchState, 'page'>>): SearchState {
  return { ...state, ...changes, page: 1 };
}

/** Tick or untick one value of a repeatable filter. */
export function withToggled(state: SearchState, name: ListFilter, value: string, on: boolean): SearchState {
  const rest = state[name].filter((existing) => existing !== value);
  return withChanges(state, { [name]: on ? [...rest, value] : rest });
}

export function withPage(state: SearchState, page: number): SearchState {
  return { ...state, page };
}

/** How many filters narrow the search (the text query and the sort do not count). */
export function activeFilterCount(state: SearchState): number {
  const listed = listFilters.reduce((sum, name) => sum + state[name].length, 0);
  return listed + [state.fromLevel, state.price, state.from, state.to].filter(Boolean).length;
}

/** Every filter off; the text query and sort stay. */
export function withoutFilters(state: SearchState): SearchState {
  return { ...emptySearch(), q: state.q, sort: state.sort, pageSize: state.pageSize };
}
