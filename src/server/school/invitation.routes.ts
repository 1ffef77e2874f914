import type { FastifyInstance, FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import { AppError } from '../../shared/errors';
import { invitationEndpoints as endpoints } from '../../shared/school/endpoints';
import { sessionCookieOptions } from '../platform/auth/auth.routes';
import { authOf, CSRF_HEADER, SESSION_COOKIE } from '../platform/http/auth-hooks';
import { route } from '../platform/http/route';
import type { InvitationService } from './invitation.service';
import type { SchoolService } from './school.service';

export function invitationRoutes(
  app: FastifyInstance,
  deps: {
    invitations: InvitationService;
    schools: SchoolService;
    requireAuth: preHandlerAsyncHookHandler;
    optionalAuth: preHandlerAsyncHookHandler;
    secureCookies: boolean;
    sessionIdleHours: number;
  },
): void {
  const { invitations, requireAuth } = deps;

  /** Anonymous callers pass; a logged-in one must send the session's CSRF token, as on every state change. */
  async function optionalAuthWithCsrf(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    await deps.optionalAuth.call(app, request, reply);
    if (request.auth && request.headers[CSRF_HEADER] !== request.auth.csrfToken) {
      throw new AppError('csrf_failed', 'Missing or wrong x-csrf-token header', `headers.${CSRF_HEADER}`);
    }
  }

  route(app, endpoints.importRoster, {
    preHandler: requireAuth,
    handler: async (request) => invitations.importRoster(authOf(request).userId, request.params.schoolId, request.body),
  });

  route(app, endpoints.listInvitations, {
    preHandler: requireAuth,
    handler: async (request) => ({ items: await invitations.listInvitations(authOf(request).userId, request.params.schoolId) }),
  });

  route(app, endpoints.revokeInvitation, {
    preHandler: requireAuth,
    handler: async (request, reply) => {
      await invitations.revokeInvitation(authOf(request).userId, request.params.schoolId, request.params.invitationId);
      return reply.status(204).send();
    },
  });

  route(app, endpoints.getInvitation, {
    handler: async (request) => invitations.getInvitation(request.params.token),
  });

  route(app, endpoints.getJoinLink, {
    handler: async (request) => deps.schools.joinLink(request.params.code),
  });

  route(app, endpoints.joinSchoolWithNewAccount, {
    handler: async (request, reply) => {
      const { token, csrfToken, user } = await deps.schools.joinWithNewAccount(request.params.code, request.body);
      reply.setCookie(SESSION_COOKIE, token, { ...sessionCookieOptions(deps.secureCookies), maxAge: deps.sessionIdleHours * 3600 });
      return reply.status(201).send({ user, csrfToken });
    },
  });

  route(app, endpoints.acceptInvitation, {
    preHandler: optionalAuthWithCsrf,
    handler: async (request, reply) => {
      const accepted = await invitations.acceptInvitation(request.params.token, request.body ?? {}, request.auth);
      if (accepted.sessionToken) {
        reply.setCookie(SESSION_COOKIE, accepted.sessionToken, { ...sessionCookieOptions(deps.secureCookies), maxAge: deps.sessionIdleHours * 3600 });
      }
      return { user: accepted.user, csrfToken: accepted.csrfToken };
    },
  });
}
