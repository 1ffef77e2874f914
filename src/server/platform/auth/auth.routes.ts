import type { FastifyInstance, preHandlerAsyncHookHandler } from 'fastify';
import { authEndpoints as endpoints } from '../../../shared/platform/endpoints';
import { authOf, makeOptionalAuth, SESSION_COOKIE } from '../http/auth-hooks';
import { route } from '../http/route';
import type { AuthService } from './auth.service';
import type { PasswordService } from './password.service';

/** How the session cookie is set: by login, and by accepting an invitation. */
export function sessionCookieOptions(secureCookies: boolean) {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    // Secure whenever the request came over https (directly or via a proxy's x-forwarded-proto).
    secure: secureCookies ? true : ('auto' as const),
  };
}

export function authRoutes(
  app: FastifyInstance,
  deps: { auth: AuthService; passwords: PasswordService; requireAuth: preHandlerAsyncHookHandler; secureCookies: boolean; sessionIdleHours: number },
): void {
  const { auth, passwords, requireAuth } = deps;
  const cookieOptions = sessionCookieOptions(deps.secureCookies);

  route(app, endpoints.login, {
    handler: async (request, reply) => {
      const { token, csrfToken, user } = await auth.login(request.body.email, request.body.password);
      reply.setCookie(SESSION_COOKIE, token, { ...cookieOptions, maxAge: deps.sessionIdleHours * 3600 });
      return { user, csrfToken };
    },
  });

  route(app, endpoints.getCurrentUser, {
    preHandler: requireAuth,
    handler: async (request) => {
      const context = authOf(request);
      return { user: await auth.currentUser(context.userId), csrfToken: context.csrfToken };
    },
  });

  route(app, endpoints.getSession, {
    preHandler: makeOptionalAuth(auth),
    handler: async (request) => {
      const context = request.auth;
      return context ? { user: await auth.currentUser(context.userId), csrfToken: context.csrfToken } : { user: null, csrfToken: null };
    },
  });

  route(app, endpoints.updateMe, {
    preHandler: requireAuth,
    handler: async (request) => auth.updateMe(authOf(request).userId, request.body),
  });

  route(app, endpoints.logout, {
    preHandler: requireAuth,
    handler: async (request, reply) => {
      await auth.logout(authOf(request));
      reply.clearCookie(SESSION_COOKIE, cookieOptions);
      return reply.status(204).send();
    },
  });

  route(app, endpoints.logoutEverywhere, {
    preHandler: requireAuth,
    handler: async (request, reply) => {
      await auth.logoutEverywhere(authOf(request));
      reply.clearCookie(SESSION_COOKIE, cookieOptions);
      return reply.status(204).send();
    },
  });

  route(app, endpoints.changePassword, {
    preHandler: requireAuth,
    handler: async (request, reply) => {
      await passwords.changePassword(authOf(request), request.body.currentPassword, request.body.newPassword);
      return reply.status(204).send();
    },
  });

  route(app, endpoints.requestPasswordReset, {
    handler: async (request, reply) => {
      await passwords.requestReset(request.body.email);
      return reply.status(202).send({ status: 'requested' as const });
    },
  });

  route(app, endpoints.resetPassword, {
    handler: async (request, reply) => {
      await passwords.resetPassword(request.body.token, request.body.newPassword);
      return reply.status(204).send();
    },
  });
}
