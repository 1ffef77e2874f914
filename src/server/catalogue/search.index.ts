import { columnsWeight, inverseDocumentFrequency } from '../platform/search/relevance';
import { normaliseSearchText } from '../platform/search/search-text';
import { type FacetCounts, type FacetName, type FacetValues, facetNames, type SearchFilters, type SearchPage } from './search.types';

/** What the index needs of one published training. */
export interface SearchDocument {
  id: string;
  title: string;
  summary: string;
  description: string;
  kind: string;
  province: string | null;
  language: string;
  priceCents: number;
  educationLevels: readonly string[];
  audiences: readonly string[];
  steps: ReadonlyArray<{ competence: string; from: string }>;
  /** Every session's start (ISO timestamp text, as stored), any order. */
  sessionStarts: readonly string[];
}

/** The summed weight of each combination of columns, by mask. */
const WEIGHT_OF_COLUMNS = [0, 1, 2, 3, 4, 5, 6, 7].map(columnsWeight);
/** Every non-empty combination of columns (as a mask), by summed weight, best first: the sums all differ. */
const COLUMNS_BY_WEIGHT = [1, 2, 3, 4, 5, 6, 7].sort((a, b) => columnsWeight(b) - columnsWeight(a));

const WORD = /[\p{L}\p{N}]+/gu;
const NOT_ASCII = /[\u0080-\uffff]/;
/** Query words whose bit sets are kept, as short prefixes recur while users type: 2.2 MB at 17,000 trainings. */
const CACHED_TERMS = 256;
/** Below one result in this many documents, a sorted page is picked from the results rather than walked to in sort order. */
const SPARSE = 32;

/** A query word's documents: which hold it in each column, and in any. */
interface TermSets {
  /** Holds the four sets. */
  buffer: Uint32Array;
  columns: [Uint32Array, Uint32Array, Uint32Array];
  any: Uint32Array;
  idf: number;
}

const nextDay = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Bits set in a 32-bit word. */
function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/** The first index in sorted `list` whose item is not below `value`. */
function lowerBound(list: readonly string[], value: string): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The catalogue search in memory: a search's page, total and facets, from an index built
 * once per catalogue snapshot, without a database. Documents get dense numbers in (title, id)
 * order, so every set of results is a bit set whose walk is already the title-then-id
 * tie-break. A query word (a prefix) is a range of the sorted vocabulary, whose postings are
 * ORed into bit sets per column; each filter value has its bit set; the total and every facet
 * are popcounts of ANDs, and a page is picked from the final bit set. Pure: no I/O.
 */
export class SearchIndex {
  readonly size: number;
  /** 32-bit words per bit set. */
  private readonly width: number;
  /** Every document, for searches without words. */
  private readonly all: Uint32Array;
  private readonly ids: string[];
  /** The distinct words of every text, sorted, concatenated: word i is vocabulary[wordStarts[i], wordStarts[i + 1]). */
  private readonly vocabulary: string;
  private readonly wordStarts: Uint32Array;
  /** Word i's documents (ascending) are postingDocs[postingStarts[i], postingStarts[i + 1]), with the columns holding it as a mask. */
  private readonly postingStarts: Uint32Array;
  private readonly postingDocs: Uint16Array | Uint32Array;
  private readonly postingColumns: Uint8Array;
  private readonly kind: Map<string, Uint32Array>;
  private readonly province: Map<string, Uint32Array>;
  private readonly language: Map<string, Uint32Array>;
  private readonly educationLevel: Map<string, Uint32Array>;
  private readonly audience: Map<string, Uint32Array>;
  private readonly competence: Map<string, Uint32Array>;
  /** By from level, then competence. */
  private readonly competenceFrom: Map<string, Map<string, Uint32Array>>;
  private readonly fromLevel: Map<string, Uint32Array>;
  private readonly free: Uint32Array;
  private readonly paid: Uint32Array;
  private readonly priceCents: Float64Array;
  /** Documents in (price, title, id) order. */
  private readonly priceOrder: Uint32Array;
  /** Every session's start, ascending, with its document (ties by document). */
  private readonly sessionStarts: string[];
  private readonly sessionDocs: Uint16Array | Uint32Array;
  /** Document d's sessions, as positions in sessionStarts (ascending), are docSessions[docSessionStarts[d], docSessionStarts[d + 1]). */
  private readonly docSessionStarts: Uint32Array;
  private readonly docSessions: Uint32Array;
  private readonly values: FacetValues;
  private readonly terms = new Map<string, TermSets>();
  /** Scratch bit sets, reused by every search (searches are synchronous). */
  private readonly scratch: Uint32Array[];
  /** For the date filter, then for the documents seen while sorting by date. */
  private readonly spare: Uint32Array;
  /** Relevance by document, for the results of one search. */
  private readonly scores: Float64Array;
  /** The non-zero words of the results, and of a facet's mask. */
  private readonly resultWords: Uint32Array;
  private readonly facetWords: Uint32Array;

  /** `documents` in index order, their words already indexed (see SearchIndexBuilder). */
  constructor(documents: ReadonlyArray<IndexedDocument>, values: FacetValues, words: WordPostings) {
    const n = documents.length;
    this.size = n;
    this.width = Math.ceil(n / 32);
    this.values = { educationLevel: [...new Set(values.educationLevel)], audience: [...new Set(values.audience)] };
    this.ids = documents.map((d) => d.id);
    this.all = this.newSet();
    for (let d = 0; d < n; d++) this.all[d >>> 5] |= 1 << (d & 31);
    const DocArray = n <= 0x10000 ? Uint16Array : Uint32Array;
    ({ vocabulary: this.vocabulary, wordStarts: this.wordStarts, postingStarts: this.postingStarts, postingDocs: this.postingDocs, postingColumns: this.postingColumns } = words);

    // Filters.
    const setsOf = (codesOf: (document: IndexedDocument) => Iterable<string | null>) => {
      const sets = new Map<string, Uint32Array>();
      documents.forEach((document, d) => {
        for (const code of codesOf(document)) {
          if (code === null) continue;
          let set = sets.get(code);
          if (!set) sets.set(code, (set = this.newSet()));
          set[d >>> 5] |= 1 << (d & 31);
        }
      });
      return sets;
    };
    this.kind = setsOf((d) => [d.kind]);
    this.province = setsOf((d) => [d.province]);
    this.language = setsOf((d) => [d.language]);
    this.educationLevel = setsOf((d) => d.educationLevels);
    this.audience = setsOf((d) => d.audiences);
    this.competence = setsOf((d) => d.steps.map((s) => s.competence));
    this.fromLevel = setsOf((d) => d.steps.map((s) => s.from));
    this.competenceFrom = new Map([...this.fromLevel.keys()].map((from) => [from, setsOf((d) => d.steps.filter((s) => s.from === from).map((s) => s.competence))]));
    this.free = setsOf((d) => (d.priceCents === 0 ? ['free'] : [])).get('free') ?? this.newSet();
    this.paid = setsOf((d) => (d.priceCents > 0 ? ['paid'] : [])).get('paid') ?? this.newSet();
    this.priceCents = Float64Array.from(documents, (d) => d.priceCents);
    this.priceOrder = Uint32Array.from(documents.keys()).sort((a, b) => this.priceCents[a] - this.priceCents[b] || a - b);

    // Sessions.
    const sessions = documents.flatMap((document, d) => document.sessionStarts.map((start) => ({ start, d })));
    sessions.sort((a, b) => byText(a.start, b.start) || a.d - b.d);
    this.sessionStarts = sessions.map((s) => s.start);
    this.sessionDocs = new DocArray(sessions.length);
    sessions.forEach(({ d }, position) => {
      this.sessionDocs[position] = d;
    });
    this.docSessionStarts = new Uint32Array(n + 1);
    for (const { d } of sessions) this.docSessionStarts[d + 1]++;
    for (let d = 0; d < n; d++) this.docSessionStarts[d + 1] += this.docSessionStarts[d];
    this.docSessions = new Uint32Array(sessions.length);
    const filled = this.docSessionStarts.slice(0, n);
    sessions.forEach(({ d }, position) => {
      this.docSessions[filled[d]++] = position;
    });

    this.scratch = Array.from({ length: facetNames.length + 3 }, () => this.newSet());
    this.spare = this.newSet();
    this.scores = new Float64Array(this.width * 32);
    this.resultWords = new Uint32Array(this.width);
    this.facetWords = new Uint32Array(this.width);
  }

  /** Only published trainings are given. `values` lists the codes of the multi-valued facets. */
  static build(documents: Iterable<SearchDocument>, values: FacetValues): SearchIndex {
    const builder = new SearchIndexBuilder();
    for (const document of documents) builder.add(document);
    return builder.finish(values);
  }

  search(filters: SearchFilters, page: SearchPage): { ids: string[]; total: number; facets: FacetCounts } {
    const [base, results, facetBase, ...filterSets] = this.scratch;
    const words = filters.terms.map((term) => this.termSets(term));
    base.set(words.length > 0 ? words[0].any : this.all);
    for (let i = 1; i < words.length; i++) and(base, words[i].any);
    if (filters.from !== null || filters.to !== null) and(base, this.sessionsBetween(filters.from ?? '', filters.to === null ? null : nextDay(filters.to)));

    const active = this.activeFilters(filters, filterSets);
    results.set(base);
    for (const set of active.values()) and(results, set);
    const resultWords = nonZeroWords(results, this.resultWords);
    const total = countIn(results, this.all, this.resultWords, resultWords);

    const facets = {} as FacetCounts;
    for (const name of facetNames) {
      if (!active.has(name)) {
        facets[name] = this.facet(name, results, this.resultWords, resultWords, filters);
        continue;
      }
      facetBase.set(base);
      for (const [other, set] of active) if (other !== name) and(facetBase, set);
      facets[name] = this.facet(name, facetBase, this.facetWords, nonZeroWords(facetBase, this.facetWords), filters);
    }

    const end = Math.min(total, page.offset + page.limit);
    const ids: string[] = [];
    if (page.offset < end) {
      const order =
        page.sort === 'date'
          ? this.byDate(results, total, end, filters, page.now)
          : page.sort === 'price'
            ? this.byPriceOrder(results, total, end)
            : words.length > 0
              ? words.length === 1
                ? this.byColumns(results, end, words[0])
                : this.byRelevance(results, end, words)
              : this.inOrder(results, end);
      for (let i = page.offset; i < end; i++) ids.push(this.ids[order[i]]);
    }
    return { ids, total, facets };
  }

  private newSet(): Uint32Array {
    return new Uint32Array(this.width);
  }

  /** A query word's bit sets: the OR of the postings of every word it starts. */
  private termSets(term: string): TermSets {
    const cached = this.terms.get(term);
    if (cached) {
      this.terms.delete(term);
      this.terms.set(term, cached);
      return cached;
    }
    // The least recently used entry's memory is reused when the cache is full (never one of this
    // search's words, at most eight: those were just used), so a miss allocates nothing.
    let entry: TermSets;
    if (this.terms.size < CACHED_TERMS) {
      const buffer = new Uint32Array(this.width * 4);
      const [title, summary, description, any] = [0, 1, 2, 3].map((i) => buffer.subarray(i * this.width, (i + 1) * this.width));
      entry = { buffer, columns: [title, summary, description], any, idf: 0 };
    } else {
      const [oldest, recycled] = this.terms.entries().next().value!;
      this.terms.delete(oldest);
      recycled.buffer.fill(0);
      entry = recycled;
    }
    const [title, summary, description] = entry.columns;
    const { any } = entry;
    const [first, last] = this.wordRange(term);
    for (let p = this.postingStarts[first], end = this.postingStarts[last]; p < end; p++) {
      const d = this.postingDocs[p];
      const columns = this.postingColumns[p];
      const k = d >>> 5;
      const bit = 1 << (d & 31);
      if (columns & 1) title[k] |= bit;
      if (columns & 2) summary[k] |= bit;
      if (columns & 4) description[k] |= bit;
      any[k] |= bit;
    }
    entry.idf = inverseDocumentFrequency(this.count(any, this.all), this.size);
    this.terms.set(term, entry);
    return entry;
  }

  /** The range [first, last) of vocabulary words starting with `term`. */
  private wordRange(term: string): [number, number] {
    const boundary = (past: boolean) => {
      let lo = 0;
      let hi = this.wordStarts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        const order = this.comparePrefix(mid, term);
        if (order < 0 || (past && order === 0)) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    };
    return [boundary(false), boundary(true)];
  }

  /** Word i against `term`: below it (-1), starting with it (0), or above it (1). */
  private comparePrefix(i: number, term: string): number {
    const start = this.wordStarts[i];
    const length = this.wordStarts[i + 1] - start;
    for (let c = 0; c < term.length; c++) {
      if (c === length) return -1;
      const difference = this.vocabulary.charCodeAt(start + c) - term.charCodeAt(c);
      if (difference !== 0) return difference < 0 ? -1 : 1;
    }
    return 0;
  }

  /** Documents with a session starting in [from, before) (before null: no end), compared as text like the database. */
  private sessionsBetween(from: string, before: string | null): Uint32Array {
    const set = this.spare;
    set.fill(0);
    const end = before === null ? this.sessionStarts.length : lowerBound(this.sessionStarts, before);
    for (let p = lowerBound(this.sessionStarts, from); p < end; p++) {
      const d = this.sessionDocs[p];
      set[d >>> 5] |= 1 << (d & 31);
    }
    return set;
  }

  /** The bit set of every facet filter that is on, by facet, written into `buffers`. */
  private activeFilters(filters: SearchFilters, buffers: Uint32Array[]): Map<FacetName, Uint32Array> {
    const active = new Map<FacetName, Uint32Array>();
    const anyOf = (name: FacetName, sets: Map<string, Uint32Array>, codes: readonly string[]) => {
      if (codes.length === 0) return;
      const set = buffers[active.size];
      set.fill(0);
      for (const code of codes) {
        const values = sets.get(code);
        if (values) or(set, values);
      }
      active.set(name, set);
    };
    anyOf('kind', this.kind, filters.kind);
    anyOf('province', this.province, filters.province);
    anyOf('language', this.language, filters.language);
    anyOf('educationLevel', this.educationLevel, filters.educationLevel);
    anyOf('audience', this.audience, filters.audience);
    if (filters.price !== null) active.set('price', filters.price === 'free' ? this.free : this.paid);
    const { competence, fromLevel } = filters;
    if (fromLevel === null) anyOf('competence', this.competence, competence);
    else if (competence.length > 0) anyOf('competence', this.competenceFrom.get(fromLevel) ?? new Map(), competence);
    else anyOf('competence', this.fromLevel, [fromLevel]);
    return active;
  }

  /** One facet's counts over `mask` (whose non-zero words are the first `length` of `words`): zero counts left out, most first, then by value. */
  private facet(name: FacetName, mask: Uint32Array, words: Uint32Array, length: number, filters: SearchFilters): Array<{ value: string; count: number }> {
    const counts: Array<{ value: string; count: number }> = [];
    if (length === 0) return counts;
    const add = (value: string, set: Uint32Array | undefined) => {
      const count = set === undefined ? 0 : countIn(mask, set, words, length);
      if (count > 0) counts.push({ value, count });
    };
    if (name === 'kind' || name === 'province' || name === 'language') {
      for (const [value, set] of this[name]) add(value, set);
    } else if (name === 'educationLevel' || name === 'audience') {
      for (const code of this.values[name]) add(code, this[name].get(code));
    } else if (name === 'competence') {
      const byCompetence = filters.fromLevel === null ? this.competence : this.competenceFrom.get(filters.fromLevel);
      if (byCompetence) for (const [competence, set] of byCompetence) add(competence, set);
    } else {
      const free = countIn(mask, this.free, words, length);
      // As the database counts it: every price but zero is paid.
      const paid = countIn(mask, this.all, words, length) - free;
      if (free > 0) counts.push({ value: 'free', count: free });
      if (paid > 0) counts.push({ value: 'paid', count: paid });
    }
    return counts.sort((a, b) => b.count - a.count || byText(a.value, b.value));
  }

  /** Documents in both. */
  private count(a: Uint32Array, b: Uint32Array): number {
    let count = 0;
    for (let k = 0; k < this.width; k++) count += popcount(a[k] & b[k]);
    return count;
  }

  /** The first `end` results in index order: title, then id. */
  private inOrder(results: Uint32Array, end: number): number[] {
    const order: number[] = [];
    forEachDocument(results, (d) => order.push(d) < end);
    return order;
  }

  /**
   * The first `end` results by relevance to one word: its score is its idf times the weight of
   * the columns holding it, so the results rank by those columns alone. Each combination of
   * columns, best first, is a bit set of results walked in index order (the tie-break), so the
   * page costs a few ANDs per 32 documents, not a score per result.
   */
  private byColumns(results: Uint32Array, end: number, word: TermSets): number[] {
    const [title, summary, description] = word.columns;
    const order: number[] = [];
    for (const columns of COLUMNS_BY_WEIGHT) {
      for (let k = 0; k < this.width && order.length < end; k++) {
        let bits = results[k];
        if (bits === 0) continue;
        bits &= (columns & 1 ? title[k] : ~title[k]) & (columns & 2 ? summary[k] : ~summary[k]) & (columns & 4 ? description[k] : ~description[k]);
        while (bits !== 0 && order.length < end) {
          const low = bits & -bits;
          order.push(k * 32 + (31 - Math.clz32(low)));
          bits ^= low;
        }
      }
      if (order.length === end) break;
    }
    return order;
  }

  /** The first `end` results by relevance (see `relevance`), then title, then id. */
  private byRelevance(results: Uint32Array, end: number, words: TermSets[]): number[] {
    // Scores added word by word, in query order as `relevance` adds them.
    const scores = this.scores;
    for (const [w, { columns, idf }] of words.entries()) {
      const [title, summary, description] = columns;
      for (let k = 0; k < this.width; k++) {
        let bits = results[k];
        while (bits !== 0) {
          const low = bits & -bits;
          bits ^= low;
          const b = 31 - Math.clz32(low);
          const weighted = idf * WEIGHT_OF_COLUMNS[((title[k] >>> b) & 1) | (((summary[k] >>> b) & 1) << 1) | (((description[k] >>> b) & 1) << 2)];
          scores[k * 32 + b] = w === 0 ? weighted : scores[k * 32 + b] + weighted;
        }
      }
    }
    const docs: number[] = [];
    const best: number[] = [];
    forEachDocument(results, (d) => {
      const score = scores[d];
      // Kept sorted, best first; a later document ties below an earlier one.
      if (docs.length === end && score <= best[end - 1]) return true;
      let at = docs.length === end ? end - 1 : docs.length;
      while (at > 0 && best[at - 1] < score) {
        docs[at] = docs[at - 1];
        best[at] = best[at - 1];
        at--;
      }
      docs[at] = d;
      best[at] = score;
      return true;
    });
    return docs;
  }

  /** The first `end` results by price, then title, then id. */
  private byPriceOrder(results: Uint32Array, total: number, end: number): number[] {
    if (total * SPARSE < this.size) {
      const order = this.inOrder(results, total);
      return order.sort((a, b) => this.priceCents[a] - this.priceCents[b] || a - b);
    }
    const order: number[] = [];
    for (let i = 0; order.length < end; i++) {
      const d = this.priceOrder[i];
      if (results[d >>> 5] & (1 << (d & 31))) order.push(d);
    }
    return order;
  }

  /**
   * The first `end` results by their next session: the first starting at or after the later of
   * now and the `from` filter (and before the day after `to`), those without one last, then
   * title, then id.
   */
  private byDate(results: Uint32Array, total: number, end: number, filters: SearchFilters, now: string): number[] {
    const from = filters.from !== null && filters.from > now ? filters.from : now;
    const before = filters.to === null ? null : nextDay(filters.to);
    const first = lowerBound(this.sessionStarts, from);
    const last = before === null ? this.sessionStarts.length : lowerBound(this.sessionStarts, before);
    if (total * SPARSE < this.size) {
      // Few results: each one's next session from its own (sessions are by position: start, then document).
      const documents = this.inOrder(results, total);
      const next = documents.map((d) => {
        for (let i = this.docSessionStarts[d]; i < this.docSessionStarts[d + 1]; i++) {
          const position = this.docSessions[i];
          if (position >= first) return position < last ? position : Number.MAX_SAFE_INTEGER;
        }
        return Number.MAX_SAFE_INTEGER;
      });
      return documents
        .map((_, i) => i)
        .sort((a, b) => next[a] - next[b] || a - b)
        .map((i) => documents[i]);
    }
    // Many results: the sessions in start order give each result at its next session.
    const seen = this.spare;
    seen.fill(0);
    const order: number[] = [];
    for (let p = first; p < last && order.length < end; p++) {
      const d = this.sessionDocs[p];
      const k = d >>> 5;
      const bit = 1 << (d & 31);
      if (results[k] & bit && !(seen[k] & bit)) {
        seen[k] |= bit;
        order.push(d);
      }
    }
    if (order.length < end) {
      forEachDocument(results, (d) => {
        if (!(seen[d >>> 5] & (1 << (d & 31)))) order.push(d);
        return order.length < end;
      });
    }
    return order;
  }
}

/** A text's words as the query's are made: normalised (ASCII needs only lower case), then cut. */
function wordsOf(text: string): string[] {
  return (NOT_ASCII.test(text) ? normaliseSearchText(text) : text.toLowerCase()).match(WORD) ?? [];
}

/** A document as the index keeps it once its words are indexed. */
type IndexedDocument = Omit<SearchDocument, 'summary' | 'description'>;

/** The word part of a SearchIndex: the sorted vocabulary and each word's documents. */
interface WordPostings {
  vocabulary: string;
  wordStarts: Uint32Array;
  postingStarts: Uint32Array;
  postingDocs: Uint16Array | Uint32Array;
  postingColumns: Uint8Array;
}

/**
 * Builds a SearchIndex one document at a time: each document's words are indexed when it is
 * added, so its texts can be dropped at once (the catalogue hands them over in batches) and are
 * never all held together. Documents are numbered as they come; finish() renumbers them in
 * (title, id) order.
 */
export class SearchIndexBuilder {
  private readonly documents: IndexedDocument[] = [];
  private readonly wordIds = new Map<string, number>();
  /** Per word, its latest posting. */
  private lastEntry = new Int32Array(1024);
  private readonly entries = new Postings();

  add(document: SearchDocument): void {
    const d = this.documents.length;
    const { summary, description, ...rest } = document;
    this.documents.push(rest);
    this.addText(d, 0, document.title);
    this.addText(d, 1, summary);
    this.addText(d, 2, description);
  }

  finish(values: FacetValues): SearchIndex {
    const { documents, entries } = this;
    const n = documents.length;
    const order = Uint32Array.from(documents.keys()).sort((a, b) => byText(documents[a].title, documents[b].title) || byText(documents[a].id, documents[b].id));
    const numberOf = new Uint32Array(n);
    order.forEach((d, number) => {
      numberOf[d] = number;
    });
    // Words by rank in the sorted vocabulary.
    const byId = [...this.wordIds.keys()];
    this.wordIds.clear();
    const words = Uint32Array.from(byId.keys()).sort((a, b) => byText(byId[a], byId[b]));
    const rankOf = new Uint32Array(byId.length);
    words.forEach((id, rank) => {
      rankOf[id] = rank;
    });
    const vocabulary = Array.from(words, (id) => byId[id]).join('');
    const wordStarts = new Uint32Array(words.length + 1);
    words.forEach((id, rank) => {
      wordStarts[rank + 1] = wordStarts[rank] + byId[id].length;
    });
    byId.length = 0;
    // A counting sort by word, then each word's documents (with their columns in the low three bits) sorted by number.
    const postingStarts = new Uint32Array(words.length + 1);
    for (let e = 0; e < entries.length; e++) postingStarts[rankOf[entries.wordAt(e)] + 1]++;
    for (let rank = 0; rank < words.length; rank++) postingStarts[rank + 1] += postingStarts[rank];
    const sorted = new Uint32Array(entries.length);
    const next = postingStarts.slice(0, words.length);
    for (let e = 0; e < entries.length; e++) {
      const packed = entries.docAt(e);
      sorted[next[rankOf[entries.wordAt(e)]]++] = (numberOf[packed >>> 3] << 3) | (packed & 7);
    }
    entries.clear();
    for (let rank = 0; rank < words.length; rank++) sorted.subarray(postingStarts[rank], postingStarts[rank + 1]).sort();
    const postingDocs = new (n <= 0x10000 ? Uint16Array : Uint32Array)(sorted.length);
    const postingColumns = new Uint8Array(sorted.length);
    for (let p = 0; p < sorted.length; p++) {
      postingDocs[p] = sorted[p] >>> 3;
      postingColumns[p] = sorted[p] & 7;
    }
    const inOrder = Array.from(order, (d) => documents[d]);
    documents.length = 0;
    return new SearchIndex(inOrder, values, { vocabulary, wordStarts, postingStarts, postingDocs, postingColumns });
  }

  /** Every (word, document) pair once, with the columns holding it: a document's columns come one after another. */
  private addText(d: number, column: number, text: string): void {
    for (const word of wordsOf(text)) {
      let id = this.wordIds.get(word);
      if (id === undefined) {
        id = this.wordIds.size;
        // A word cut from a long text would keep the whole text alive: a copy of its own.
        this.wordIds.set(ownCopy(word), id);
        if (id === this.lastEntry.length) {
          const grown = new Int32Array(id * 2);
          grown.set(this.lastEntry);
          this.lastEntry = grown;
        }
        this.lastEntry[id] = -1;
      }
      const last = this.lastEntry[id];
      if (last >= 0 && this.entries.docAt(last) >>> 3 === d) this.entries.addColumn(last, column);
      else this.lastEntry[id] = this.entries.add(id, (d << 3) | (1 << column));
    }
  }
}

/** A flat string of the same text, sharing no memory with the one it was cut from. */
const ownCopy = (text: string) => (text.length < 13 ? text : ` ${text}`.slice(1));

/** (word, document and columns) pairs in typed arrays of fixed-size chunks: no object per posting, no copy while growing. */
class Postings {
  private static readonly BITS = 16;
  private static readonly MASK = (1 << Postings.BITS) - 1;
  private words: Uint32Array[] = [];
  private docs: Uint32Array[] = [];
  length = 0;

  /** Appends a pair (the document shifted left by three, its columns as bits below); answers its position. */
  add(word: number, doc: number): number {
    const chunk = this.length >>> Postings.BITS;
    if (chunk === this.words.length) {
      this.words.push(new Uint32Array(Postings.MASK + 1));
      this.docs.push(new Uint32Array(Postings.MASK + 1));
    }
    this.words[chunk][this.length & Postings.MASK] = word;
    this.docs[chunk][this.length & Postings.MASK] = doc;
    return this.length++;
  }

  wordAt(e: number): number {
    return this.words[e >>> Postings.BITS][e & Postings.MASK];
  }

  docAt(e: number): number {
    return this.docs[e >>> Postings.BITS][e & Postings.MASK];
  }

  addColumn(e: number, column: number): void {
    this.docs[e >>> Postings.BITS][e & Postings.MASK] |= 1 << column;
  }

  clear(): void {
    this.words = [];
    this.docs = [];
    this.length = 0;
  }
}

/** Writes the positions of the non-zero words of `set` into `words`; answers how many. */
function nonZeroWords(set: Uint32Array, words: Uint32Array): number {
  let length = 0;
  for (let k = 0; k < set.length; k++) if (set[k] !== 0) words[length++] = k;
  return length;
}

/** Documents in both `mask` and `set`, counted over the first `length` of `words` (where `mask` is not zero). */
function countIn(mask: Uint32Array, set: Uint32Array, words: Uint32Array, length: number): number {
  let count = 0;
  for (let i = 0; i < length; i++) {
    const k = words[i];
    count += popcount(mask[k] & set[k]);
  }
  return count;
}

/** `target` &= `set`. */
function and(target: Uint32Array, set: Uint32Array) {
  for (let k = 0; k < target.length; k++) target[k] &= set[k];
}

/** `target` |= `set`. */
function or(target: Uint32Array, set: Uint32Array) {
  for (let k = 0; k < target.length; k++) target[k] |= set[k];
}

/** Calls `visit` with every document of `set` in index order while it returns true. */
function forEachDocument(set: Uint32Array, visit: (d: number) => boolean) {
  for (let k = 0; k < set.length; k++) {
    let word = set[k];
    while (word !== 0) {
      const low = word & -word;
      if (!visit(k * 32 + (31 - Math.clz32(low)))) return;
      word ^= low;
    }
  }
}
