/**
 * The in-memory search index on the benchmark's catalogue, without a server: builds it from the
 * published trainings of `bench/data/bench.db`, then runs the manifest's searches (each by
 * relevance, date and price) and reports build time, index memory and CPU µs per search (wall time
 * swings on a busy machine). Each
 * search's total is checked against the one the service answered while generating.
 *
 *   node --expose-gc --import tsx bench/search-index.ts [--rounds 5]
 */
import { readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { type SearchDocument, SearchIndex } from '../src/server/catalogue/search.index';
import type { SearchFilters, SearchPage } from '../src/server/catalogue/search.types';
import { searchTerms } from '../src/server/platform/search/search-text';
import { trainingAudiences, trainingEducationLevels } from '../src/shared/catalogue/codes';
import type { BenchSearchFilters } from './search-queries';

const rounds = Number(process.argv[process.argv.indexOf('--rounds') + 1]) || 5;
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const codes = (list: string) => list.split(',').filter((code) => code !== '');

function readDocuments(file: string): SearchDocument[] {
  const db = new Database(file, { readonly: true });
  const steps = new Map<string, Array<{ competence: string; from: string }>>();
  for (const s of db.prepare('select training_id, competence, from_level from training_level_steps').iterate() as Iterable<Record<string, string>>) {
    steps.set(s.training_id, [...(steps.get(s.training_id) ?? []), { competence: s.competence, from: s.from_level }]);
  }
  const sessions = new Map<string, string[]>();
  for (const s of db.prepare('select training_id, starts_at from training_sessions').iterate() as Iterable<Record<string, string>>) {
    sessions.set(s.training_id, [...(sessions.get(s.training_id) ?? []), s.starts_at]);
  }
  const rows = db
    .prepare("select id, title, summary, description, kind, province, language, price_cents, education_levels, audiences from trainings where status = 'published'")
    .all() as Array<Record<string, string>>;
  db.close();
  return rows.map((t) => ({
    id: t.id,
    title: t.title,
    summary: t.summary,
    description: t.description,
    kind: t.kind,
    province: t.province,
    language: t.language,
    priceCents: Number(t.price_cents),
    educationLevels: codes(t.education_levels),
    audiences: codes(t.audiences),
    steps: steps.get(t.id) ?? [],
    sessionStarts: sessions.get(t.id) ?? [],
  }));
}

/** As catalogue.service.ts turns a query into filters. */
function toFilters(q: string, f: BenchSearchFilters): SearchFilters {
  const one = (value: string | undefined) => (value === undefined ? [] : [value]);
  return {
    terms: searchTerms(q),
    competence: one(f.competence),
    fromLevel: null,
    kind: one(f.kind),
    province: one(f.province),
    language: one(f.language),
    educationLevel: one(f.educationLevel),
    audience: [],
    price: f.price ?? null,
    from: null,
    to: null,
  };
}

const documents = readDocuments('bench/data/bench.db');
const manifest = JSON.parse(readFileSync('bench/data/bench.manifest.json', 'utf8')) as {
  searchQueries: Array<{ q: string; total: number; filters?: BenchSearchFilters } & BenchSearchFilters>;
};
const queries = manifest.searchQueries.map(({ q, total, filters, ...flat }) => ({ q, total, filters: toFilters(q, filters ?? flat) }));

const memory = () => process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
/** After a full collection, and another once freed array buffers are swept. */
const settledMemory = async () => {
  gc();
  await new Promise((resolve) => setTimeout(resolve, 100));
  gc();
  return memory();
};
const heapBefore = await settledMemory();
const cpuBefore = process.cpuUsage();
let index: SearchIndex | null = SearchIndex.build(documents, { educationLevel: trainingEducationLevels, audience: trainingAudiences });
const buildCpu = process.cpuUsage(cpuBefore);
const heapAfter = await settledMemory();
console.log(`${index.size} documents: built in ${((buildCpu.user + buildCpu.system) / 1000).toFixed(0)} ms of CPU, ${((heapAfter - heapBefore) / 1e6).toFixed(1)} MB of memory`);

const now = new Date().toISOString();
const times: number[] = [];
let wrong = 0;
for (let round = 0; round < rounds; round++) {
  for (const sort of ['relevance', 'date', 'price'] as const) {
    const page: SearchPage = { sort, offset: 0, limit: 20, now };
    for (const query of queries) {
      const before = process.cpuUsage();
      const { total } = index.search(query.filters, page);
      const used = process.cpuUsage(before);
      times.push(used.user + used.system);
      if (round === 0 && total !== query.total) wrong++;
    }
  }
}
times.sort((a, b) => a - b);
const mean = times.reduce((a, b) => a + b, 0) / times.length;
console.log(
  `${times.length} searches, CPU: mean ${mean.toFixed(1)} µs, p50 ${times[times.length >> 1].toFixed(1)}, p99 ${times[Math.floor(times.length * 0.99)].toFixed(1)}, worst ${times[times.length - 1].toFixed(1)} µs; ${wrong} totals differ from the manifest's`,
);
index = null;
