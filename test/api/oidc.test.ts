import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configFromEnv } from '../../src/server/config';
import { errorOf, startTestApp, type TestApp } from '../support/test-app';
import { loginAtProvider, type ProviderPerson, startTestProvider, type TestProvider } from './oidc-fixtures';
import { invitationTokenFor, type SchoolWorld, schoolWorld, uniqueEmail } from './school-fixtures';

const APP_URL = 'http://digisprong.test';
const CALLBACK = `${APP_URL}/api/auth/oidc/callback`;

/** The value of a cookie the response sets, or undefined. */
const cookieOf = (response: LightMyRequestResponse, name: string) => response.cookies.find((c) => c.name === name && c.value !== '')?.value;

describe('logging in with an identity provider (OpenID Connect)', () => {
  let provider: TestProvider;
  let t: TestApp;
  let w: SchoolWorld;
  beforeAll(async () => {
    provider = await startTestProvider(CALLBACK);
    t = await startTestApp(
      {},
      {
        appUrl: APP_URL,
        oidc: { issuer: provider.issuer, clientId: provider.clientId, clientSecret: provider.clientSecret, name: 'Schoolnet' },
      },
    );
    w = await schoolWorld(t);
  });
  afterAll(async () => {
    await t.close();
    await provider.close();
  });

  /** The browser's first step: the app's start route, which answers with the redirect and the state cookie. */
  const start = (query = '') => t.app.inject({ method: 'GET', url: `/api/auth/oidc/start${query ? `?${query}` : ''}` });

  /** Start, log in at the provider as `person`, and return the provider's redirect back with the state cookie. */
  async function atProvider(person: ProviderPerson, query = '') {
    const started = await start(query);
    expect(started.statusCode, started.body).toBe(302);
    const state = cookieOf(started, 'ds_oidc');
    expect(state).toBeTruthy();
    const callbackUrl = await loginAtProvider(started.headers.location as string, person.sub, CALLBACK);
    return { callbackUrl, state: state! };
  }

  const callback = (url: URL, state?: string) => t.app.inject({ method: 'GET', url: `${url.pathname}${url.search}`, headers: state ? { cookie: `ds_oidc=${state}` } : {} });

  /** The whole round trip, as a browser makes it. */
  async function oidcLogin(person: ProviderPerson, query = '') {
    const { callbackUrl, state } = await atProvider(person, query);
    return callback(callbackUrl, state);
  }

  const me = (sessionToken: string) => t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: `ds_session=${sessionToken}` } });

  it('tells the web app that an identity provider is configured, and its name', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/auth/identity-provider' });
    expect(response.json()).toEqual({ enabled: true, name: 'Schoolnet' });
  });

  it('logs in an account with the address the provider verified, links it, and knows it by the link next time', async () => {
    const teacher = await t.user('teacher', { schoolId: w.schoolA });
    const person = provider.add({ email: teacher.email, emailVerified: true, name: 'Leraar Een' });

    const first = await oidcLogin(person, 'next=%2Fprofile');
    expect(first.statusCode).toBe(302);
    expect(first.headers.location).toBe('/profile');
    const session = cookieOf(first, 'ds_session');
    const cookie = first.cookies.find((c) => c.name === 'ds_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    const restored = await me(session!);
    expect(restored.json().user).toMatchObject({ id: teacher.userId, email: teacher.email });

    // The same CSRF flow as a password login: the token comes with getCurrentUser and guards every change.
    const { csrfToken } = restored.json();
    const headers = { cookie: `ds_session=${session}` };
    const changed = await t.app.inject({ method: 'PATCH', url: '/api/me', headers: { ...headers, 'x-csrf-token': csrfToken }, payload: { locale: 'en' } });
    expect(changed.statusCode).toBe(200);
    const forged = await t.app.inject({ method: 'PATCH', url: '/api/me', headers, payload: { locale: 'nl' } });
    expect(errorOf(forged)).toMatchObject({ status: 403, id: 'csrf_failed' });

    // The address at the provider changes and is no longer verified: the link still knows the person.
    person.email = uniqueEmail('elders');
    person.emailVerified = false;
    const again = await oidcLogin(person);
    expect(again.headers.location).toBe('/');
    expect((await me(cookieOf(again, 'ds_session')!)).json().user.id).toBe(teacher.userId);
  });

  it('sets a short-lived HttpOnly state cookie that only the login routes receive', async () => {
    const started = await start();
    expect(started.headers.location).toMatch(new RegExp(`^${provider.issuer}/auth\\?`));
    const location = new URL(started.headers.location as string);
    expect(Object.fromEntries(location.searchParams)).toMatchObject({
      client_id: provider.clientId,
      redirect_uri: CALLBACK,
      response_type: 'code',
      code_challenge_method: 'S256',
      scope: 'openid email profile',
    });
    expect(location.searchParams.get('state')).toBe(cookieOf(started, 'ds_oidc'));
    expect(location.searchParams.get('nonce')).toBeTruthy();
    expect(started.cookies.find((c) => c.name === 'ds_oidc')).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/api/auth/oidc', maxAge: 600 });
  });

  it('refuses an unknown person without an invitation, and makes no account', async () => {
    const person = provider.add({ email: uniqueEmail('onbekend'), emailVerified: true, name: 'Onbekende' });
    const response = await oidcLogin(person);
    expect(response.statusCode).toBe(302);
    expect(response.headers.location).toBe('/login?error=oidc_no_account');
    expect(cookieOf(response, 'ds_session')).toBeUndefined();
    expect(await t.app.services.auth.accountByEmail(person.email)).toBeUndefined();
  });

  it('does not find an account by an address the provider has not verified', async () => {
    const teacher = await t.user('teacher', { schoolId: w.schoolA });
    const person = provider.add({ email: teacher.email, emailVerified: false, name: 'Niet Geverifieerd' });
    const response = await oidcLogin(person);
    expect(response.headers.location).toBe('/login?error=oidc_no_account');
    expect(cookieOf(response, 'ds_session')).toBeUndefined();
  });

  describe('accepting an invitation', () => {
    const invite = async (email: string, role = 'teacher') => {
      const response = await w.principalA.request({ method: 'POST', url: `/api/schools/${w.schoolA}/members`, payload: { email, role } });
      expect(response.json().outcome).toBe('invited');
      return invitationTokenFor(t, email);
    };
    /** A roster invites everyone not yet in the team, also those who have an account already. */
    const inviteFromRoster = async (email: string) => {
      const csv = `naam;e-mail\r\nBestaand Account;${email}\r\n`;
      const response = await w.ictA.request({ method: 'POST', url: `/api/schools/${w.schoolA}/roster`, payload: csv, headers: { 'content-type': 'text/csv' } });
      expect(response.json().invited).toBe(1);
      return invitationTokenFor(t, email);
    };

    it('makes the account on a first login, accepts the invitation in the invited role and lands in the scan', async () => {
      const email = uniqueEmail('nieuw');
      const token = await invite(email);
      // The provider knows the teacher by another address, not verified: the invitation is what counts.
      const person = provider.add({ email: uniqueEmail('prive'), emailVerified: false, name: 'Nieuwe Collega' });

      const response = await oidcLogin(person, `invitation=${token}&locale=en`);
      expect(response.statusCode).toBe(302);
      expect(response.headers.location).toBe('/scan');
      const restored = (await me(cookieOf(response, 'ds_session')!)).json();
      expect(restored.user).toMatchObject({ email, displayName: 'Nieuwe Collega', locale: 'en', memberships: [{ schoolId: w.schoolA, role: 'teacher' }] });
      expect(errorOf(await t.app.inject({ method: 'GET', url: `/api/invitations/${token}` }))).toMatchObject({ status: 410, id: 'invitation_expired' });

      // The account has no password; the provider is how its owner logs in from now on.
      const password = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: 'any-password-at-all' } });
      expect(errorOf(password)).toMatchObject({ status: 401, id: 'invalid_credentials' });
      const later = await oidcLogin(person);
      expect(later.headers.location).toBe('/');
      expect((await me(cookieOf(later, 'ds_session')!)).json().user.email).toBe(email);
    });

    it('lets a linked account accept an invitation to its own address in another role; principals land on the start page', async () => {
      const teacher = await t.user('teacher', { schoolId: w.schoolB });
      const person = provider.add({ email: teacher.email, emailVerified: true, name: 'Leraar Twee' });
      expect((await oidcLogin(person)).headers.location).toBe('/');
      const token = await invite(teacher.email, 'principal');

      const response = await oidcLogin(person, `invitation=${token}`);
      expect(response.headers.location).toBe('/');
      const memberships = (await me(cookieOf(response, 'ds_session')!)).json().user.memberships;
      expect(memberships).toContainEqual({ schoolId: w.schoolA, schoolName: expect.any(String), role: 'principal' });
    });

    it('refuses a linked account an invitation sent to another address, and keeps the invitation open', async () => {
      const teacher = await t.user('teacher', { schoolId: w.schoolB });
      const person = provider.add({ email: teacher.email, emailVerified: true, name: 'Leraar Drie' });
      expect((await oidcLogin(person)).headers.location).toBe('/');
      const token = await invite(uniqueEmail('directie'), 'principal');

      const response = await oidcLogin(person, `invitation=${token}`);
      expect(response.headers.location).toBe(`/uitnodiging/${token}?error=invitation_other_address`);
      expect(cookieOf(response, 'ds_session')).toBeUndefined();
      expect(await t.app.services.schools.rolesIn(teacher.userId, w.schoolA)).toEqual([]);
      expect((await t.app.inject({ method: 'GET', url: `/api/invitations/${token}` })).statusCode).toBe(200);
    });

    it("refuses when the invited address has an account that is not this person's, and keeps the invitation open", async () => {
      const owner = await t.user('teacher', { schoolId: w.schoolB });
      const token = await inviteFromRoster(owner.email);
      const stranger = provider.add({ email: uniqueEmail('iemand'), emailVerified: true, name: 'Iemand Anders' });

      const response = await oidcLogin(stranger, `invitation=${token}`);
      expect(response.headers.location).toBe(`/uitnodiging/${token}?error=oidc_no_account`);
      expect(cookieOf(response, 'ds_session')).toBeUndefined();
      expect((await t.app.inject({ method: 'GET', url: `/api/invitations/${token}` })).statusCode).toBe(200);
      expect(await t.app.services.auth.accountByEmail(stranger.email)).toBeUndefined();
    });

    it('refuses an invitation that expired while the person was at the provider, and makes nothing', async () => {
      const email = uniqueEmail('laat');
      const token = await invite(email);
      const person = provider.add({ email, emailVerified: true, name: 'Te Laat' });
      const { callbackUrl, state } = await atProvider(person, `invitation=${token}`);
      await t.app.db.kysely.updateTable('invitations').set({ expires_at: '2020-01-01T00:00:00.000Z' }).where('email', '=', email).execute();

      const response = await callback(callbackUrl, state);
      expect(response.headers.location).toBe(`/uitnodiging/${token}?error=invitation_expired`);
      expect(cookieOf(response, 'ds_session')).toBeUndefined();
      expect(await t.app.services.auth.accountByEmail(email)).toBeUndefined();
    });

    it('sends an expired or unknown invitation back before the provider is asked', async () => {
      const email = uniqueEmail('verlopen');
      const token = await invite(email);
      await t.app.db.kysely.updateTable('invitations').set({ expires_at: '2020-01-01T00:00:00.000Z' }).where('email', '=', email).execute();
      const expired = await start(`invitation=${token}`);
      expect(expired.statusCode).toBe(302);
      expect(expired.headers.location).toBe(`/uitnodiging/${token}?error=invitation_expired`);
      expect(cookieOf(expired, 'ds_oidc')).toBeUndefined();

      const unknown = await start('invitation=no-such-invitation');
      expect(unknown.headers.location).toBe('/uitnodiging/no-such-invitation?error=not_found');
    });
  });

  describe('answers that do not belong to the login', () => {
    it("refuses a tampered state, an answer without this browser's state cookie, and a replay", async () => {
      const teacher = await t.user('teacher');
      const person = provider.add({ email: teacher.email, emailVerified: true, name: 'Leraar Drie' });

      const tampered = await atProvider(person);
      const changed = new URL(tampered.callbackUrl);
      changed.searchParams.set('state', `${tampered.state.slice(0, -2)}xx`);
      expect((await callback(changed, tampered.state)).headers.location).toBe('/login?error=oidc_state_invalid');
      expect((await callback(changed, changed.searchParams.get('state')!)).headers.location).toBe('/login?error=oidc_state_invalid');

      const otherBrowser = await atProvider(person);
      const withoutCookie = await callback(otherBrowser.callbackUrl);
      expect(withoutCookie.headers.location).toBe('/login?error=oidc_state_invalid');
      expect(cookieOf(withoutCookie, 'ds_session')).toBeUndefined();

      const once = await atProvider(person);
      expect(cookieOf(await callback(once.callbackUrl, once.state), 'ds_session')).toBeTruthy();
      const replay = await callback(once.callbackUrl, once.state);
      expect(replay.headers.location).toBe('/login?error=oidc_state_invalid');
      expect(cookieOf(replay, 'ds_session')).toBeUndefined();

      const noState = await t.app.inject({ method: 'GET', url: '/api/auth/oidc/callback?code=abc' });
      expect(noState.headers.location).toBe('/login?error=oidc_state_invalid');
    });

    it('refuses a login the provider turned down, and a forged code', async () => {
      const started = await start();
      const state = cookieOf(started, 'ds_oidc')!;
      const denied = new URL(CALLBACK);
      denied.search = new URLSearchParams({ error: 'access_denied', state, iss: provider.issuer }).toString();
      expect((await callback(denied, state)).headers.location).toBe('/login?error=oidc_provider_error');

      const again = await start();
      const forged = new URL(CALLBACK);
      const againState = cookieOf(again, 'ds_oidc')!;
      forged.search = new URLSearchParams({ code: 'forged-code', state: againState, iss: provider.issuer }).toString();
      const response = await callback(forged, againState);
      expect(response.statusCode).toBe(302);
      expect(response.headers.location).toBe('/login?error=oidc_provider_error');
      expect(cookieOf(response, 'ds_session')).toBeUndefined();
    });
  });

  describe('bad input', () => {
    it('refuses a return address outside the app and a malformed invitation token with the field at fault', async () => {
      expect(errorOf(await start('next=%2F%2Fevil.example'))).toEqual({ status: 400, id: 'validation_error', field: 'querystring.next' });
      expect(errorOf(await start('next=https%3A%2F%2Fevil.example'))).toMatchObject({ status: 400, field: 'querystring.next' });
      expect(errorOf(await start('invitation=%3Cscript%3E'))).toMatchObject({ status: 400, id: 'validation_error', field: 'querystring.invitation' });
      expect(errorOf(await start('locale=fr'))).toMatchObject({ status: 400, field: 'querystring.locale' });
      const longState = await t.app.inject({ method: 'GET', url: `/api/auth/oidc/callback?state=${'x'.repeat(600)}` });
      expect(errorOf(longState)).toMatchObject({ status: 400, id: 'validation_error', field: 'querystring.state' });
    });
  });
});

describe('without an identity provider', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('says so, and has no login routes', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/identity-provider' })).json()).toEqual({ enabled: false, name: null });
    expect(errorOf(await t.app.inject({ method: 'GET', url: '/api/auth/oidc/start' }))).toMatchObject({ status: 404, id: 'not_found' });
    expect(errorOf(await t.app.inject({ method: 'GET', url: '/api/auth/oidc/callback?state=x&code=y' }))).toMatchObject({ status: 404, id: 'not_found' });
  });
});

describe('with an identity provider that cannot be reached', () => {
  let t: TestApp;
  beforeAll(async () => {
    // A provider that was there and has gone: its port is closed now.
    const gone = await startTestProvider(CALLBACK);
    await gone.close();
    t = await startTestApp({}, { appUrl: APP_URL, oidc: { issuer: gone.issuer, clientId: gone.clientId, clientSecret: gone.clientSecret, name: undefined } });
  });
  afterAll(() => t.close());

  it('sends the browser back to the login page with oidc_provider_error, never a 500', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/identity-provider' })).json()).toEqual({ enabled: true, name: null });
    const response = await t.app.inject({ method: 'GET', url: '/api/auth/oidc/start?next=%2Fprofile' });
    expect(response.statusCode).toBe(302);
    expect(response.headers.location).toBe('/login?error=oidc_provider_error');
    expect(cookieOf(response, 'ds_oidc')).toBeUndefined();
  });
});

describe('configuration of the identity provider', () => {
  it('is off without settings, complete with all three, and refuses half a configuration', () => {
    expect(configFromEnv({}).oidc).toBeUndefined();
    expect(configFromEnv({ OIDC_ISSUER: 'https://login.example.be', OIDC_CLIENT_ID: 'ds', OIDC_CLIENT_SECRET: 's3cret' }).oidc).toEqual({
      issuer: 'https://login.example.be',
      clientId: 'ds',
      clientSecret: 's3cret',
      name: undefined,
    });
    expect(configFromEnv({ OIDC_ISSUER: 'https://login.example.be', OIDC_CLIENT_ID: 'ds', OIDC_CLIENT_SECRET: 's', OIDC_NAME: ' Smartschool ' }).oidc?.name).toBe('Smartschool');
    expect(() => configFromEnv({ OIDC_ISSUER: 'https://login.example.be' })).toThrow(/go together/);
    expect(() => configFromEnv({ OIDC_ISSUER: 'not a url', OIDC_CLIENT_ID: 'ds', OIDC_CLIENT_SECRET: 's' })).toThrow(/OIDC_ISSUER/);
  });
});
