import type { DemoTraining } from '../src/server/demo/demo-trainings';
import { normaliseSearchText, searchTerms } from '../src/server/platform/search/search-text';
import type { SearchQuery, TrainingListItemDto } from '../src/shared/catalogue/api';
import { trainingEducationLevels, trainingKinds, trainingLanguages } from '../src/shared/catalogue/codes';
import { provinces } from '../src/shared/platform/flanders';
import type { Random } from './fixtures';

/**
 * What teachers type into the catalogue search: a word from the titles of the generated
 * catalogue as written, without its accents ("creeren" for "creëren"), capitalised, or cut
 * short as it is being typed (three letters or more), now and then two words or a hyphenated
 * one ("ICT-coördinatoren"); with none to three filters of those the search offers (kind,
 * province, education level, language, price, competence). Built from the catalogue's own
 * vocabulary, so the queries find what a real catalogue of these trainings would hold.
 */
export interface BenchSearchQuery {
  /** As typed. */
  q: string;
  /** None to three filters, one value each, in the order they were chosen. */
  filters: BenchSearchFilters;
  /** The search's total as the service answered it while generating; the contract check holds the server to it. */
  total: number;
}

export interface BenchSearchFilters {
  kind?: string;
  province?: string;
  educationLevel?: string;
  language?: string;
  price?: 'free' | 'paid';
  competence?: string;
}

type FilterName = keyof BenchSearchFilters;

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
  'with',
  'your',
  'from',
  'met',
  'van',
  'een',
  'het',
  'and',
  'the',
  'for',
  'dans',
  'pour',
  'avec',
  'mit',
  'und',
  'der',
  'die',
  'das',
]);
const TITLE_WORDS = 400;

const words = (text: string) => text.match(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu) ?? [];
const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)];

/** The most frequent content words of the titles, as written (with their accents and hyphens). */
export function titleVocabulary(trainings: readonly DemoTraining[], count = TITLE_WORDS): string[] {
  const frequency = new Map<string, number>();
  for (const { training } of trainings) {
    for (const word of new Set(words(training.title))) {
      const key = /^[\p{Lu}\p{N}]+(?:-|$)/u.test(word) ? word : word.toLowerCase(); // keep "ICT-beleid", "STEM"
      frequency.set(key, (frequency.get(key) ?? 0) + 1);
    }
  }
  return [...frequency]
    .filter(([word]) => word.length >= 4 && !STOPWORDS.has(word.toLowerCase()) && !/\d/.test(word))
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, count)
    .map(([word]) => word);
}

/** One way a teacher might type the word: as written, without accents, capitalised, cut short while typing, or with a second word. */
function typed(random: Random, word: string, vocabulary: readonly string[]): string {
  const roll = random();
  const plain = normaliseSearchText(word);
  if (roll < 0.25) return word;
  if (roll < 0.4) return plain !== word ? plain : word[0].toUpperCase() + word.slice(1); // "creeren" for "creëren"
  if (roll < 0.5) return word[0].toUpperCase() + word.slice(1);
  if (roll < 0.75 && plain.length > 3) return plain.slice(0, 3 + Math.floor(random() * (plain.length - 3))); // "eva", "evalu"
  const second = pick(random, vocabulary);
  return second !== word ? `${word} ${random() < 0.3 ? second.slice(0, Math.max(3, second.length - 2)) : second}` : word;
}

/** The filters a teacher sets, none to three, and the values they choose from. */
function filtersOf(random: Random, competences: readonly string[]): BenchSearchFilters {
  const choices: Record<FilterName, () => string> = {
    kind: () => pick(random, trainingKinds),
    province: () => pick(random, provinces),
    educationLevel: () => pick(random, trainingEducationLevels),
    language: () => (random() < 0.7 ? 'nl' : pick(random, trainingLanguages)),
    price: () => (random() < 0.5 ? 'free' : 'paid'),
    competence: () => pick(random, competences),
  };
  const names = Object.keys(choices) as FilterName[];
  const filters: BenchSearchFilters = {};
  const count = Math.floor(random() * 4);
  while (Object.keys(filters).length < count) {
    const name = pick(random, names);
    if (filters[name] === undefined) (filters as Record<FilterName, string>)[name] = choices[name]();
  }
  return filters;
}

/** The cache key's view of a query: the words as the server normalises them, and the filters. */
export const queryKey = (q: string, filters: BenchSearchFilters) => JSON.stringify([searchTerms(q), Object.entries(filters).sort(([a], [b]) => (a < b ? -1 : 1))]);

/** The query as the catalogue service takes it (what the API parses the path below into). */
export function toSearchQuery({ q, filters }: { q: string; filters: BenchSearchFilters }): SearchQuery {
  return {
    q,
    ...(filters.kind ? { kind: [filters.kind as never] } : {}),
    ...(filters.province ? { province: [filters.province as never] } : {}),
    ...(filters.educationLevel ? { educationLevel: [filters.educationLevel as never] } : {}),
    ...(filters.language ? { language: [filters.language as never] } : {}),
    ...(filters.competence ? { competence: [filters.competence] } : {}),
    ...(filters.price ? { price: filters.price } : {}),
    sort: 'relevance',
    page: 1,
    pageSize: 20,
  };
}

/**
 * Candidate queries in a seeded random order; `probe` (the catalogue service, the same search as
 * the API's) answers each, and those with at least one result are kept until `count` distinct
 * cache keys are reached. Queries that find nothing are left out: a teacher rephrases those.
 */
export async function buildSearchQueries(
  trainings: readonly DemoTraining[],
  random: Random,
  count: number,
  probe: (query: { q: string; filters: BenchSearchFilters }) => Promise<number>,
): Promise<BenchSearchQuery[]> {
  const vocabulary = titleVocabulary(trainings);
  const competences = [...new Set(trainings.flatMap(({ training }) => training.levelSteps.map((step) => step.competence)))].sort();
  const keys = new Set<string>();
  const queries: BenchSearchQuery[] = [];
  for (let attempt = 0; queries.length < count && attempt < count * 20; attempt += 1) {
    const q = typed(random, pick(random, vocabulary), vocabulary);
    const filters = filtersOf(random, competences);
    const key = queryKey(q, filters);
    if (keys.has(key)) continue;
    const total = await probe({ q, filters });
    if (total === 0) continue;
    keys.add(key);
    queries.push({ q, filters, total });
  }
  if (queries.length < count) throw new Error(`only ${queries.length} of ${count} search queries found results; is the catalogue generated?`);
  return queries;
}

/** The request path of a query, as a browser would send it. */
export const searchPath = ({ q, filters }: { q: string; filters: BenchSearchFilters }) =>
  `/api/trainings?q=${encodeURIComponent(q)}${Object.entries(filters)
    .map(([name, value]) => `&${name}=${encodeURIComponent(value)}`)
    .join('')}`;

/** Whether a result passes the query's filters, as far as a summary shows them. */
export function passesFilters(item: TrainingListItemDto, filters: BenchSearchFilters): boolean {
  return (
    (filters.kind === undefined || item.kind === filters.kind) &&
    (filters.province === undefined || item.province === filters.province) &&
    (filters.educationLevel === undefined || item.educationLevels.includes(filters.educationLevel)) &&
    (filters.language === undefined || item.language === filters.language) &&
    (filters.price === undefined || (filters.price === 'free') === (item.priceEuro === 0)) &&
    (filters.competence === undefined || item.levelSteps.some((step) => step.competence === filters.competence))
  );
}
