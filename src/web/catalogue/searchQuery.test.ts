import { describe, expect, it } from 'vitest';
import { activeFilterCount, emptySearch, parseSearch, searchHref, searchToQuery, withChanges, withoutFilters, withPage, withToggled } from './searchQuery';

const parse = (query: string) => parseSearch(new URLSearchParams(query));

describe('parseSearch', () => {
  it('reads an empty address as the default search', () => {
    expect(parse('')).toEqual(emptySearch());
  });

  it('reads every parameter of the API', () => {
    const state = parse(
      'q=+scratch+&competence=3.1&competence=2.2&kind=in_person&province=limburg&language=nl&educationLevel=primary' +
        '&audience=teacher&fromLevel=A2&price=free&from=2026-09-01&to=2026-12-31&sort=date&page=3&pageSize=50',
    );
    expect(state).toEqual({
      q: 'scratch',
      competence: ['3.1', '2.2'],
      kind: ['in_person'],
      province: ['limburg'],
      language: ['nl'],
      educationLevel: ['primary'],
      audience: ['teacher'],
      fromLevel: 'A2',
      price: 'free',
      from: '2026-09-01',
      to: '2026-12-31',
      sort: 'date',
      page: 3,
      pageSize: 50,
    });
  });

  it('accepts comma lists and drops duplicates', () => {
    expect(parse('kind=in_person,blended&kind=blended').kind).toEqual(['in_person', 'blended']);
  });

  it('drops values it does not know instead of failing', () => {
    const state = parse('kind=circus&province=gent&competence=31&price=cheap&from=2026-13-45&sort=stars&page=0&pageSize=500&fromLevel=D1');
    expect(state).toEqual(emptySearch());
    expect(parse('page=abc').page).toBe(1);
  });
});

describe('searchToQuery', () => {
  it('leaves out defaults, so the plain search has a plain address', () => {
    expect(searchToQuery(emptySearch())).toBe('');
    expect(searchHref(emptySearch())).toBe('/opleidingen');
  });

  it('writes repeated parameters in a stable order', () => {
    const state = {
      ...emptySearch(),
      q: 'AI in de klas',
      kind: ['blended', 'in_person'],
      competence: ['3.1'],
      sort: 'price' as const,
      page: 2,
    };
    expect(searchToQuery(state)).toBe('q=AI+in+de+klas&competence=3.1&kind=blended&kind=in_person&sort=price&page=2');
  });

  it('round-trips through the address', () => {
    const state = parse('q=x&competence=1.1&province=antwerpen&price=paid&from=2026-01-01&sort=date&page=4');
    expect(parse(searchToQuery(state))).toEqual(state);
  });
});

describe('changing a search', () => {
  const onPageThree = { ...emptySearch(), kind: ['bootcamp'], page: 3 };

  it('goes back to page one when a filter changes', () => {
    expect(withToggled(onPageThree, 'kind', 'blended', true)).toMatchObject({ kind: ['bootcamp', 'blended'], page: 1 });
    expect(withToggled(onPageThree, 'kind', 'bootcamp', false)).toMatchObject({ kind: [], page: 1 });
    expect(withChanges(onPageThree, { sort: 'date' }).page).toBe(1);
  });

  it('keeps the filters when paging', () => {
    expect(withPage(onPageThree, 4)).toEqual({ ...onPageThree, page: 4 });
  });

  it('counts and clears the filters but keeps the words searched for', () => {
    const state = { ...emptySearch(), q: 'robot', kind: ['bootcamp', 'blended'], price: 'free' as const, to: '2026-06-30' };
    expect(activeFilterCount(state)).toBe(4);
    expect(withoutFilters(state)).toEqual({ ...emptySearch(), q: 'robot' });
  });
});
