import type { FastifyInstance, preHandlerAsyncHookHandler } from 'fastify';
import { followUpEndpoints as endpoints } from '../../shared/centre/follow-up-endpoints';
import { authOf } from '../platform/http/auth-hooks';
import { route } from '../platform/http/route';
import type { FollowUpStepsService } from './follow-up.service';

export function followUpStepsRoutes(app: FastifyInstance, deps: { followUp: FollowUpStepsService; requireAuth: preHandlerAsyncHookHandler }): void {
  const { followUp, requireAuth } = deps;
  route(app, endpoints.getFollowUpSteps, { preHandler: requireAuth, handler: async (request) => followUp.steps(authOf(request).userId) });
  route(app, endpoints.updateFollowUpSteps, { preHandler: requireAuth, handler: async (request) => followUp.update(authOf(request).userId, request.body) });
  route(app, endpoints.getFollowUpProgress, { preHandler: requireAuth, handler: async (request) => followUp.progress(authOf(request).userId) });
}
