import type { FastifyInstance, preHandlerAsyncHookHandler } from 'fastify';
import { boardOverviewEndpoints as endpoints } from '../../../shared/school/board-overview/endpoints';
import { authOf } from '../../platform/http/auth-hooks';
import { route } from '../../platform/http/route';
import type { BoardOverviewService } from './board-overview.service';

/** The board's schools side by side. */
export function boardOverviewRoutes(app: FastifyInstance, deps: { overview: BoardOverviewService; requireAuth: preHandlerAsyncHookHandler }): void {
  route(app, endpoints.getBoardOverview, {
    preHandler: deps.requireAuth,
    handler: async (request) => deps.overview.overview(authOf(request).userId, request.params.boardId),
  });
}
