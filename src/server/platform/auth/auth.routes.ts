import type { FastifyInstance, preHandlerAsyncHookHandler } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBodySchema } from '../../../shared/errors';
import {
  currentUserSchema,
  loginBodySchema,
  sessionResponseSchema,
  updateMeBodySchema,
} from '../../../shared/platform/api';
import { SESSION_COOKIE, authOf } from '../http/auth-hooks';
import type { AuthService } from './auth.service';

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

const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema };

export function authRoutes(
  app: FastifyInstance,
  deps: { auth: AuthService; requireAuth: preHandlerAsyncHookHandler; secureCookies: boolean; sessionIdleHours: number },
): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { auth, requireAuth } = deps;
  const cookieOptions = sessionCookieOptions(deps.secureCookies);

  api.post('/api/auth/login', {
    schema: {
      operationId: 'login',
      tags: ['accounts'],
      summary: 'Log in with email and password',
      description: 'Sets the HttpOnly session cookie and returns the CSRF token for later state-changing requests.',
      body: loginBodySchema,
      response: { 200: sessionResponseSchema, ...errors },
    },
    handler: async (request, reply) => {
      const { token, csrfToken, user } = await auth.login(request.body.email, request.body.password);
      reply.setCookie(SESSION_COOKIE, token, { ...cookieOptions, maxAge: deps.sessionIdleHours * 3600 });
      return { user, csrfToken };
    },
  });

  api.get('/api/auth/me', {
    preHandler: requireAuth,
    schema: {
      operationId: 'getCurrentUser',
      tags: ['accounts'],
      summary: 'The logged-in user and the CSRF token of this session',
      response: { 200: sessionResponseSchema, 401: errorBodySchema },
    },
    handler: async (request) => {
      const context = authOf(request);
      return { user: await auth.currentUser(context.userId), csrfToken: context.csrfToken };
    },
  });

  api.patch('/api/me', {
    preHandler: requireAuth,
    schema: {
      operationId: 'updateMe',
      tags: ['accounts'],
      summary: 'Change your display name or interface language',
      body: updateMeBodySchema,
      response: { 200: currentUserSchema, ...errors },
    },
    handler: async (request) => auth.updateMe(authOf(request).userId, request.body),
  });

  api.post('/api/auth/logout', {
    preHandler: requireAuth,
    schema: {
      operationId: 'logout',
      tags: ['accounts'],
      summary: 'End this session',
      response: { 204: z.undefined().describe('Logged out'), ...errors },
    },
    handler: async (request, reply) => {
      await auth.logout(authOf(request));
      reply.clearCookie(SESSION_COOKIE, cookieOptions);
      return reply.status(204).send();
    },
  });

  api.post('/api/auth/logout-all', {
    preHandler: requireAuth,
    schema: {
      operationId: 'logoutEverywhere',
      tags: ['accounts'],
      summary: 'End every session of this account, on every device',
      response: { 204: z.undefined().describe('Logged out'), ...errors },
    },
    handler: async (request, reply) => {
      await auth.logoutEverywhere(authOf(request));
      reply.clearCookie(SESSION_COOKIE, cookieOptions);
      return reply.status(204).send();
    },
  });
}
