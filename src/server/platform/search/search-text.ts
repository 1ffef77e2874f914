/**
 * Full-text search input, made comparable: a user's query is cut into words of letters and
 * digits, folded like the texts it is matched against (see SearchIndex), so no query can error.
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
