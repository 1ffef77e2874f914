import type { FastifyInstance, preHandlerAsyncHookHandler } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBodySchema } from '../../shared/errors';
import {
  addMemberBodySchema,
  addMemberResultSchema,
  boardParamsSchema,
  boardSchema,
  joinCodeParamsSchema,
  joinCodeSchema,
  joinResultSchema,
  memberListSchema,
  memberParamsSchema,
  memberSchema,
  schoolIdParamsSchema,
  schoolSchema,
  setRolesBodySchema,
} from '../../shared/school/schools';
import { authOf } from '../platform/http/auth-hooks';
import type { BoardService } from './board.service';
import type { InvitationService } from './invitation.service';
import type { SchoolService } from './school.service';

const tags = ['schools'];
const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema };

/** A school, its team and its join code; the board above it. A school the caller has no role in is not found. */
export function schoolRoutes(
  app: FastifyInstance,
  deps: { schools: SchoolService; boards: BoardService; invitations: InvitationService; requireAuth: preHandlerAsyncHookHandler },
): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { schools, boards, invitations, requireAuth } = deps;

  api.get('/api/schools/:schoolId', {
    preHandler: requireAuth,
    schema: { operationId: 'getSchool', tags, summary: 'A school you belong to, with your roles there', params: schoolIdParamsSchema, response: { 200: schoolSchema, ...errors } },
    handler: async (request) => schools.getSchool(authOf(request).userId, request.params.schoolId),
  });

  api.get('/api/schools/:schoolId/members', {
    preHandler: requireAuth,
    schema: {
      operationId: 'listSchoolMembers',
      tags,
      summary: 'The team: name, email and roles of every member (ICT coordinator, principal, board admin); never scan data',
      params: schoolIdParamsSchema,
      response: { 200: memberListSchema, ...errors },
    },
    handler: async (request) => ({ items: await schools.listMembers(authOf(request).userId, request.params.schoolId) }),
  });

  api.post('/api/schools/:schoolId/members', {
    preHandler: requireAuth,
    schema: {
      operationId: 'addSchoolMember',
      tags,
      summary: 'Add someone to the team by email: at once when they have an account, by an invitation mail otherwise',
      description: 'An ICT coordinator gives teacher and ict_coordinator; a principal also principal; a board admin every role (403 otherwise).',
      params: schoolIdParamsSchema,
      body: addMemberBodySchema,
      response: { 201: addMemberResultSchema, ...errors },
    },
    handler: async (request, reply) => reply.status(201).send(await invitations.addMember(authOf(request).userId, request.params.schoolId, request.body)),
  });

  api.put('/api/schools/:schoolId/members/:userId', {
    preHandler: requireAuth,
    schema: {
      operationId: 'setSchoolMemberRoles',
      tags,
      summary: "Replace a member's roles in the school",
      description: 'The caller must be able to give both the roles the member has and the roles asked (403 otherwise).',
      params: memberParamsSchema,
      body: setRolesBodySchema,
      response: { 200: memberSchema, ...errors },
    },
    handler: async (request) => schools.setMemberRoles(authOf(request).userId, request.params.schoolId, request.params.userId, request.body.roles),
  });

  api.delete('/api/schools/:schoolId/members/:userId', {
    preHandler: requireAuth,
    schema: {
      operationId: 'removeSchoolMember',
      tags,
      summary: 'Remove a member from the team (their account and own scans stay theirs)',
      params: memberParamsSchema,
      response: { 204: z.undefined().describe('Removed'), ...errors },
    },
    handler: async (request, reply) => {
      await schools.removeMember(authOf(request).userId, request.params.schoolId, request.params.userId);
      return reply.status(204).send();
    },
  });

  api.get('/api/schools/:schoolId/join-code', {
    preHandler: requireAuth,
    schema: {
      operationId: 'getJoinCode',
      tags,
      summary: "The school's join code and link to share with the team",
      params: schoolIdParamsSchema,
      response: { 200: joinCodeSchema, ...errors },
    },
    handler: async (request) => schools.joinCode(authOf(request).userId, request.params.schoolId),
  });

  api.post('/api/schools/:schoolId/join-code', {
    preHandler: requireAuth,
    schema: {
      operationId: 'rotateJoinCode',
      tags,
      summary: 'A new join code; the old one stops working at once',
      params: schoolIdParamsSchema,
      response: { 200: joinCodeSchema, ...errors },
    },
    handler: async (request) => schools.rotateJoinCode(authOf(request).userId, request.params.schoolId),
  });

  api.post('/api/join/:code', {
    preHandler: requireAuth,
    schema: {
      operationId: 'joinSchool',
      tags,
      summary: 'Join the school behind a join code as a teacher (again: no change)',
      params: joinCodeParamsSchema,
      response: { 200: joinResultSchema, ...errors },
    },
    handler: async (request) => schools.joinByCode(authOf(request).userId, request.params.code),
  });

  api.get('/api/boards/:boardId', {
    preHandler: requireAuth,
    schema: {
      operationId: 'getBoard',
      tags,
      summary: 'A school board and its schools, for its board admins',
      params: boardParamsSchema,
      response: { 200: boardSchema, ...errors },
    },
    handler: async (request) => boards.getBoard(authOf(request).userId, request.params.boardId),
  });
}
