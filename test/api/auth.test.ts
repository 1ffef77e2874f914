import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256 } from '../../src/server/platform/ids';
import { errorOf, login, startTestApp, TEST_PASSWORD, type TestApp, type TestClient } from '../support/test-app';

describe('accounts and sessions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  describe('login', () => {
    it('logs in with email and password, sets an HttpOnly SameSite=Lax cookie and returns a CSRF token', async () => {
      const teacher = await t.user('teacher');
      const response = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: teacher.email.toUpperCase(), password: TEST_PASSWORD } });
      expect(response.statusCode).toBe(200);
      const cookie = response.cookies.find((c) => c.name === 'ds_session');
      expect(cookie?.httpOnly).toBe(true);
      expect(cookie?.sameSite).toBe('Lax');
      expect(cookie?.path).toBe('/');
      const body = response.json();
      expect(body.csrfToken).toMatch(/^[\w-]{40,}$/);
      expect(body.user).toMatchObject({ email: teacher.email, locale: 'nl', globalRoles: ['teacher'] });
    });

    it('marks the cookie Secure behind https', async () => {
      const teacher = await t.user('teacher');
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { 'x-forwarded-proto': 'https' },
        payload: { email: teacher.email, password: TEST_PASSWORD },
      });
      expect(response.cookies.find((c) => c.name === 'ds_session')?.secure).toBe(true);
    });

    it('refuses a wrong password and an unknown account with the same error', async () => {
      const teacher = await t.user('teacher');
      const wrong = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: teacher.email, password: 'not-the-password' } });
      const unknown = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'nobody@school.test', password: 'whatever-it-is' } });
      expect(errorOf(wrong)).toEqual({ status: 401, id: 'invalid_credentials', field: undefined });
      expect(errorOf(unknown)).toEqual(errorOf(wrong));
    });

    it('names the field at fault for a malformed body', async () => {
      const badEmail = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'not-an-email', password: 'x' } });
      expect(errorOf(badEmail)).toMatchObject({ status: 400, id: 'validation_error', field: 'body.email' });
      const notJson = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"email":' });
      expect(errorOf(notJson)).toMatchObject({ status: 400, id: 'validation_error', field: 'body' });
    });
  });

  describe('getCurrentUser', () => {
    it('returns the user and the session CSRF token', async () => {
      const teacher = await t.user('teacher');
      const response = await teacher.request({ method: 'GET', url: '/api/auth/me' });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({ user: { id: teacher.userId }, csrfToken: teacher.csrfToken });
    });

    it('answers 401 unauthenticated without a session or with a forged one', async () => {
      expect(errorOf(await t.app.inject({ method: 'GET', url: '/api/auth/me' }))).toMatchObject({ status: 401, id: 'unauthenticated' });
      const forged = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: 'ds_session=forged-token' } });
      expect(errorOf(forged)).toMatchObject({ status: 401, id: 'unauthenticated' });
    });
  });

  describe('CSRF', () => {
    it("refuses a state-changing request without the token, or with another session's token", async () => {
      const teacher = await t.user('teacher');
      const other = await t.user('teacher');
      const without = await teacher.request({ method: 'POST', url: '/api/scans', csrf: false });
      expect(errorOf(without)).toMatchObject({ status: 403, id: 'csrf_failed', field: 'headers.x-csrf-token' });
      const foreign = await teacher.request({ method: 'POST', url: '/api/scans', csrf: false, headers: { 'x-csrf-token': other.csrfToken } });
      expect(errorOf(foreign)).toMatchObject({ status: 403, id: 'csrf_failed' });
    });
  });

  describe('updateMe', () => {
    it('stores the interface language', async () => {
      const teacher = await t.user('teacher');
      const response = await teacher.request({ method: 'PATCH', url: '/api/me', payload: { locale: 'en' } });
      expect(response.statusCode).toBe(200);
      expect(response.json().locale).toBe('en');
      const bad = await teacher.request({ method: 'PATCH', url: '/api/me', payload: { locale: 'fr' } });
      expect(errorOf(bad)).toMatchObject({ status: 400, id: 'validation_error', field: 'body.locale' });
      expect(errorOf(await t.app.inject({ method: 'PATCH', url: '/api/me', payload: { locale: 'en' } }))).toMatchObject({ status: 401 });
    });
  });

  describe('logout', () => {
    it('ends this session only', async () => {
      const teacher = await t.user('teacher');
      const second = await login(t.app, teacher.email, TEST_PASSWORD);
      const response = await teacher.request({ method: 'POST', url: '/api/auth/logout' });
      expect(response.statusCode).toBe(204);
      expect((await teacher.request({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
      expect((await second.request({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);
    });

    it('logs out everywhere', async () => {
      const teacher = await t.user('teacher');
      const second = await login(t.app, teacher.email, TEST_PASSWORD);
      expect((await teacher.request({ method: 'POST', url: '/api/auth/logout-all' })).statusCode).toBe(204);
      expect((await second.request({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    });

    it('needs a session and the CSRF token', async () => {
      expect(errorOf(await t.app.inject({ method: 'POST', url: '/api/auth/logout' }))).toMatchObject({ status: 401, id: 'unauthenticated' });
      const teacher = await t.user('teacher');
      expect(errorOf(await teacher.request({ method: 'POST', url: '/api/auth/logout', csrf: false }))).toMatchObject({ status: 403, id: 'csrf_failed' });
    });
  });

  describe('sessions read a moment ago (kept in memory a few seconds)', () => {
    const me = (client: TestClient) => client.request({ method: 'GET', url: '/api/auth/me' });
    const sessionIdOf = (client: TestClient) => sha256(client.cookie.slice('ds_session='.length));
    const expiresAtOf = async (client: TestClient) =>
      (await t.app.db.kysely.selectFrom('sessions').select('expires_at').where('id', '=', sessionIdOf(client)).executeTakeFirst())?.expires_at;

    it('refuses a session at once on the next request after logout or logout everywhere, though it was just served', async () => {
      const teacher = await t.user('teacher');
      const second = await login(t.app, teacher.email, TEST_PASSWORD);
      const third = await login(t.app, teacher.email, TEST_PASSWORD);
      for (const client of [teacher, second, third]) expect((await me(client)).statusCode).toBe(200);
      expect((await second.request({ method: 'POST', url: '/api/auth/logout' })).statusCode).toBe(204);
      expect(errorOf(await me(second))).toMatchObject({ status: 401, id: 'unauthenticated' });
      expect((await me(teacher)).statusCode).toBe(200);
      expect((await teacher.request({ method: 'POST', url: '/api/auth/logout-all' })).statusCode).toBe(204);
      expect(errorOf(await me(teacher))).toMatchObject({ status: 401, id: 'unauthenticated' });
      expect(errorOf(await me(third))).toMatchObject({ status: 401, id: 'unauthenticated' });
    });

    it('refuses the other sessions at once after a password change, and every session after a reset', async () => {
      const here = await t.user('teacher');
      const elsewhere = await login(t.app, here.email, TEST_PASSWORD);
      expect((await me(elsewhere)).statusCode).toBe(200);
      const changed = await here.request({ method: 'POST', url: '/api/me/password', payload: { currentPassword: TEST_PASSWORD, newPassword: 'Zonnebloem-trap-kaasboer-47' } });
      expect(changed.statusCode).toBe(204);
      expect(errorOf(await me(elsewhere))).toMatchObject({ status: 401, id: 'unauthenticated' });
      expect((await me(here)).statusCode).toBe(200);
      await t.app.services.passwords.adminReset(here.email, 'Rode-kraan-fluit-zacht-31');
      expect(errorOf(await me(here))).toMatchObject({ status: 401, id: 'unauthenticated' });
    });

    it('ends an expired session and slides an expiry that is due, as without the cache', async () => {
      const teacher = await t.user('teacher');
      const expired = await login(t.app, teacher.email, TEST_PASSWORD);
      await t.app.db.kysely
        .updateTable('sessions')
        .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
        .where('id', '=', sessionIdOf(expired))
        .execute();
      expect(errorOf(await me(expired))).toMatchObject({ status: 401, id: 'unauthenticated' });
      expect(await expiresAtOf(expired)).toBeUndefined();

      const due = await login(t.app, teacher.email, TEST_PASSWORD);
      const inADay = new Date(Date.now() + 24 * 3600_000).toISOString();
      await t.app.db.kysely.updateTable('sessions').set({ expires_at: inADay }).where('id', '=', sessionIdOf(due)).execute();
      expect((await me(due)).statusCode).toBe(200);
      const slid = Date.parse((await expiresAtOf(due))!);
      expect(slid).toBeGreaterThan(Date.now() + 335 * 3600_000);
      expect((await me(due)).statusCode).toBe(200);
      expect(Date.parse((await expiresAtOf(due))!)).toBe(slid);
    });
  });

  describe('getHealth and the API document', () => {
    it('reports the database in use', async () => {
      const response = await t.app.inject({ method: 'GET', url: '/api/health' });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({ status: 'ok', database: t.dialect });
    });

    it('serves an OpenAPI 3.1 document with every operation id', async () => {
      const document = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
      expect(document.openapi).toBe('3.1.0');
      const operationIds = Object.values(document.paths as Record<string, Record<string, { operationId?: string }>>).flatMap((path) =>
        Object.values(path).map((operation) => operation.operationId),
      );
      for (const id of ['login', 'logout', 'getHealth', 'getCurrentFramework', 'startScan', 'answerScanItem', 'submitScan', 'getScan', 'getMyProfile', 'listMyScans', 'exportMyData']) {
        expect(operationIds).toContain(id);
      }
      expect(operationIds.every((id) => typeof id === 'string')).toBe(true);
      const docs = await t.app.inject({ method: 'GET', url: '/api/docs/' });
      expect(docs.statusCode).toBe(200);
      expect(docs.headers['content-type']).toContain('text/html');
    });

    it('answers an unknown API path with not_found', async () => {
      expect(errorOf(await t.app.inject({ method: 'GET', url: '/api/nothing-here' }))).toMatchObject({ status: 404, id: 'not_found' });
    });
  });
});
