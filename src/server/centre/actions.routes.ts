import type { FastifyInstance, preHandlerAsyncHookHandler } from 'fastify';
import { centreActionEndpoints as endpoints } from '../../shared/centre/actions-endpoints';
import { authOf } from '../platform/http/auth-hooks';
import { route } from '../platform/http/route';
import type { CentreActionsService } from './actions.service';

/** The knowledge centre's register of actions and the IT bootcamps. */
export function centreActionsRoutes(app: FastifyInstance, deps: { centreActions: CentreActionsService; requireAuth: preHandlerAsyncHookHandler }): void {
  const { centreActions, requireAuth } = deps;
  const user = (request: Parameters<typeof authOf>[0]) => authOf(request).userId;

  route(app, endpoints.listCentreActions, { preHandler: requireAuth, handler: async (request) => centreActions.list(user(request), request.query) });

  route(app, endpoints.getCentreAction, { preHandler: requireAuth, handler: async (request) => centreActions.get(user(request), request.params.centreActionId) });

  route(app, endpoints.createCentreAction, {
    preHandler: requireAuth,
    handler: async (request, reply) => reply.status(201).send(await centreActions.create(user(request), request.body)),
  });

  route(app, endpoints.updateCentreAction, {
    preHandler: requireAuth,
    handler: async (request) => centreActions.update(user(request), request.params.centreActionId, request.body),
  });

  route(app, endpoints.getBootcampProgramme, { preHandler: requireAuth, handler: async (request) => centreActions.programme(user(request)) });

  route(app, endpoints.getBootcampCohort, { preHandler: requireAuth, handler: async (request) => centreActions.cohort(user(request), request.params.cohortId) });

  route(app, endpoints.saveBootcampAttendance, {
    preHandler: requireAuth,
    handler: async (request) => centreActions.saveAttendance(user(request), request.params.cohortId, request.params.bootcampSessionId, request.body),
  });
}
