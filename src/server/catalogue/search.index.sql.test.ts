import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/support/test-app';
import { trainingAudiences, trainingEducationLevels, trainingKinds, trainingLanguages } from '../../shared/catalogue/codes';
import { provinces } from '../../shared/platform/flanders';
import { demoCompetenceCodes, demoProviders, generateDemoTrainings } from '../demo/demo-trainings';
import { seededRandom } from '../demo/simulated-answers';
import { type SearchDocument, SearchIndex } from './search.index';
import { type SearchFilters, type SearchPage, SearchRepository } from './search.repository';
import { normaliseSearchText } from './search-text';

/**
 * The index answers what the SQL answers: a demo catalogue in a database (SQLite in memory, or
 * PostgreSQL when TEST_DATABASE_URL is set), its published trainings read back into an index,
 * and many generated searches asked of both. Totals and facets must be equal, and pages equal
 * wherever both order alike: by date, by price, and by title without words. By relevance the
 * databases rank their own way, so there the results must be the same set.
 */
const NOW = new Date('2026-03-02T09:00:00Z');
const values = { educationLevel: trainingEducationLevels, audience: trainingAudiences };

describe('the search index against the database', () => {
  let t: TestApp;
  let repository: SearchRepository;
  let index: SearchIndex;
  let words: string[];

  beforeAll(async () => {
    t = await startTestApp();
    const { db, services } = t.app;
    const providerIds = new Map<string, string>();
    for (const provider of demoProviders) providerIds.set(provider.key, (await services.catalogue.addProvider({ name: provider.name, contactEmail: provider.contactEmail })).id);
    const demo = generateDemoTrainings(800, seededRandom(7), NOW);
    await services.catalogue.seedTrainings(demo.map((d) => ({ providerId: providerIds.get(d.providerKey)!, training: d.training, sessions: d.sessions })));
    repository = new SearchRepository(db.kysely, db.dialect);

    type Row = Record<string, string | number | null>;
    const { rows: trainings } = await sql<Row>`select * from trainings where status = 'published'`.execute(db.kysely);
    const { rows: steps } = await sql<Row>`select training_id, competence, from_level from training_level_steps`.execute(db.kysely);
    const { rows: sessions } = await sql<Row>`select training_id, starts_at from training_sessions`.execute(db.kysely);
    const codes = (list: unknown) =>
      String(list)
        .split(',')
        .filter((code) => code !== '');
    const documents: SearchDocument[] = trainings.map((row) => ({
      id: String(row.id),
      title: String(row.title),
      summary: String(row.summary),
      description: String(row.description),
      kind: String(row.kind),
      province: row.province === null ? null : String(row.province),
      language: String(row.language),
      priceCents: Number(row.price_cents),
      educationLevels: codes(row.education_levels),
      audiences: codes(row.audiences),
      steps: steps.filter((s) => s.training_id === row.id).map((s) => ({ competence: String(s.competence), from: String(s.from_level) })),
      sessionStarts: sessions.filter((s) => s.training_id === row.id).map((s) => String(s.starts_at)),
    }));
    index = SearchIndex.build(documents, values);
    words = [...new Set(documents.flatMap((d) => normaliseSearchText(`${d.title} ${d.summary}`).match(/[\p{L}\p{N}]+/gu) ?? []))].sort();
  }, 120_000);
  afterAll(() => t.close());

  const day = (inDays: number) => new Date(NOW.getTime() + inDays * 86_400_000).toISOString().slice(0, 10);
  const filters = (): fc.Arbitrary<SearchFilters> => {
    const term = fc.tuple(fc.constantFrom(...words), fc.nat(12)).map(([word, cut]) => word.slice(0, Math.max(1, word.length - cut)));
    const some = (arbitrary: fc.Arbitrary<string>): fc.Arbitrary<string[]> =>
      fc.oneof({ weight: 3, arbitrary: fc.constant<string[]>([]) }, { weight: 1, arbitrary: fc.uniqueArray(arbitrary, { minLength: 1, maxLength: 2 }) });
    const date = fc.oneof({ weight: 3, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.integer({ min: -10, max: 120 }).map(day) });
    return fc.record({
      terms: fc.uniqueArray(fc.oneof({ weight: 9, arbitrary: term }, { weight: 1, arbitrary: fc.constant('qqq') }), { maxLength: 3 }),
      competence: some(fc.constantFrom(...demoCompetenceCodes)),
      fromLevel: fc.oneof({ weight: 4, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.constantFrom<string | null>('A1', 'A2', 'B1', 'B2', 'C1') }),
      kind: some(fc.constantFrom(...trainingKinds)),
      province: some(fc.constantFrom(...provinces)),
      language: some(fc.constantFrom(...trainingLanguages)),
      educationLevel: some(fc.constantFrom(...trainingEducationLevels)),
      audience: some(fc.constantFrom(...trainingAudiences)),
      price: fc.constantFrom<SearchFilters['price']>(null, null, 'free', 'paid'),
      from: date,
      to: date,
    });
  };
  const page = fc.record({
    sort: fc.constantFrom('relevance', 'date', 'price'),
    offset: fc.constantFrom(0, 0, 5, 40),
    limit: fc.constantFrom(10, 20, 1000),
    now: fc.constantFrom(NOW.toISOString(), new Date(NOW.getTime() + 20 * 86_400_000).toISOString()),
  }) as fc.Arbitrary<SearchPage>;

  it('gives the totals, facets and pages the SQL gives', async () => {
    let found = 0;
    await fc.assert(
      fc.asyncProperty(filters(), page, async (f, p) => {
        const fromSql = await repository.search(f, p, values);
        const fromIndex = index.search(f, p);
        expect(fromIndex.total).toBe(fromSql.total);
        expect(fromIndex.facets).toEqual(fromSql.facets);
        if (p.sort !== 'relevance' || f.terms.length === 0) expect(fromIndex.ids).toEqual(fromSql.ids);
        else if (p.offset === 0 && fromSql.total <= p.limit) expect([...fromIndex.ids].sort()).toEqual([...fromSql.ids].sort());
        if (fromSql.total > 0) found++;
      }),
      { numRuns: 300 },
    );
    // The searches were not all empty.
    expect(found).toBeGreaterThan(100);
  }, 120_000);
});
