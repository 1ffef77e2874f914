import type { FastifyInstance, preHandlerAsyncHookHandler } from 'fastify';
import { centreIctTeamsEndpoints as endpoints } from '../../shared/centre/ict-teams-endpoints';
import { authOf } from '../platform/http/auth-hooks';
import { route } from '../platform/http/route';
import type { CentreIctTeamsService } from './ict-teams.service';

export function centreIctTeamsRoutes(app: FastifyInstance, deps: { ictTeams: CentreIctTeamsService; requireAuth: preHandlerAsyncHookHandler }): void {
  route(app, endpoints.getCentreIctTeams, {
    preHandler: deps.requireAuth,
    handler: async (request) => deps.ictTeams.picture(authOf(request).userId),
  });
}
