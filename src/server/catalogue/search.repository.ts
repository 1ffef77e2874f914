import { type Expression, type Kysely, type RawBuilder, type SelectQueryBuilder, type SqlBool, sql } from 'kysely';
import type { Dialect } from '../platform/db/database';
import type { CatalogueDatabase as Database } from './catalogue.tables';
import { ftsMatchExpression, tsQueryExpression } from './search-text';

export const facetNames = ['competence', 'kind', 'province', 'language', 'educationLevel', 'audience', 'price'] as const;
export type FacetName = (typeof facetNames)[number];
export type FacetCounts = Record<FacetName, Array<{ value: string; count: number }>>;

export interface SearchFilters {
  /** Normalised words; see searchTerms. Empty: no text condition. */
  terms: string[];
  competence: string[];
  fromLevel: string | null;
  kind: string[];
  province: string[];
  language: string[];
  educationLevel: string[];
  audience: string[];
  price: 'free' | 'paid' | null;
  /** YYYY-MM-DD, inclusive on both ends. */
  from: string | null;
  to: string | null;
}

export interface SearchPage {
  sort: 'relevance' | 'date' | 'price';
  offset: number;
  limit: number;
  now: string;
}

/** The codes of the multi-valued facets, each counted on its own. */
export interface FacetValues {
  educationLevel: readonly string[];
  audience: readonly string[];
}

type Query = SelectQueryBuilder<Database & { t: Database['trainings'] }, 't', object>;
type Condition = RawBuilder<SqlBool>;

const nextDay = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
const hasText = (f: SearchFilters) => f.terms.length > 0;
const always: Condition = sql<SqlBool>`1 = 1`;
const and = (conditions: Condition[]): Condition => (conditions.length === 0 ? always : sql<SqlBool>`(${sql.join(conditions, sql` and `)})`);

/**
 * The catalogue search: published trainings matching words and filters, a page of them in the
 * chosen order, the total, and facet counts, each facet counted over the results of all the
 * other filters. Words match through FTS5 on SQLite (the match drives the query) and through a
 * GIN-indexed tsvector on PostgreSQL (`search_vector`, stored from `search_text`); the filters
 * are plain SQL that both databases run alike.
 *
 * A search costs two statements whatever the filters: the page, and the total with every facet.
 */
export class SearchRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: Dialect,
  ) {}

  /**
   * A page of results (ids, in order), the total and every facet. On SQLite a search by
   * relevance with words is one statement (see totalAndFacets with a page): the words are
   * matched, and their rows read, once.
   */
  async search(filters: SearchFilters, page: SearchPage, values: FacetValues): Promise<{ ids: string[]; total: number; facets: FacetCounts }> {
    if (this.dialect === 'sqlite' && page.sort === 'relevance' && hasText(filters)) return this.totalAndFacets(filters, values, page);
    const ids = await this.pageIds(filters, page);
    return { ids, ...(await this.totalAndFacets(filters, values)) };
  }

  /** Ids of one page of results, in order. */
  async pageIds(filters: SearchFilters, page: SearchPage): Promise<string[]> {
    const conditions = facetConditions(filters);
    const relevance = page.sort === 'relevance' && hasText(filters);
    let query = this.candidates(filters)
      .select('t.id')
      .where(and([...conditions.values()]));
    if (relevance) {
      // bm25 is lower for better matches; ts_rank higher.
      // On SQLite only the rows passing every filter reach the sort, so bm25 is computed for them alone.
      query =
        this.dialect === 'sqlite'
          ? query.orderBy(sql`bm25(trainings_fts, 10.0, 4.0, 1.0)`)
          : query.orderBy(sql`ts_rank(t.search_vector, to_tsquery('simple', ${tsQueryExpression(filters.terms)}))`, 'desc');
    } else if (page.sort === 'date') {
      const next = nextSessionStart(filters, page.now);
      query = query.orderBy(sql`case when ${next} is null then 1 else 0 end`).orderBy(next);
    } else if (page.sort === 'price') {
      query = query.orderBy('t.price_cents');
    }
    const rows = await query.orderBy('t.title').orderBy('t.id').limit(page.limit).offset(page.offset).execute();
    return rows.map((r) => r.id);
  }

  /**
   * The total and every facet in one statement. The candidates (words and dates) are read once
   * into a materialised CTE holding only the facet columns and a 0/1 flag per facet filter that
   * is on, and only the rows failing at most one of those filters; each facet then counts, by
   * GROUP BY, the rows passing every filter but its own.
   */
  async totalAndFacets(filters: SearchFilters, values: FacetValues): Promise<{ total: number; facets: FacetCounts }>;
  /**
   * With `page` (SQLite, words, by relevance): the page's ids too, numbered in their order, from
   * the same candidates; bm25 is computed only for the rows passing every filter.
   */
  async totalAndFacets(filters: SearchFilters, values: FacetValues, page: SearchPage): Promise<{ ids: string[]; total: number; facets: FacetCounts }>;
  async totalAndFacets(filters: SearchFilters, values: FacetValues, page?: SearchPage): Promise<{ ids?: string[]; total: number; facets: FacetCounts }> {
    const conditions = facetConditions(filters);
    const active = [...conditions.keys()];
    const flagOf = (facet: FacetName) => sql.ref(`f_${facet}`);
    const flags = active.map((facet) => sql<number>`case when ${conditions.get(facet)!} then 1 else 0 end`.as(`f_${facet}`));
    const rank = sql<number | null>`case when ${and([...conditions.values()])} then bm25(trainings_fts, 10.0, 4.0, 1.0) end`;
    let candidates = this.candidates(filters)
      .select(['t.id', 't.kind', 't.province', 't.language', 't.price_cents', 't.education_levels', 't.audiences'])
      .$if(flags.length > 0, (qb) => qb.select(flags))
      .$if(this.dialect === 'sqlite', (qb) => qb.select(sql<string>`t.steps`.as('steps')))
      .$if(page !== undefined, (qb) => qb.select(['t.title', rank.as('r')]));
    if (active.length > 1) {
      const passed = sql.join(
        active.map((facet) => sql`case when ${conditions.get(facet)!} then 1 else 0 end`),
        sql` + `,
      );
      candidates = candidates.where(sql<SqlBool>`${passed} >= ${active.length - 1}`);
    }
    const passesAllBut = (facet: FacetName | null, keyword = sql` where `) => {
      const others = active.filter((name) => name !== facet).map((name) => sql`${flagOf(name)} = 1`);
      return others.length === 0 ? sql`` : sql`${keyword}${sql.join(others, sql` and `)}`;
    };
    const codes = (list: readonly string[]) =>
      sql.join(
        list.map((code) => sql`select cast(${code} as text) as code`),
        sql` union all `,
      );
    const fromLevel = filters.fromLevel !== null ? sql` and s.from_level = ${filters.fromLevel}` : sql``;
    const branches = [
      sql`select 'total' as facet, '' as value, count(*) as n from c${passesAllBut(null)}`,
      sql`select 'kind' as facet, c.kind as value, count(*) as n from c${passesAllBut('kind')} group by c.kind`,
      sql`select 'province' as facet, c.province as value, count(*) as n from c${passesAllBut('province')} group by c.province`,
      sql`select 'language' as facet, c.language as value, count(*) as n from c${passesAllBut('language')} group by c.language`,
      sql`select 'price' as facet, case when c.price_cents = 0 then 'free' else 'paid' end as value, count(*) as n from c${passesAllBut('price')} group by case when c.price_cents = 0 then 'free' else 'paid' end`,
      // The multi-valued facets: the candidates grouped by their list first (a few distinct lists), then each list's codes counted.
      sql`select 'educationLevel' as facet, v.code as value, sum(g.n) as n from (select c.education_levels as list, count(*) as n from c${passesAllBut('educationLevel')} group by c.education_levels) g join (${codes(values.educationLevel)}) v on g.list like '%,' || v.code || ',%' group by v.code`,
      sql`select 'audience' as facet, v.code as value, sum(g.n) as n from (select c.audiences as list, count(*) as n from c${passesAllBut('audience')} group by c.audiences) g join (${codes(values.audience)}) v on g.list like '%,' || v.code || ',%' group by v.code`,
      this.dialect === 'sqlite'
        ? // trainings_search.steps holds each training's steps as {competence: from level}, so the same grouping applies.
          sql`select 'competence' as facet, j.key as value, sum(g.n) as n from (select c.steps as list, count(*) as n from c${passesAllBut('competence')} group by c.steps) g, json_each(g.list) j${filters.fromLevel !== null ? sql` where j.value = ${filters.fromLevel}` : sql``} group by j.key`
        : // CROSS JOIN keeps the planner from scanning every level step: it walks the candidates, then their steps.
          sql`select 'competence' as facet, s.competence as value, count(*) as n from c cross join training_level_steps s where s.training_id = c.id${fromLevel}${passesAllBut('competence', sql` and `)} group by s.competence`,
    ];
    if (page !== undefined) {
      // bm25 is lower for better matches; then title and id, as pageIds orders.
      branches.push(
        sql`select 'page' as facet, p.id as value, row_number() over (order by p.r, p.title, p.id) as n from (select c.id, c.r, c.title from c${passesAllBut(null)} order by c.r, c.title, c.id limit ${page.limit} offset ${page.offset}) p`,
      );
    }
    const { rows } = await sql<{ facet: string; value: string | null; n: number | string }>`with c as materialized ${candidates} ${sql.join(branches, sql` union all `)}`.execute(
      this.db,
    );
    const facets = Object.fromEntries(facetNames.map((name) => [name, [] as Array<{ value: string; count: number }>])) as FacetCounts;
    let total = 0;
    const pageRows: Array<{ id: string; n: number }> = [];
    for (const row of rows) {
      const count = Number(row.n);
      if (row.facet === 'total') total = count;
      else if (row.facet === 'page') pageRows.push({ id: row.value!, n: count });
      else if (row.value !== null && count > 0) facets[row.facet as FacetName].push({ value: row.value, count });
    }
    for (const name of facetNames) sortFacet(facets[name]);
    return page === undefined ? { total, facets } : { ids: pageRows.sort((a, b) => a.n - b.n).map((p) => p.id), total, facets };
  }

  /**
   * Published trainings matching the words and the date range, before the facet filters. On
   * SQLite the FTS5 match drives the query and each match reaches its narrow trainings_search
   * row (the search columns) by its integer key, so only matching rows are ever read; on
   * PostgreSQL the GIN index on `search_vector` answers the `@@`.
   */
  private candidates(filters: SearchFilters): Query {
    let query: Query;
    if (this.dialect === 'sqlite') {
      query = (hasText(filters)
        ? this.db
            .selectFrom('trainings_fts')
            .innerJoin('trainings_search as t', 't.key', 'trainings_fts.rowid')
            .where(sql<SqlBool>`trainings_fts match ${ftsMatchExpression(filters.terms)}`)
        : this.db.selectFrom('trainings_search as t')) as unknown as Query;
    } else {
      query = this.db.selectFrom('trainings as t');
      if (hasText(filters)) query = query.where(sql<SqlBool>`t.search_vector @@ to_tsquery('simple', ${tsQueryExpression(filters.terms)})`);
    }
    return query.where('t.status', '=', 'published').$if(filters.from !== null || filters.to !== null, (qb) =>
      qb.where((eb) =>
        eb.exists(
          eb
            .selectFrom('training_sessions as d')
            .select(eb.lit(1).as('one'))
            .whereRef('d.training_id', '=', 't.id')
            .$if(filters.from !== null, (sq) => sq.where('d.starts_at', '>=', filters.from!))
            .$if(filters.to !== null, (sq) => sq.where('d.starts_at', '<', nextDay(filters.to!))),
        ),
      ),
    );
  }
}

/** The condition of every facet filter that is on, by facet. */
function facetConditions(filters: SearchFilters): Map<FacetName, Condition> {
  const conditions = new Map<FacetName, Condition>();
  const anyOf = (column: string, values: string[]) => sql<SqlBool>`${sql.ref(column)} in (${sql.join(values)})`;
  const anyCode = (column: string, codes: string[]) =>
    sql<SqlBool>`(${sql.join(
      codes.map((c) => sql`${sql.ref(column)} like ${`%,${c},%`}`),
      sql` or `,
    )})`;
  if (filters.kind.length > 0) conditions.set('kind', anyOf('t.kind', filters.kind));
  if (filters.province.length > 0) conditions.set('province', anyOf('t.province', filters.province));
  if (filters.language.length > 0) conditions.set('language', anyOf('t.language', filters.language));
  if (filters.educationLevel.length > 0) conditions.set('educationLevel', anyCode('t.education_levels', filters.educationLevel));
  if (filters.audience.length > 0) conditions.set('audience', anyCode('t.audiences', filters.audience));
  if (filters.price !== null) conditions.set('price', filters.price === 'free' ? sql<SqlBool>`t.price_cents = 0` : sql<SqlBool>`t.price_cents > 0`);
  if (filters.competence.length > 0 || filters.fromLevel !== null) {
    const competence = filters.competence.length > 0 ? sql` and s.competence in (${sql.join(filters.competence)})` : sql``;
    const fromLevel = filters.fromLevel !== null ? sql` and s.from_level = ${filters.fromLevel}` : sql``;
    conditions.set('competence', sql<SqlBool>`exists (select 1 from training_level_steps s where s.training_id = t.id${competence}${fromLevel})`);
  }
  return conditions;
}

/** The first session from `now` (or within the date filter): what "sort by date" sorts on. */
function nextSessionStart(filters: SearchFilters, now: string): Expression<string | null> {
  const from = filters.from !== null && filters.from > now ? filters.from : now;
  const to = filters.to !== null ? sql` and n.starts_at < ${nextDay(filters.to)}` : sql``;
  return sql<string | null>`(select min(n.starts_at) from training_sessions n where n.training_id = t.id and n.starts_at >= ${from}${to})`;
}

/** Most results first, then by value, so the order is stable. */
function sortFacet(facet: Array<{ value: string; count: number }>) {
  return facet.sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
}
