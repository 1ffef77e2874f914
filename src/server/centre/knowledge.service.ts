import type { ArticleLanguage } from '../../shared/centre/knowledge';
import type { ArticleDto, ArticleListDto, ArticleSummaryDto, ListArticlesQuery } from '../../shared/centre/knowledge-api';
import { notFound } from '../../shared/errors';
import { searchTerms } from '../platform/search/search-text';
import type { Article } from './knowledge.content';
import { ArticleSearch } from './knowledge.search';

type ParsedListQuery = Omit<ListArticlesQuery, 'lang'> & { lang: ArticleLanguage };

/**
 * The knowledge base: articles from content/articles for everyone, with or without an account
 * (the advice is public, like the knowledge centre's own pages), searched and filtered by tag.
 */
export class KnowledgeService {
  private readonly bySlug: Map<string, Article>;
  private readonly search: ArticleSearch;

  constructor(articles: readonly Article[]) {
    this.bySlug = new Map(articles.map((article) => [article.slug, article]));
    this.search = new ArticleSearch(articles);
  }

  /** The articles matching the words and every tag filter given; facets count fronts and competences within the words and the other filters. */
  list(query: ParsedListQuery): ArticleListDto {
    const { lang, front, competence, area, measure, topic } = query;
    const others = (article: Article) => {
      const text = article.texts.nl;
      return (!measure || text.measures.includes(measure)) && (!topic || text.topics.includes(topic)) && (!area || text.competences.some((code) => code.startsWith(`${area}.`)));
    };
    const found = this.search.search(lang, searchTerms(query.q), others);
    const hasFront = (article: Article) => !front || article.texts.nl.fronts.includes(front);
    const hasCompetence = (article: Article) => !competence || article.texts.nl.competences.includes(competence);
    const facets: ArticleListDto['facets'] = { front: {}, competence: {} };
    for (const article of found) {
      const { fronts, competences } = article.texts.nl;
      if (hasCompetence(article)) for (const code of fronts) facets.front[code] = (facets.front[code] ?? 0) + 1;
      if (hasFront(article)) for (const code of competences) facets.competence[code] = (facets.competence[code] ?? 0) + 1;
    }
    return { items: found.filter((article) => hasFront(article) && hasCompetence(article)).map((article) => summaryOf(article, lang)), facets };
  }

  has(slug: string): boolean {
    return this.bySlug.has(slug);
  }

  get(slug: string, lang: ArticleLanguage): ArticleDto {
    const article = this.bySlug.get(slug);
    if (!article) throw notFound(`Article ${slug}`, 'params.slug');
    return { ...summaryOf(article, lang), lang, body: article.texts[lang].body };
  }
}

function summaryOf(article: Article, lang: ArticleLanguage): ArticleSummaryDto {
  const { title, summary, fronts, competences, measures, topics } = article.texts[lang];
  return { slug: article.slug, title, summary, fronts, competences, measures, topics };
}
