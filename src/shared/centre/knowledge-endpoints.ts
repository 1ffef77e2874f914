import { defineEndpoints } from '../platform/endpoint';

/** The knowledge base: public articles, nl and en. */
export const knowledgeEndpoints = defineEndpoints(
  () => import('./knowledge-api'),
  { tags: ['knowledge'] },
  {
    listArticles: {
      method: 'GET',
      path: '/api/articles',
      summary: 'The knowledge base’s articles, searched and filtered by front, competence, cyber-check measure or topic; no account needed',
      description:
        'Searched like the training catalogue: each word a prefix, every word must match, ranked by where the words are found ' +
        '(title above summary above text) and how rare they are; without words, by title.',
      query: 'listArticlesQuerySchema',
      response: { 200: 'articleListSchema' },
      errors: [400],
    },
    getArticle: {
      method: 'GET',
      path: '/api/articles/:slug',
      summary: 'One article in Markdown, with its tags; no account needed',
      params: 'articleParamsSchema',
      query: 'articleQuerySchema',
      response: { 200: 'articleSchema' },
      errors: [400, 404],
    },
  },
);
