import type { FastifyInstance } from 'fastify';
import { knowledgeEndpoints as endpoints } from '../../shared/centre/knowledge-endpoints';
import { route } from '../platform/http/route';
import type { KnowledgeService } from './knowledge.service';

/** The knowledge base: public reads, no account needed. */
export function knowledgeRoutes(app: FastifyInstance, deps: { knowledge: KnowledgeService }): void {
  const { knowledge } = deps;

  route(app, endpoints.listArticles, {
    handler: async (request) => knowledge.list(request.query),
  });

  route(app, endpoints.getArticle, {
    handler: async (request) => knowledge.get(request.params.slug, request.query.lang),
  });
}
