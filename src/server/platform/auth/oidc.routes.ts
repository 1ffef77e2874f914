import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../../shared/errors';
import { oidcEndpoints as endpoints } from '../../../shared/platform/endpoints';
import { SESSION_COOKIE } from '../http/auth-hooks';
import { route } from '../http/route';
import { sessionCookieOptions } from './auth.routes';
import { LOGIN_MINUTES, type OidcOutcome, type OidcService } from './oidc.service';

/** Holds the state of the login this browser started; sent only to the login routes. */
export const OIDC_STATE_COOKIE = 'ds_oidc';
export const OIDC_CALLBACK_PATH = endpoints.finishOidcLogin.path;

/**
 * Logging in with the identity provider. Without one configured only `getIdentityProvider`
 * exists (saying so), and the login routes answer 404.
 */
export function oidcRoutes(app: FastifyInstance, deps: { oidc: OidcService | null; secureCookies: boolean; sessionIdleHours: number }): void {
  const { oidc } = deps;
  const sessionCookie = sessionCookieOptions(deps.secureCookies);
  const stateCookie = { ...sessionCookie, path: '/api/auth/oidc' };

  route(app, endpoints.getIdentityProvider, {
    handler: async () => oidc?.describe() ?? { enabled: false, name: null },
  });
  if (!oidc) return;

  route(app, endpoints.startOidcLogin, {
    handler: async (request, reply) => {
      const outcome = await oidc.start(request.query);
      if (outcome.state) reply.setCookie(OIDC_STATE_COOKIE, outcome.state, { ...stateCookie, maxAge: LOGIN_MINUTES * 60 });
      return finish(request, reply, outcome);
    },
  });

  route(app, endpoints.finishOidcLogin, {
    handler: async (request, reply) => {
      // Every parameter as the provider sent it: the client checks them all (iss, state, code, error).
      const { searchParams } = new URL(request.url, 'http://callback.invalid');
      const outcome = await oidc.finish(searchParams, request.cookies[OIDC_STATE_COOKIE]);
      reply.clearCookie(OIDC_STATE_COOKIE, stateCookie);
      if (outcome.sessionToken) reply.setCookie(SESSION_COOKIE, outcome.sessionToken, { ...sessionCookie, maxAge: deps.sessionIdleHours * 3600 });
      return finish(request, reply, outcome);
    },
  });
}

/** Sends the browser on; a failure is logged (a fault, or the provider's refusal, as an error), never shown raw. */
function finish(request: FastifyRequest, reply: FastifyReply, outcome: OidcOutcome): FastifyReply {
  const { error } = outcome;
  if (error instanceof AppError && error.status < 500) request.log.info({ id: error.id, reason: error.message }, 'identity-provider login refused');
  else if (error) request.log.error({ err: error }, 'identity-provider login failed');
  return reply.redirect(outcome.landing, 302);
}
