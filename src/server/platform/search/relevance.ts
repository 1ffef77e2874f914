/**
 * How a text search ranks what it finds, shared by the catalogue's index and the knowledge
 * base: every query word weighs by its rarity (BM25's inverse document frequency) times the
 * weight of the columns (title, summary, body) holding a word it starts.
 */

/** The weight of a query word found in the title, the summary and the description. */
export const columnWeights = [10, 4, 1] as const;

/**
 * How much a query word found in `matching` of `size` documents tells: BM25's inverse
 * document frequency, so a rarer word weighs more, and always above zero.
 */
export function inverseDocumentFrequency(matching: number, size: number): number {
  return Math.log(1 + (size - matching + 0.5) / (matching + 0.5));
}

/**
 * A document's relevance to the query words (every one of which it matches): for each word,
 * its inverse document frequency (matching: the documents with a word it starts) times the
 * sum of the weights of the columns holding such a word, added up in query order. So a word in
 * the title (10) outranks the same word only in the summary and description (4 + 1), a rarer
 * word outranks a common one, and a word found in more columns ranks higher. Both databases
 * answer by it, and it costs a few bit tests per word and result.
 */
export function relevance(words: ReadonlyArray<{ idf: number; columns: number }>): number {
  let score = 0;
  for (const { idf, columns } of words) score += idf * columnsWeight(columns);
  return score;
}

/** The summed weight of the columns in a mask (bit 0 title, 1 summary, 2 description). */
export const columnsWeight = (columns: number) => (columns & 1 ? columnWeights[0] : 0) + (columns & 2 ? columnWeights[1] : 0) + (columns & 4 ? columnWeights[2] : 0);
