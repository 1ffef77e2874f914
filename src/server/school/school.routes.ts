import type { FastifyInstance, preHandlerAsyncHookHandler } from 'fastify';
import { schoolEndpoints as endpoints } from '../../shared/school/endpoints';
import { authOf } from '../platform/http/auth-hooks';
import { route } from '../platform/http/route';
import type { BoardService } from './board.service';
import type { InvitationService } from './invitation.service';
import type { SchoolService } from './school.service';

/** A school, its team and its join code; the board above it. A school the caller has no role in is not found. */
export function schoolRoutes(
  app: FastifyInstance,
  deps: { schools: SchoolService; boards: BoardService; invitations: InvitationService; requireAuth: preHandlerAsyncHookHandler },
): void {
  const { schools, boards, invitations, requireAuth } = deps;

  route(app, endpoints.getSchool, {
    preHandler: requireAuth,
    handler: async (request) => schools.getSchool(authOf(request).userId, request.params.schoolId),
  });

  route(app, endpoints.listSchoolMembers, {
    preHandler: requireAuth,
    handler: async (request) => ({ items: await schools.listMembers(authOf(request).userId, request.params.schoolId) }),
  });

  route(app, endpoints.addSchoolMember, {
    preHandler: requireAuth,
    handler: async (request, reply) => reply.status(201).send(await invitations.addMember(authOf(request).userId, request.params.schoolId, request.body)),
  });

  route(app, endpoints.setSchoolMemberRoles, {
    preHandler: requireAuth,
    handler: async (request) => schools.setMemberRoles(authOf(request).userId, request.params.schoolId, request.params.userId, request.body.roles),
  });

  route(app, endpoints.removeSchoolMember, {
    preHandler: requireAuth,
    handler: async (request, reply) => {
      await schools.removeMember(authOf(request).userId, request.params.schoolId, request.params.userId);
      return reply.status(204).send();
    },
  });

  route(app, endpoints.setSchoolSettings, {
    preHandler: requireAuth,
    handler: async (request) => schools.setSettings(authOf(request).userId, request.params.schoolId, request.body),
  });

  route(app, endpoints.leaveSchool, {
    preHandler: requireAuth,
    handler: async (request, reply) => {
      await schools.leaveSchool(authOf(request).userId, request.params.schoolId);
      return reply.status(204).send();
    },
  });

  route(app, endpoints.getJoinCode, {
    preHandler: requireAuth,
    handler: async (request) => schools.joinCode(authOf(request).userId, request.params.schoolId),
  });

  route(app, endpoints.rotateJoinCode, {
    preHandler: requireAuth,
    handler: async (request) => schools.rotateJoinCode(authOf(request).userId, request.params.schoolId),
  });

  route(app, endpoints.joinSchool, {
    preHandler: requireAuth,
    handler: async (request) => schools.joinByCode(authOf(request).userId, request.params.code),
  });

  route(app, endpoints.listAllSchools, {
    preHandler: requireAuth,
    handler: async (request) => schools.directory(authOf(request).userId, request.query),
  });

  route(app, endpoints.getBoard, {
    preHandler: requireAuth,
    handler: async (request) => boards.getBoard(authOf(request).userId, request.params.boardId),
  });
}
