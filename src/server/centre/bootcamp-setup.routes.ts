import type { FastifyInstance, preHandlerAsyncHookHandler } from 'fastify';
import { bootcampSetupEndpoints as endpoints } from '../../shared/centre/bootcamp-setup-endpoints';
import { authOf } from '../platform/http/auth-hooks';
import { route } from '../platform/http/route';
import type { BootcampSetupService } from './bootcamp-setup.service';

/** Setting up the IT bootcamps: tracks, cohorts, sessions, school teams and participants. */
export function bootcampSetupRoutes(app: FastifyInstance, deps: { bootcampSetup: BootcampSetupService; requireAuth: preHandlerAsyncHookHandler }): void {
  const { bootcampSetup, requireAuth } = deps;
  const user = (request: Parameters<typeof authOf>[0]) => authOf(request).userId;

  route(app, endpoints.createBootcampTrack, {
    preHandler: requireAuth,
    handler: async (request, reply) => reply.status(201).send(await bootcampSetup.createTrack(user(request), request.body)),
  });

  route(app, endpoints.updateBootcampTrack, {
    preHandler: requireAuth,
    handler: async (request) => bootcampSetup.updateTrack(user(request), request.params.bootcampTrackId, request.body),
  });

  route(app, endpoints.createBootcampCohort, {
    preHandler: requireAuth,
    handler: async (request, reply) => reply.status(201).send(await bootcampSetup.createCohort(user(request), request.body)),
  });

  route(app, endpoints.updateBootcampSession, {
    preHandler: requireAuth,
    handler: async (request) => bootcampSetup.updateSession(user(request), request.params.cohortId, request.params.bootcampSessionId, request.body),
  });

  route(app, endpoints.addBootcampTeam, {
    preHandler: requireAuth,
    handler: async (request, reply) => reply.status(201).send(await bootcampSetup.addTeam(user(request), request.params.cohortId, request.body)),
  });

  route(app, endpoints.updateBootcampTeamParticipants, {
    preHandler: requireAuth,
    handler: async (request) => bootcampSetup.updateParticipants(user(request), request.params.cohortId, request.params.bootcampTeamId, request.body),
  });

  route(app, endpoints.removeBootcampTeam, {
    preHandler: requireAuth,
    handler: async (request) => bootcampSetup.removeTeam(user(request), request.params.cohortId, request.params.bootcampTeamId, request.query),
  });

  route(app, endpoints.searchBootcampSchools, { preHandler: requireAuth, handler: async (request) => bootcampSetup.searchSchools(user(request), request.query.q) });
}
