import type { FastifyInstance, preHandlerAsyncHookHandler } from 'fastify';
import { indicatorEndpoints as endpoints } from '../../shared/infra/indicator-endpoints';
import { authOf } from '../platform/http/auth-hooks';
import { route } from '../platform/http/route';
import type { IndicatorService } from './indicator.service';

/** The ICT park's indicators, per school and per board; both answers go out as the bytes kept (indicator.service.ts). */
export function indicatorRoutes(app: FastifyInstance, deps: { indicators: IndicatorService; requireAuth: preHandlerAsyncHookHandler }): void {
  const { indicators, requireAuth } = deps;

  route(app, endpoints.getInfraIndicators, {
    preHandler: requireAuth,
    handler: async (request, reply) => reply.type('application/json; charset=utf-8').send(await indicators.schoolIndicatorsJson(authOf(request).userId, request.params.schoolId)),
  });

  route(app, endpoints.getBoardInfraIndicators, {
    preHandler: requireAuth,
    handler: async (request, reply) => reply.type('application/json; charset=utf-8').send(await indicators.boardIndicatorsJson(authOf(request).userId, request.params.boardId)),
  });
}
