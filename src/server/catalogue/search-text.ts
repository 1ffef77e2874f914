/**
 * Full-text search input, made safe and comparable. A user's query is never passed to a
 * database's query syntax as typed: it is cut into words of letters and digits, so quotes,
 * brackets and operators (`"(*:&|!`) cannot reach FTS5 or to_tsquery, and no query can error.
 */

const MAX_TERMS = 8;
const MAX_TERM_LENGTH = 60;

/** "Coöperatief LEREN" → "cooperatief leren": decomposed, marks stripped, lower case. */
export function normaliseSearchText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

/** The words of a query, normalised, each searched as a prefix; at most eight. */
export function searchTerms(query: string | undefined): string[] {
  if (!query) return [];
  const words = normaliseSearchText(query).match(/[\p{L}\p{N}]+/gu) ?? [];
  return [...new Set(words.map((w) => w.slice(0, MAX_TERM_LENGTH)))].slice(0, MAX_TERMS);
}

/** SQLite FTS5: every word a quoted prefix, all required (`"evalu"* "ideeen"*`). */
export function ftsMatchExpression(terms: readonly string[]): string {
  return terms.map((term) => `"${term}"*`).join(' ');
}

/** PostgreSQL to_tsquery('simple', …): every word a prefix, all required (`evalu:* & ideeen:*`). */
export function tsQueryExpression(terms: readonly string[]): string {
  return terms.map((term) => `${term}:*`).join(' & ');
}

/** What PostgreSQL's index reads: the three texts, normalised like the query. */
export function searchTextOf(training: { title: string; summary: string; description: string }): string {
  return normaliseSearchText(`${training.title}\n${training.summary}\n${training.description}`);
}
