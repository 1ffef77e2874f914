import { type FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import { searchSorts } from '../../shared/catalogue/codes';
import { catalogueEndpoints } from '../../shared/catalogue/endpoints';
import { formatNumber } from '../../shared/i18n/format';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageHeading } from '../components/PageHeading';
import { loadFramework } from '../digisnap/frameworkStore';
import { useI18n } from '../i18n';
import { Link, navigate, useLocation } from '../router';
import { type ServerState, useCombinedQuery, useEndpointQuery } from '../serverState';
import { Pagination } from './Pagination';
import { SearchFilters } from './SearchFilters';
import { activeFilterCount, DEFAULT_PAGE_SIZE, parseSearch, type SearchState, searchApiQuery, searchHref, searchToQuery, withChanges, withoutFilters, withPage } from './searchQuery';
import { TrainingCard } from './TrainingCard';
import type { SearchResultDto } from './types';

/** `/opleidingen`: search the training database. The whole search lives in the address. */
export function SearchPage() {
  const { t } = useI18n();
  const { query } = useLocation();
  const search = useMemo(() => parseSearch(query), [query.toString()]);
  const apiQuery = searchToQuery(search);
  const results = useEndpointQuery(catalogueEndpoints.searchTrainings, { query: searchApiQuery(apiQuery) });
  const framework = useCombinedQuery(['getCurrentFramework'], [], loadFramework);
  const [filtersOpen, setFiltersOpen] = useState(false);
  const filterCount = activeFilterCount(search);
  const go = (next: SearchState) => navigate(searchHref(next), { keepScroll: true });

  return (
    <section className="page page-search">
      <PageHeading title={t('search.title')}>{t('search.title')}</PageHeading>
      <SearchForm search={search} onSearch={go} />
      <div className="search-layout">
        <aside className="search-filters" aria-labelledby="filters-title">
          <div className="search-filters-head">
            <h2 id="filters-title">{t('search.filtersTitle')}</h2>
            <button
              type="button"
              className="button button-secondary filters-toggle"
              aria-expanded={filtersOpen}
              aria-controls="search-filters-body"
              onClick={() => setFiltersOpen((open) => !open)}
            >
              {t(filtersOpen ? 'search.filtersHide' : 'search.filtersShow')}
              {filterCount > 0 && ` (${filterCount})`}
            </button>
          </div>
          <div className="search-filters-panel" data-open={filtersOpen}>
            {filterCount > 0 && (
              <p>
                <Link href={searchHref(withoutFilters(search))}>{t('search.clearFilters')}</Link>
              </p>
            )}
            <SearchFilters id="search-filters-body" search={search} facets={results.data?.facets} framework={framework.data} onSearch={go} />
          </div>
        </aside>
        <SearchResults search={search} results={results} />
      </div>
    </section>
  );
}

function SearchForm({ search, onSearch }: { search: SearchState; onSearch(next: SearchState): void }) {
  const { t } = useI18n();
  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const q = String(new FormData(event.currentTarget).get('q') ?? '');
    onSearch(withChanges(search, { q }));
  };
  return (
    <form role="search" className="search-form" data-testid="search-form" onSubmit={handleSubmit}>
      <label htmlFor="search-q">{t('search.queryLabel')}</label>
      <div className="search-form-row">
        <input id="search-q" key={search.q} name="q" type="search" defaultValue={search.q} maxLength={200} placeholder={t('search.queryPlaceholder')} />
        <button type="submit" className="button button-primary">
          {t('search.submit')}
        </button>
      </div>
    </form>
  );
}

function SearchResults({ search, results }: { search: SearchState; results: ServerState<SearchResultDto> }) {
  const { t, locale } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  const shownPage = useRef(search.page);
  const data = results.data;
  const pageSize = data?.pageSize ?? search.pageSize ?? DEFAULT_PAGE_SIZE;
  const pageCount = data ? Math.max(1, Math.ceil(data.total / pageSize)) : 1;
  const changeSort = (value: string) => {
    const sort = searchSorts.find((known) => known === value) ?? 'relevance';
    navigate(searchHref(withChanges(search, { sort })), { keepScroll: true });
  };

  useEffect(() => {
    // after paging, start reading at the top of the new page of results
    if (shownPage.current !== search.page) heading.current?.focus();
    shownPage.current = search.page;
  }, [search.page]);

  return (
    <section className="search-results" aria-labelledby="results-title" data-testid="search-results" aria-busy={results.loading}>
      <div className="results-bar">
        <div>
          <h2 id="results-title" ref={heading} tabIndex={-1} className="visually-hidden">
            {t('search.resultsTitle')}
          </h2>
          <p className="result-count" role="status" data-testid="result-count">
            {data ? t('search.count', { count: data.total, total: formatNumber(data.total, locale) }) : results.loading ? t('search.searching') : ''}
          </p>
        </div>
        <div className="field field-inline">
          <label htmlFor="search-sort">{t('search.sortLabel')}</label>
          <select id="search-sort" value={search.sort} onChange={(event) => changeSort(event.target.value)}>
            {searchSorts.map((sort) => (
              <option key={sort} value={sort}>
                {t(`search.sort.${sort}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      {results.error && <ErrorAlert error={results.error} onRetry={results.reload} />}
      {data && data.items.length === 0 && (
        <div className="card card-quiet">
          <p>{t('search.empty')}</p>
          {activeFilterCount(search) > 0 && <Link href={searchHref(withoutFilters(search))}>{t('search.clearFilters')}</Link>}
        </div>
      )}
      {data && data.items.length > 0 && (
        <ol className="result-list" start={(data.page - 1) * pageSize + 1}>
          {data.items.map((training) => (
            <li key={training.id}>
              <TrainingCard training={training} />
            </li>
          ))}
        </ol>
      )}
      {data && <Pagination page={data.page} pageCount={pageCount} hrefFor={(page) => searchHref(withPage(search, page))} />}
    </section>
  );
}
