import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { columnWeights, inverseDocumentFrequency, relevance } from '../platform/search/relevance';
import { normaliseSearchText } from '../platform/search/search-text';
import { type SearchDocument, SearchIndex } from './search.index';
import { type FacetCounts, type FacetName, type FacetValues, facetNames, type SearchFilters, type SearchPage } from './search.types';

const values: FacetValues = { educationLevel: ['primary', 'secondary', 'adult'], audience: ['teacher', 'principal'] };
const noFilters: SearchFilters = {
  terms: [],
  competence: [],
  fromLevel: null,
  kind: [],
  province: [],
  language: [],
  educationLevel: [],
  audience: [],
  price: null,
  from: null,
  to: null,
};
const firstPage: SearchPage = { sort: 'relevance', offset: 0, limit: 20, now: '2026-01-01T00:00:00.000Z' };

const doc = (id: string, fields: Partial<SearchDocument> = {}): SearchDocument => ({
  id,
  title: `Training ${id}`,
  summary: '',
  description: '',
  kind: 'in_person',
  province: 'antwerpen',
  language: 'nl',
  priceCents: 0,
  educationLevels: ['primary'],
  audiences: ['teacher'],
  steps: [],
  sessionStarts: [],
  ...fields,
});

/** The search as its definition reads, over the documents directly. */
function reference(documents: SearchDocument[], facetValues: FacetValues, filters: SearchFilters, page: SearchPage) {
  const nextDay = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const wordsOf = (text: string) => normaliseSearchText(text).match(/[\p{L}\p{N}]+/gu) ?? [];
  const columnsOf = (d: SearchDocument, term: string) =>
    [d.title, d.summary, d.description].reduce((mask, text, column) => (wordsOf(text).some((w) => w.startsWith(term)) ? mask | (1 << column) : mask), 0);
  const before = filters.to === null ? null : nextDay(filters.to);
  const candidates = documents.filter(
    (d) =>
      filters.terms.every((t) => columnsOf(d, t) !== 0) &&
      ((filters.from === null && before === null) || d.sessionStarts.some((s) => (filters.from === null || s >= filters.from) && (before === null || s < before))),
  );
  const { competence, fromLevel } = filters;
  const passes: Record<FacetName, (d: SearchDocument) => boolean> = {
    kind: (d) => filters.kind.length === 0 || filters.kind.includes(d.kind),
    province: (d) => filters.province.length === 0 || (d.province !== null && filters.province.includes(d.province)),
    language: (d) => filters.language.length === 0 || filters.language.includes(d.language),
    educationLevel: (d) => filters.educationLevel.length === 0 || d.educationLevels.some((c) => filters.educationLevel.includes(c)),
    audience: (d) => filters.audience.length === 0 || d.audiences.some((c) => filters.audience.includes(c)),
    price: (d) => filters.price === null || (filters.price === 'free' ? d.priceCents === 0 : d.priceCents > 0),
    competence: (d) =>
      (competence.length === 0 && fromLevel === null) ||
      d.steps.some((s) => (competence.length === 0 || competence.includes(s.competence)) && (fromLevel === null || s.from === fromLevel)),
  };
  const results = candidates.filter((d) => facetNames.every((name) => passes[name](d)));
  const facets = {} as FacetCounts;
  for (const name of facetNames) {
    const pool = candidates.filter((d) => facetNames.every((other) => other === name || passes[other](d)));
    const counts = new Map<string, number>();
    const add = (value: string | null) => value !== null && counts.set(value, (counts.get(value) ?? 0) + 1);
    for (const d of pool) {
      if (name === 'kind' || name === 'province' || name === 'language') add(d[name]);
      else if (name === 'price') add(d.priceCents === 0 ? 'free' : 'paid');
      else if (name === 'educationLevel') for (const code of new Set(facetValues.educationLevel)) if (d.educationLevels.includes(code)) add(code);
      if (name === 'audience') for (const code of new Set(facetValues.audience)) if (d.audiences.includes(code)) add(code);
      if (name === 'competence') for (const c of new Set(d.steps.filter((s) => fromLevel === null || s.from === fromLevel).map((s) => s.competence))) add(c);
    }
    facets[name] = [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || byText(a.value, b.value));
  }
  const titleThenId = (a: SearchDocument, b: SearchDocument) => byText(a.title, b.title) || byText(a.id, b.id);
  let order: (a: SearchDocument, b: SearchDocument) => number = titleThenId;
  if (page.sort === 'price') order = (a, b) => a.priceCents - b.priceCents || titleThenId(a, b);
  if (page.sort === 'date') {
    const from = filters.from !== null && filters.from > page.now ? filters.from : page.now;
    const next = (d: SearchDocument) => d.sessionStarts.filter((s) => s >= from && (before === null || s < before)).sort()[0] ?? null;
    order = (a, b) => {
      const [x, y] = [next(a), next(b)];
      return (x === null ? 1 : 0) - (y === null ? 1 : 0) || byText(x ?? '', y ?? '') || titleThenId(a, b);
    };
  }
  if (page.sort === 'relevance' && filters.terms.length > 0) {
    const idf = filters.terms.map((t) => inverseDocumentFrequency(documents.filter((d) => columnsOf(d, t) !== 0).length, documents.length));
    const score = (d: SearchDocument) => relevance(filters.terms.map((t, i) => ({ idf: idf[i], columns: columnsOf(d, t) })));
    order = (a, b) => score(b) - score(a) || titleThenId(a, b);
  }
  const ids = [...results]
    .sort(order)
    .slice(page.offset, page.offset + page.limit)
    .map((d) => d.id);
  return { ids, total: results.length, facets };
}

describe('SearchIndex', () => {
  const known = [
    doc('cooperative', {
      title: 'Coöperatief leren met tablets',
      summary: 'Samen leren in groepjes.',
      steps: [{ competence: '3.3', from: 'A2' }],
      sessionStarts: ['2026-01-10T09:00:00.000Z'],
    }),
    doc('ideas', {
      title: 'Ideeën verzamelen met digitale borden',
      kind: 'live_online',
      province: null,
      priceCents: 2500,
      educationLevels: ['secondary'],
      audiences: ['teacher', 'ict_coordinator'],
      steps: [
        { competence: '3.3', from: 'B1' },
        { competence: '2.2', from: 'A1' },
      ],
      sessionStarts: ['2026-01-20T09:00:00.000Z'],
    }),
    doc('quizzes', { title: 'Evalueren met quizzen', summary: 'Formatief evalueren.', language: 'en', priceCents: 1000, educationLevels: ['primary', 'secondary'] }),
    doc('tests', {
      title: 'Toetsen afnemen',
      description: 'Daarna evalueren we samen.',
      kind: 'blended',
      priceCents: 6000,
      educationLevels: ['adult'],
      steps: [{ competence: '4.2', from: 'B2' }],
      sessionStarts: ['2026-01-15T00:00:00.000Z', '2026-01-05T23:59:59.999Z'],
    }),
  ];
  const index = SearchIndex.build(known, values);
  const ids = (filters: Partial<SearchFilters>, page: Partial<SearchPage> = {}) => index.search({ ...noFilters, ...filters }, { ...firstPage, ...page }).ids;

  it('answers nothing from an empty index', () => {
    const empty = SearchIndex.build([], values);
    expect(empty.size).toBe(0);
    expect(empty.search({ ...noFilters, terms: ['a'] }, firstPage)).toEqual({ ids: [], total: 0, facets: Object.fromEntries(facetNames.map((n) => [n, []])) });
    expect(empty.search(noFilters, firstPage).total).toBe(0);
  });

  it('matches the start of a word in any column, accents and case folded, every word needed', () => {
    expect(ids({})).toEqual(['quizzes', 'ideas', 'tests', 'cooperative'].sort((a, b) => (known.find((d) => d.id === a)!.title < known.find((d) => d.id === b)!.title ? -1 : 1)));
    expect(ids({ terms: ['cooperatief'] })).toEqual(['cooperative']);
    expect(ids({ terms: ['ideeen'] })).toEqual(['ideas']);
    expect(ids({ terms: ['evalu'] })).toEqual(['quizzes', 'tests']);
    expect(ids({ terms: ['evalueren'] })).toEqual(['quizzes', 'tests']);
    expect(ids({ terms: ['evaluerend'] })).toEqual([]);
    expect(ids({ terms: ['met', 'digitale'] })).toEqual(['ideas']);
    expect(ids({ terms: ['met', 'robots'] })).toEqual([]);
    expect(ids({ terms: ['zzz'] })).toEqual([]);
  });

  it('applies every filter alone', () => {
    const sorted = (filters: Partial<SearchFilters>) => ids(filters).sort();
    expect(sorted({ kind: ['blended', 'live_online'] })).toEqual(['ideas', 'tests']);
    expect(sorted({ province: ['antwerpen'] })).toEqual(['cooperative', 'quizzes', 'tests']);
    expect(sorted({ language: ['en'] })).toEqual(['quizzes']);
    expect(sorted({ educationLevel: ['secondary'] })).toEqual(['ideas', 'quizzes']);
    expect(sorted({ educationLevel: ['special_needs'] })).toEqual([]);
    expect(sorted({ audience: ['ict_coordinator'] })).toEqual(['ideas']);
    expect(sorted({ price: 'free' })).toEqual(['cooperative']);
    expect(sorted({ price: 'paid' })).toEqual(['ideas', 'quizzes', 'tests']);
    expect(sorted({ competence: ['3.3'] })).toEqual(['cooperative', 'ideas']);
    expect(sorted({ competence: ['3.3'], fromLevel: 'A2' })).toEqual(['cooperative']);
    expect(sorted({ fromLevel: 'A1' })).toEqual(['ideas']);
  });

  it('includes both ends of the date range, compared as text', () => {
    const sorted = (filters: Partial<SearchFilters>) => ids(filters).sort();
    expect(sorted({ from: '2026-01-05', to: '2026-01-05' })).toEqual(['tests']);
    expect(sorted({ from: '2026-01-06', to: '2026-01-10' })).toEqual(['cooperative']);
    expect(sorted({ from: '2026-01-11', to: '2026-01-14' })).toEqual([]);
    expect(sorted({ from: '2026-01-15' })).toEqual(['ideas', 'tests']);
    expect(sorted({ to: '2026-01-04' })).toEqual([]);
  });

  it('counts each facet over every other filter, zero counts left out', () => {
    const { total, facets } = index.search({ ...noFilters, kind: ['in_person'], price: 'paid' }, firstPage);
    expect(total).toBe(1);
    expect(facets.kind).toEqual([
      { value: 'blended', count: 1 },
      { value: 'in_person', count: 1 },
      { value: 'live_online', count: 1 },
    ]);
    expect(facets.price).toEqual([
      { value: 'free', count: 1 },
      { value: 'paid', count: 1 },
    ]);
    expect(facets.audience).toEqual([{ value: 'teacher', count: 1 }]);
    expect(facets.province).toEqual([{ value: 'antwerpen', count: 1 }]);
  });

  it('sorts by price, by next session (none last), by relevance (title first), ties by title then id', () => {
    expect(ids({}, { sort: 'price' })).toEqual(['cooperative', 'quizzes', 'ideas', 'tests']);
    expect(ids({}, { sort: 'date' })).toEqual(['tests', 'cooperative', 'ideas', 'quizzes']);
    expect(ids({}, { sort: 'date', now: '2026-01-06T00:00:00.000Z' })).toEqual(['cooperative', 'tests', 'ideas', 'quizzes']);
    expect(ids({ from: '2026-01-12' }, { sort: 'date' })).toEqual(['tests', 'ideas']);
    expect(ids({ terms: ['evalu'] })).toEqual(['quizzes', 'tests']);
    const twins = SearchIndex.build([doc('b', { title: 'Same' }), doc('c', { title: 'Same' }), doc('a', { title: 'Same' })], values);
    for (const sort of ['relevance', 'date', 'price'] as const) expect(twins.search({ ...noFilters, terms: ['same'] }, { ...firstPage, sort }).ids).toEqual(['a', 'b', 'c']);
  });

  it('answers the same once its cache of query words is full and reuses their memory', () => {
    const before = [ids({ terms: ['evalu'] }), ids({ terms: ['met', 'digitale'] }), ids({ terms: ['leren'] }, { sort: 'date' })];
    for (let i = 0; i < 600; i++) expect(ids({ terms: i % 50 === 0 ? ['evalu'] : [`x${i}`] })).toEqual(i % 50 === 0 ? ['quizzes', 'tests'] : []);
    expect([ids({ terms: ['evalu'] }), ids({ terms: ['met', 'digitale'] }), ids({ terms: ['leren'] }, { sort: 'date' })]).toEqual(before);
    expect(ids({ terms: ['x1'] })).toEqual([]);
  });

  it('pages, and answers no ids past the end', () => {
    expect(ids({}, { sort: 'price', offset: 1, limit: 2 })).toEqual(['quizzes', 'ideas']);
    expect(ids({}, { sort: 'price', offset: 4 })).toEqual([]);
    expect(index.search(noFilters, { ...firstPage, offset: 100 }).total).toBe(4);
  });

  it('ranks a word in the title above the same word elsewhere, and a rarer word above a common one', () => {
    expect(columnWeights[0]).toBeGreaterThan(columnWeights[1] + columnWeights[2]);
    // Every combination of columns weighs differently, so one word's results rank by their columns alone.
    const sums = [1, 2, 3, 4, 5, 6, 7].map((mask) => columnWeights.reduce((sum, weight, column) => (mask & (1 << column) ? sum + weight : sum), 0));
    expect(new Set(sums).size).toBe(7);
    fc.assert(
      fc.property(fc.nat(1000), fc.nat(1000), (a, b) => {
        const size = 1000;
        if (a > 0 && a < b && b <= size) expect(inverseDocumentFrequency(a, size)).toBeGreaterThan(inverseDocumentFrequency(b, size));
        expect(inverseDocumentFrequency(Math.min(a, size), size)).toBeGreaterThan(0);
      }),
    );
  });

  describe('answers as the definition reads', () => {
    const words = ['leren', 'lezen', 'les', 'Digitaal', 'digitale', 'evalueren', 'Ideeën', 'coöperatief', 'ICT-beleid', 'robots', '3.3', 'a'];
    const prefixes = [...new Set(words.flatMap((w) => (normaliseSearchText(w).match(/[\p{L}\p{N}]+/gu) ?? []).flatMap((x) => [...x].map((_, i) => x.slice(0, i + 1)))))];
    const text = fc.array(fc.constantFrom(...words), { maxLength: 4 }).map((w) => w.join(' '));
    const starts = ['2026-01-01T00:00:00.000Z', '2026-01-01T09:00:00.000Z', '2026-01-02T23:59:59.999Z', '2026-01-03T00:00:00.000Z', '2026-01-04T10:00:00.000Z'];
    const days = ['2026-01-01', '2026-01-02', '2026-01-03', '2026-01-04'];
    const codes = ['primary', 'secondary', 'adult', 'special_needs'];
    const document = fc.record({
      id: fc.string({ minLength: 1, maxLength: 4 }),
      title: text,
      summary: text,
      description: text,
      kind: fc.constantFrom('in_person', 'blended', 'self_paced'),
      province: fc.constantFrom(null, 'antwerpen', 'limburg'),
      language: fc.constantFrom('nl', 'en'),
      priceCents: fc.constantFrom(0, 0, 500, 1000),
      educationLevels: fc.uniqueArray(fc.constantFrom(...codes), { maxLength: 2 }),
      audiences: fc.uniqueArray(fc.constantFrom('teacher', 'principal', 'ict_coordinator'), { maxLength: 2 }),
      steps: fc.uniqueArray(fc.record({ competence: fc.constantFrom('1.1', '3.3', '4.2'), from: fc.constantFrom('A1', 'A2', 'B1') }), { maxLength: 2, selector: (s) => s.competence }),
      sessionStarts: fc.array(fc.constantFrom(...starts), { maxLength: 3 }),
    });
    // Each filter off more often than on, so that searches find several documents to order.
    const some = <T>(arbitrary: fc.Arbitrary<T>) =>
      fc.oneof({ weight: 4, arbitrary: fc.constant<T[]>([]) }, { weight: 1, arbitrary: fc.uniqueArray(arbitrary, { minLength: 1, maxLength: 2 }) });
    const often = <T>(value: T, others: T[]) => fc.oneof({ weight: 4, arbitrary: fc.constant(value) }, { weight: 1, arbitrary: fc.constantFrom(...others) });
    const filters: fc.Arbitrary<SearchFilters> = fc.record({
      terms: fc.uniqueArray(fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...prefixes) }, { weight: 1, arbitrary: fc.constant('zzz') }), { maxLength: 3 }),
      competence: some(fc.constantFrom('1.1', '3.3', '4.2', '9.9')),
      fromLevel: often<string | null>(null, ['A1', 'B1']),
      kind: some(fc.constantFrom('in_person', 'blended', 'bootcamp')),
      province: some(fc.constantFrom('antwerpen', 'limburg')),
      language: some(fc.constantFrom('nl', 'en')),
      educationLevel: some(fc.constantFrom(...codes)),
      audience: some(fc.constantFrom('teacher', 'principal', 'ict_coordinator')),
      price: often<SearchFilters['price']>(null, ['free', 'paid']),
      from: often<string | null>(null, days),
      to: often<string | null>(null, days),
    });
    const page: fc.Arbitrary<SearchPage> = fc.record({
      sort: fc.constantFrom('relevance', 'date', 'price'),
      offset: fc.constantFrom(0, 0, 1, 3, 10),
      limit: fc.integer({ min: 1, max: 8 }),
      now: fc.constantFrom('2025-12-31T00:00:00.000Z', '2026-01-01T09:00:00.000Z', '2026-01-02T12:00:00.000Z'),
    });
    const catalogue = (minLength: number, maxLength: number) => fc.uniqueArray(document, { minLength, maxLength, selector: (d) => d.id });

    it('on small catalogues', () => {
      fc.assert(
        fc.property(catalogue(5, 40), fc.array(fc.tuple(filters, page), { minLength: 1, maxLength: 10 }), (documents, searches) => {
          const built = SearchIndex.build(documents, values);
          for (const [f, p] of searches) expect(built.search(f, p)).toEqual(reference(documents, values, f, p));
        }),
        { numRuns: 200 },
      );
    });

    it('on larger ones, where pages are picked from few results and walked to among many', () => {
      fc.assert(
        fc.property(catalogue(300, 600), fc.array(fc.tuple(filters, page), { minLength: 1, maxLength: 20 }), (documents, searches) => {
          const built = SearchIndex.build(documents, values);
          for (const [f, p] of searches) expect(built.search(f, p)).toEqual(reference(documents, values, f, p));
        }),
        { numRuns: 20 },
      );
    });
  });
});
