import type { FastifyInstance, preHandlerAsyncHookHandler } from 'fastify';
import { ictTeamEndpoints as endpoints } from '../../../shared/school/ict-team/endpoints';
import { authOf } from '../../platform/http/auth-hooks';
import { route } from '../../platform/http/route';
import type { IctTeamService } from './ict-team.service';

/** The school's ICT team: read by every member, changed by principals and ICT coordinators. */
export function ictTeamRoutes(app: FastifyInstance, deps: { ictTeams: IctTeamService; requireAuth: preHandlerAsyncHookHandler }): void {
  const { ictTeams, requireAuth } = deps;
  const user = (request: Parameters<typeof authOf>[0]) => authOf(request).userId;

  route(app, endpoints.getIctTeam, {
    preHandler: requireAuth,
    handler: async (request) => ictTeams.get(user(request), request.params.schoolId),
  });

  route(app, endpoints.addIctTeamMember, {
    preHandler: requireAuth,
    handler: async (request, reply) => reply.status(201).send(await ictTeams.add(user(request), request.params.schoolId, request.body)),
  });

  route(app, endpoints.updateIctTeamMember, {
    preHandler: requireAuth,
    handler: async (request) => ictTeams.update(user(request), request.params.schoolId, request.params.memberId, request.body),
  });

  route(app, endpoints.removeIctTeamMember, {
    preHandler: requireAuth,
    handler: async (request, reply) => {
      await ictTeams.remove(user(request), request.params.schoolId, request.params.memberId);
      return reply.status(204).send();
    },
  });
}
