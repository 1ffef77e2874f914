import type { FastifyInstance, preHandlerAsyncHookHandler } from 'fastify';
import { stemEndpoints as endpoints } from '../../shared/stem/endpoints';
import { authOf } from '../platform/http/auth-hooks';
import { route } from '../platform/http/route';
import type { StemService } from './stem.service';

const json = 'application/json; charset=utf-8';

/** The STEM monitor: the import for the knowledge centre, and the public reads, sent as the bytes kept per data version (stem.service.ts). */
export function stemRoutes(app: FastifyInstance, deps: { stem: StemService; requireAuth: preHandlerAsyncHookHandler }): void {
  const { stem, requireAuth } = deps;

  route(app, endpoints.importStemCounts, {
    preHandler: requireAuth,
    handler: async (request) => stem.importCounts(authOf(request).userId, request.body, request.query),
  });

  route(app, endpoints.getStemIndicators, {
    handler: async (request, reply) => reply.type(json).send(await stem.indicatorsJson(request.query)),
  });

  route(app, endpoints.listStemIndicators, {
    handler: async (_request, reply) => reply.type(json).send(await stem.definitionsJson()),
  });

  route(app, endpoints.getStemSeries, {
    handler: async (request, reply) => reply.type(json).send(await stem.seriesJson(request.query)),
  });
}
