import type { FastifyInstance, FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, errorBodySchema } from '../../shared/errors';
import { sessionResponseSchema } from '../../shared/platform/api';
import {
  acceptInvitationBodySchema,
  invitationListSchema,
  invitationParamsSchema,
  invitationSchema,
  rosterReportSchema,
  schoolIdParamsSchema,
  tokenParamsSchema,
} from '../../shared/school/schools';
import { sessionCookieOptions } from '../platform/auth/auth.routes';
import { CSRF_HEADER, SESSION_COOKIE, authOf } from '../platform/http/auth-hooks';
import type { InvitationService } from './invitation.service';

const tags = ['schools'];
const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema };

export function invitationRoutes(
  app: FastifyInstance,
  deps: {
    invitations: InvitationService;
    requireAuth: preHandlerAsyncHookHandler;
    optionalAuth: preHandlerAsyncHookHandler;
    secureCookies: boolean;
    sessionIdleHours: number;
  },
): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { invitations, requireAuth } = deps;

  /** Anonymous callers pass; a logged-in one must send the session's CSRF token, as on every state change. */
  async function optionalAuthWithCsrf(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    await deps.optionalAuth.call(app, request, reply);
    if (request.auth && request.headers[CSRF_HEADER] !== request.auth.csrfToken) {
      throw new AppError('csrf_failed', 'Missing or wrong x-csrf-token header', `headers.${CSRF_HEADER}`);
    }
  }

  api.post('/api/schools/:schoolId/roster', {
    preHandler: requireAuth,
    schema: {
      operationId: 'importRoster',
      tags,
      summary: 'Invite the team from a roster: CSV (text/csv) `naam;e-mail`, all or nothing',
      description:
        'Header `naam;e-mail` or `name;email`, semicolons, UTF-8 with or without BOM. A missing name, a bad address or an ' +
        'address twice rejects the file with 422 import_rejected; `details` names every bad line (`line 3: e-mail`) and ' +
        'nobody is invited. Members already in the team are skipped; each other line gets an invitation mail.',
      params: schoolIdParamsSchema,
      body: z.string().min(1).describe('The roster, as text/csv'),
      response: { 200: rosterReportSchema, 422: errorBodySchema, ...errors },
    },
    handler: async (request) => invitations.importRoster(authOf(request).userId, request.params.schoolId, request.body),
  });

  api.get('/api/schools/:schoolId/invitations', {
    preHandler: requireAuth,
    schema: {
      operationId: 'listInvitations',
      tags,
      summary: 'Invitations not yet accepted and not expired, newest first',
      params: schoolIdParamsSchema,
      response: { 200: invitationListSchema, ...errors },
    },
    handler: async (request) => ({ items: await invitations.listInvitations(authOf(request).userId, request.params.schoolId) }),
  });

  api.delete('/api/schools/:schoolId/invitations/:invitationId', {
    preHandler: requireAuth,
    schema: {
      operationId: 'revokeInvitation',
      tags,
      summary: 'Withdraw an open invitation; its link stops working',
      params: invitationParamsSchema,
      response: { 204: z.undefined().describe('Withdrawn'), ...errors },
    },
    handler: async (request, reply) => {
      await invitations.revokeInvitation(authOf(request).userId, request.params.schoolId, request.params.invitationId);
      return reply.status(204).send();
    },
  });

  api.get('/api/invitations/:token', {
    schema: {
      operationId: 'getInvitation',
      tags,
      summary: 'What an invitation link is for: the school and the address invited (no login needed)',
      params: tokenParamsSchema,
      response: { 200: invitationSchema, 404: errorBodySchema, 410: errorBodySchema },
    },
    handler: async (request) => invitations.getInvitation(request.params.token),
  });

  api.post('/api/invitations/:token/accept', {
    preHandler: optionalAuthWithCsrf,
    schema: {
      operationId: 'acceptInvitation',
      tags,
      summary: 'Accept an invitation: join the school and be logged in',
      description:
        'Logged in: the current account joins. Otherwise a new account is made with `name` and `password`, or, when the ' +
        'address has an account, its `password` is checked. Sets the session cookie and returns the session, as login does. ' +
        'A used or expired invitation: 410 invitation_expired.',
      params: tokenParamsSchema,
      body: acceptInvitationBodySchema.nullish().describe('Leave out when logged in'),
      response: { 200: sessionResponseSchema, 410: errorBodySchema, ...errors },
    },
    handler: async (request, reply) => {
      const accepted = await invitations.acceptInvitation(request.params.token, request.body ?? {}, request.auth);
      if (accepted.sessionToken) {
        reply.setCookie(SESSION_COOKIE, accepted.sessionToken, { ...sessionCookieOptions(deps.secureCookies), maxAge: deps.sessionIdleHours * 3600 });
      }
      return { user: accepted.user, csrfToken: accepted.csrfToken };
    },
  });
}
