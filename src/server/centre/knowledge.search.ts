import type { ArticleLanguage, ArticleText } from '../../shared/centre/knowledge';
import { markdownText } from '../../shared/centre/markdown';
import { inverseDocumentFrequency, relevance } from '../platform/search/relevance';
import { normaliseSearchText } from '../platform/search/search-text';
import type { Article } from './knowledge.content';

/** One article's words per column (title, summary, text), normalised as the catalogue's are. */
interface IndexedArticle {
  article: Article;
  columns: [string[], string[], string[]];
}

const WORD = /[\p{L}\p{N}]+/gu;
const wordsOf = (text: string) => [...new Set(normaliseSearchText(text).match(WORD) ?? [])];

/**
 * The knowledge base's search, per language: the catalogue's rules (query words as prefixes,
 * every word must match, ranked by `relevance`, then by title) over a few dozen articles, so a
 * scan of every article is all it takes. Pure: no I/O.
 */
export class ArticleSearch {
  private readonly indexed: Record<ArticleLanguage, IndexedArticle[]>;

  constructor(articles: readonly Article[]) {
    const index = (lang: ArticleLanguage) =>
      articles
        .map((article) => {
          const text: ArticleText = article.texts[lang];
          return { article, columns: [wordsOf(text.title), wordsOf(text.summary), wordsOf(markdownText(text.body))] as IndexedArticle['columns'] };
        })
        .sort((a, b) => a.article.texts[lang].title.localeCompare(b.article.texts[lang].title, lang) || (a.article.slug < b.article.slug ? -1 : 1));
    this.indexed = { nl: index('nl'), en: index('en') };
  }

  /** The articles holding every term (a prefix) that `keep` keeps, best first; by title without terms. */
  search(lang: ArticleLanguage, terms: readonly string[], keep: (article: Article) => boolean = () => true): Article[] {
    const all = this.indexed[lang];
    if (terms.length === 0) return all.filter(({ article }) => keep(article)).map(({ article }) => article);
    const masks = all.map(({ columns }) => terms.map((term) => columns.reduce((mask, words, c) => (words.some((word) => word.startsWith(term)) ? mask | (1 << c) : mask), 0)));
    const idf = terms.map((_, t) => inverseDocumentFrequency(masks.filter((mask) => mask[t] !== 0).length, all.length));
    return all
      .map((entry, d) => ({ article: entry.article, masks: masks[d], order: d }))
      .filter(({ article, masks }) => masks.every((mask) => mask !== 0) && keep(article))
      .map((hit) => ({ ...hit, score: relevance(hit.masks.map((columns, t) => ({ idf: idf[t], columns }))) }))
      .sort((a, b) => b.score - a.score || a.order - b.order)
      .map(({ article }) => article);
  }
}
