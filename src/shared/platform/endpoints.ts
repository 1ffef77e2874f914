import { defineEndpoints } from './endpoint';

/** Logging in and out, and your account. */
export const authEndpoints = defineEndpoints(
  () => import('./api'),
  { tags: ['accounts'] },
  {
    login: {
      method: 'POST',
      path: '/api/auth/login',
      summary: 'Log in with email and password',
      description: 'Sets the HttpOnly session cookie and returns the CSRF token for later state-changing requests.',
      body: 'loginBodySchema',
      response: { 200: 'sessionResponseSchema' },
      errors: [400, 401, 403],
      rateLimit: 'login',
    },
    getCurrentUser: {
      method: 'GET',
      path: '/api/auth/me',
      summary: 'The logged-in user and the CSRF token of this session',
      response: { 200: 'sessionResponseSchema' },
      errors: [401],
    },
    updateMe: {
      method: 'PATCH',
      path: '/api/me',
      summary: 'Change your display name or interface language',
      body: 'updateMeBodySchema',
      response: { 200: 'currentUserSchema' },
      errors: [400, 401, 403],
    },
    logout: {
      method: 'POST',
      path: '/api/auth/logout',
      summary: 'End this session',
      noContent: 'Logged out',
      errors: [400, 401, 403],
    },
    logoutEverywhere: {
      method: 'POST',
      path: '/api/auth/logout-all',
      summary: 'End every session of this account, on every device',
      noContent: 'Logged out',
      errors: [400, 401, 403],
    },
  },
);

/** Logging in with the identity provider; without one configured only `getIdentityProvider` is registered. */
export const oidcEndpoints = defineEndpoints(
  () => import('./oidc'),
  { tags: ['accounts'] },
  {
    getIdentityProvider: {
      method: 'GET',
      path: '/api/auth/identity-provider',
      summary: 'Whether logging in with an identity provider is offered, and its name (no login needed)',
      response: { 200: 'identityProviderSchema' },
    },
    startOidcLogin: {
      method: 'GET',
      path: '/api/auth/oidc/start',
      summary: 'Go to the identity provider to log in (a browser navigation, not a fetch)',
      description:
        'Redirects to the provider (authorization code flow with PKCE, state and nonce) and sets a short-lived cookie ' +
        'with the state. With `invitation`, the login accepts that invitation. An unusable invitation or an unreachable ' +
        'provider redirects back to the invitation or login page with `?error=<id>`.',
      query: 'oidcStartQuerySchema',
      redirect: 'Redirect (Location header)',
      errors: [400],
    },
    finishOidcLogin: {
      method: 'GET',
      path: '/api/auth/oidc/callback',
      summary: "The identity provider's answer: log in, and accept the invitation when the login was for one",
      description:
        'Register this URL (under APP_URL) at the provider. On success sets the session cookie, as login does (the web ' +
        'app then reads the CSRF token from getCurrentUser), and redirects to the page asked for, or to /scan after an ' +
        'invitation. On failure redirects to the login page, or the invitation, with `?error=<id>`: oidc_state_invalid, ' +
        'oidc_provider_error, oidc_no_account, invitation_expired.',
      query: 'oidcCallbackQuerySchema',
      redirect: 'Redirect (Location header)',
      errors: [400],
    },
  },
);

/** The platform's own administration. */
export const mailEndpoints = defineEndpoints(
  () => import('./mail'),
  { tags: ['platform'] },
  {
    listOutbox: {
      method: 'GET',
      path: '/api/admin/outbox',
      summary: 'The newest mails the platform sent or keeps (admins only)',
      description: 'Without SMTP_URL every mail stays here as `queued`; with it, each is `sent` or `failed` (with the reason).',
      query: 'outboxQuerySchema',
      response: { 200: 'outboxListSchema' },
      errors: [400, 401, 403],
    },
  },
);
