import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, unauthenticated } from '../../../shared/errors';
import type { AuthContext, AuthService } from '../auth/auth.service';

export const SESSION_COOKIE = 'ds_session';
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyRequest {
    auth: AuthContext | null;
  }
}

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

const HEADERS_ONLY = Symbol('readsHeadersOnly');

/**
 * Marks a hook that reads only the request's headers and cookies, never its body: `route()` runs
 * it in `onRequest`, before the body is read, so a refused request costs no upload.
 */
function headersOnly<H extends (request: FastifyRequest, reply: FastifyReply) => Promise<void>>(hook: H): H {
  return Object.assign(hook, { [HEADERS_ONLY]: true });
}

/** Whether a hook was marked as reading only headers and cookies (see `headersOnly`). */
export function readsHeadersOnly(hook: unknown): boolean {
  return typeof hook === 'function' && (hook as unknown as Record<symbol, unknown>)[HEADERS_ONLY] === true;
}

/**
 * The hook of routes that need a logged-in user. It resolves the session cookie and, for
 * state-changing requests, demands the session's CSRF token in the `x-csrf-token` header. It runs
 * before the body is read (see `route()`), so an anonymous or forged request is refused with
 * 401/403 without reading its body.
 */
export function makeRequireAuth(auth: AuthService) {
  return headersOnly(async function requireAuth(request: FastifyRequest, _reply: FastifyReply): Promise<void> {
    const token = request.cookies[SESSION_COOKIE];
    const context = token ? await auth.authenticate(token) : null;
    if (!context) throw unauthenticated();
    if (!safeMethods.has(request.method) && request.headers[CSRF_HEADER] !== context.csrfToken) {
      throw new AppError('csrf_failed', 'Missing or wrong x-csrf-token header', `headers.${CSRF_HEADER}`);
    }
    request.auth = context;
  });
}

/**
 * The hook of routes that anyone may call but that say more to a logged-in user (e.g. their own
 * enrolment). A missing or stale cookie is simply anonymous, never an error.
 */
export function makeOptionalAuth(auth: AuthService) {
  return headersOnly(async function optionalAuth(request: FastifyRequest, _reply: FastifyReply): Promise<void> {
    const token = request.cookies[SESSION_COOKIE];
    request.auth = token ? await auth.authenticate(token) : null;
  });
}

export function registerAuthDecorator(app: FastifyInstance): void {
  app.decorateRequest('auth', null);
}

/** The caller of a route behind requireAuth. */
export function authOf(request: FastifyRequest): AuthContext {
  if (!request.auth) throw unauthenticated();
  return request.auth;
}
