import type { WebModule } from '../routing/webModule';
import { pageRoute } from '../routing/webModule';

/** The knowledge base: open to everyone, with or without an account. */
export const knowledgeWeb: WebModule = {
  name: 'knowledge',
  routes: (root) => [
    pageRoute(root, { path: '/kennis', access: 'public', page: () => import('./KnowledgePage'), component: 'KnowledgePage' }),
    pageRoute(root, { path: '/kennis/$slug', access: 'public', page: () => import('./ArticlePage'), component: 'ArticlePage', props: ({ slug }) => ({ slug }) }),
  ],
};
