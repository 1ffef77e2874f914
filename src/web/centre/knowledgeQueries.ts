import type { ListArticlesQuery } from '../../shared/centre/knowledge-api';
import { knowledgeEndpoints } from '../../shared/centre/knowledge-endpoints';
import { useI18n } from '../i18n';
import { useEndpointQuery } from '../serverState';

/** The articles matching a search or a tag, in the reader's language. */
export function useArticles(query: Omit<ListArticlesQuery, 'lang'>, options: { enabled?: boolean } = {}) {
  const { locale } = useI18n();
  return useEndpointQuery(knowledgeEndpoints.listArticles, { query: { ...query, lang: locale } }, options);
}

export function useArticle(slug: string) {
  const { locale } = useI18n();
  return useEndpointQuery(knowledgeEndpoints.getArticle, { params: { slug }, query: { lang: locale } });
}
