import { normaliseSearchText } from '../src/server/catalogue/search-text';
import type { DemoTraining } from '../src/server/demo/demo-trainings';
import { provinces } from '../src/shared/platform/flanders';
import type { Random } from './fixtures';

/**
 * What teachers type into the catalogue search: a word (now and then two, or the start of one)
 * from the titles of the generated catalogue, with a kind and a province, the two filters a
 * teacher looking for something near school sets first. Built from the catalogue's own
 * vocabulary, so the queries find what a real catalogue of these trainings would hold.
 */
export interface BenchSearchQuery {
  /** As typed: with or without accents, sometimes capitalised, sometimes a word's start. */
  q: string;
  kind: string;
  province: string;
  /** The search's total as the service answered it while generating; the contract check holds the server to it. */
  total: number;
}

/** Kinds that take place somewhere, so a province filter means something. */
const PLACED_KINDS = ['in_person', 'blended', 'bootcamp'] as const;
/** Title words nobody searches for on their own. */
const STOPWORDS = new Set([
  'tijdens',
  'verder',
  'eigen',
  'eerste',
  'tweede',
  'derde',
  'graad',
  'lagere',
  'lager',
  'samen',
  'maken',
  'basis',
  'school',
  'voor',
  'naar',
  'zonder',
  'jouw',
  'onder',
  'bekeken',
  'handen',
  'nemen',
  'snelle',
  'stappen',
  'based',
]);
const TITLE_WORDS = 140;

const words = (text: string) => text.match(/[\p{L}\p{N}]+/gu) ?? [];
const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)];

/** The most frequent content words of the titles, as written (with their accents). */
export function titleVocabulary(trainings: readonly DemoTraining[], count = TITLE_WORDS): string[] {
  const frequency = new Map<string, number>();
  for (const { training } of trainings) {
    for (const word of new Set(words(training.title.toLowerCase()))) frequency.set(word, (frequency.get(word) ?? 0) + 1);
  }
  return [...frequency]
    .filter(([word]) => word.length >= 5 && !STOPWORDS.has(word) && !/\d/.test(word))
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, count)
    .map(([word]) => word);
}

/** One way a teacher might type the word: mostly as written, sometimes without accents, capitalised, cut short, or with a second word. */
function typed(random: Random, word: string, vocabulary: readonly string[]): string {
  const roll = random();
  const plain = normaliseSearchText(word);
  if (plain !== word && roll < 0.4) return plain; // "cooperatief" for "coöperatief"
  if (roll < 0.55) return word[0].toUpperCase() + word.slice(1);
  if (roll < 0.65 && word.length >= 8) return word.slice(0, 5 + Math.floor(random() * 3)); // "evalu", "differ"
  if (roll < 0.8) {
    const second = pick(random, vocabulary);
    if (second !== word) return `${word} ${second}`;
  }
  return word;
}

/** The cache key's view of a query: the words as the server normalises them, and the filters. */
export const queryKey = (q: string, kind: string, province: string) => JSON.stringify([[...new Set(words(normaliseSearchText(q)))], kind, province]);

/**
 * Candidate queries in a seeded random order; `probe` (the catalogue service, the same search as
 * the API's) answers each, and those with at least one result are kept until `count` distinct
 * cache keys are reached. Queries that find nothing are left out: a teacher rephrases those.
 */
export async function buildSearchQueries(
  trainings: readonly DemoTraining[],
  random: Random,
  count: number,
  probe: (query: { q: string; kind: string; province: string }) => Promise<number>,
): Promise<BenchSearchQuery[]> {
  const vocabulary = titleVocabulary(trainings);
  const keys = new Set<string>();
  const queries: BenchSearchQuery[] = [];
  for (let attempt = 0; queries.length < count && attempt < count * 20; attempt += 1) {
    const q = typed(random, pick(random, vocabulary), vocabulary);
    const kind = pick(random, PLACED_KINDS);
    const province = pick(random, provinces);
    const key = queryKey(q, kind, province);
    if (keys.has(key)) continue;
    const total = await probe({ q, kind, province });
    if (total === 0) continue;
    keys.add(key);
    queries.push({ q, kind, province, total });
  }
  if (queries.length < count) throw new Error(`only ${queries.length} of ${count} search queries found results; is the catalogue generated?`);
  return queries;
}

/** The request path of a query, as a browser would send it. */
export const searchPath = ({ q, kind, province }: { q: string; kind: string; province: string }) =>
  `/api/trainings?q=${encodeURIComponent(q)}&kind=${encodeURIComponent(kind)}&province=${encodeURIComponent(province)}`;
