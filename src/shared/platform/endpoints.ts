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
    getSession: {
      method: 'GET',
      path: '/api/session',
      summary: 'Who is logged in on this device, if anyone',
      description:
        'What the web app asks on start: the user and the CSRF token of this session, or `{ user: null, csrfToken: null }` ' +
        'without one. Having no session is a normal answer here, not a 401 that a browser logs as an error; ' +
        '`getCurrentUser` still answers 401 for API clients that rely on it.',
      response: { 200: 'sessionStateSchema' },
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
    changePassword: {
      method: 'POST',
      path: '/api/me/password',
      summary: 'Change your password: give the current one and a new one',
      description:
        'The new password needs at least 12 characters and must be hard to guess (a zxcvbn strength score of 3 or more, ' +
        'with the common and Dutch dictionaries and your own address and name as words tried first); otherwise ' +
        '`weak_password` with the reason. A wrong current password answers `invalid_credentials` on `body.currentPassword`. ' +
        'Every other session of the account ends; this one stays.',
      body: 'changePasswordBodySchema',
      noContent: 'Password changed',
      errors: [400, 401, 403, 422],
      rateLimit: 'passwordChange',
    },
    requestPasswordReset: {
      method: 'POST',
      path: '/api/auth/password-reset',
      summary: 'Mail a link to choose a new password (no login needed)',
      description:
        'Answers 202 whether or not an account has this address, so the answer tells nothing. When one has, it gets a ' +
        'mail with a link to `/wachtwoord-herstellen/<token>` that works once, for one hour; a newer request replaces it.',
      body: 'requestPasswordResetBodySchema',
      response: { 202: 'passwordResetRequestedSchema' },
      errors: [400],
      rateLimit: 'passwordReset',
    },
    exportMyData: {
      method: 'GET',
      path: '/api/me/export',
      summary: 'Download everything the platform keeps about you, as JSON or as a ZIP of CSV files',
      description:
        'The account, memberships, invitations, scans with their answers, the profile, enrolments, bookmarks, trainings ' +
        'followed, reflection rounds taken part in, sessions and their last use, and what you did as the audit log keeps it; ' +
        'each module adds its part. Never a secret: no password hash and no token.',
      query: 'exportQuerySchema',
      files: ['json', 'zip'],
      errors: [400, 401, 403],
    },
    resetPassword: {
      method: 'POST',
      path: '/api/auth/password-reset/confirm',
      summary: 'Set a new password with the token of a reset link (no login needed)',
      description:
        'Ends every session of the account; log in with the new password afterwards. A link that is unknown, used or ' +
        'older than an hour answers `password_reset_expired`; a weak password `weak_password` (the link stays usable).',
      body: 'resetPasswordBodySchema',
      noContent: 'Password set',
      errors: [400, 410, 422],
      rateLimit: 'passwordResetConfirm',
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
