import type { FastifyInstance, preHandlerAsyncHookHandler } from 'fastify';
import { centreEndpoints as endpoints } from '../../shared/centre/endpoints';
import { authOf } from '../platform/http/auth-hooks';
import { route } from '../platform/http/route';
import type { CentreService } from './centre.service';

const json = 'application/json; charset=utf-8';

/** The knowledge centre's pages, for its analysts and the admins; the overview goes out as the JSON kept per release. */
export function centreRoutes(app: FastifyInstance, deps: { centre: CentreService; requireAuth: preHandlerAsyncHookHandler }): void {
  const { centre, requireAuth } = deps;

  route(app, endpoints.getCentreOverview, {
    preHandler: requireAuth,
    handler: async (request, reply) => reply.type(json).send(await centre.overviewJson(authOf(request).userId, request.query)),
  });
}
