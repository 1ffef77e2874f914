import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, errorBodySchema } from '../../../shared/errors';
import { identityProviderSchema, oidcCallbackQuerySchema, oidcStartQuerySchema } from '../../../shared/platform/oidc';
import { SESSION_COOKIE } from '../http/auth-hooks';
import { sessionCookieOptions } from './auth.routes';
import { LOGIN_MINUTES, type OidcOutcome, type OidcService } from './oidc.service';

/** Holds the state of the login this browser started; sent only to the login routes. */
export const OIDC_STATE_COOKIE = 'ds_oidc';
export const OIDC_CALLBACK_PATH = '/api/auth/oidc/callback';

const tags = ['accounts'];
const redirect = z.undefined().describe('Redirect (Location header)');

/**
 * Logging in with the identity provider. Without one configured only `getIdentityProvider`
 * exists (saying so), and the login routes answer 404.
 */
export function oidcRoutes(
  app: FastifyInstance,
  deps: { oidc: OidcService | null; secureCookies: boolean; sessionIdleHours: number },
): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { oidc } = deps;
  const sessionCookie = sessionCookieOptions(deps.secureCookies);
  const stateCookie = { ...sessionCookie, path: '/api/auth/oidc' };

  api.get('/api/auth/identity-provider', {
    schema: {
      operationId: 'getIdentityProvider',
      tags,
      summary: 'Whether logging in with an identity provider is offered, and its name (no login needed)',
      response: { 200: identityProviderSchema },
    },
    handler: async () => oidc?.describe() ?? { enabled: false, name: null },
  });
  if (!oidc) return;

  api.get('/api/auth/oidc/start', {
    schema: {
      operationId: 'startOidcLogin',
      tags,
      summary: 'Go to the identity provider to log in (a browser navigation, not a fetch)',
      description:
        'Redirects to the provider (authorization code flow with PKCE, state and nonce) and sets a short-lived cookie ' +
        'with the state. With `invitation`, the login accepts that invitation. An unusable invitation or an unreachable ' +
        'provider redirects back to the invitation or login page with `?error=<id>`.',
      querystring: oidcStartQuerySchema,
      response: { 302: redirect, 400: errorBodySchema },
    },
    handler: async (request, reply) => {
      const outcome = await oidc.start(request.query);
      if (outcome.state) reply.setCookie(OIDC_STATE_COOKIE, outcome.state, { ...stateCookie, maxAge: LOGIN_MINUTES * 60 });
      return finish(request, reply, outcome);
    },
  });

  api.get(OIDC_CALLBACK_PATH, {
    schema: {
      operationId: 'finishOidcLogin',
      tags,
      summary: "The identity provider's answer: log in, and accept the invitation when the login was for one",
      description:
        'Register this URL (under APP_URL) at the provider. On success sets the session cookie, as login does (the web ' +
        'app then reads the CSRF token from getCurrentUser), and redirects to the page asked for, or to /scan after an ' +
        'invitation. On failure redirects to the login page, or the invitation, with `?error=<id>`: oidc_state_invalid, ' +
        'oidc_provider_error, oidc_no_account, invitation_expired.',
      querystring: oidcCallbackQuerySchema,
      response: { 302: redirect, 400: errorBodySchema },
    },
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
