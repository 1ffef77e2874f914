import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../src/server/platform/http/auth-hooks';
import { errorOf, login, startTestApp, type TestApp } from '../support/test-app';
import { type SchoolWorld, schoolWorld, uniqueEmail } from './school-fixtures';

const STRONG = 'kastanjeboom-in-de-speelplaats';

describe('a join link for someone without an account', () => {
  let t: TestApp;
  let w: SchoolWorld;
  let code: string;
  beforeAll(async () => {
    t = await startTestApp();
    w = await schoolWorld(t);
    code = (await w.ictA.request({ method: 'GET', url: `/api/schools/${w.schoolA}/join-code` })).json().code;
  });
  afterAll(() => t.close());

  const join = (payload: Record<string, unknown>, joinCode = code) => t.app.inject({ method: 'POST', url: `/api/join/${joinCode}/account`, payload });

  describe('getJoinLink', () => {
    it('names the school to anyone with the code, and nothing else of it', async () => {
      const response = await t.app.inject({ method: 'GET', url: `/api/join/${code.toLowerCase().replace('-', '')}` });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({ schoolName: expect.stringMatching(/^VBS De Linde/), requireIdentityProvider: false });
    });

    it('does not know a code that is not there, whatever its shape', async () => {
      expect(errorOf(await t.app.inject({ method: 'GET', url: '/api/join/ZZZZ-ZZZZ' }))).toMatchObject({ status: 404, field: 'code' });
      expect(errorOf(await t.app.inject({ method: 'GET', url: '/api/join/x' }))).toMatchObject({ status: 404 });
      expect(errorOf(await t.app.inject({ method: 'GET', url: `/api/join/${'A'.repeat(41)}` }))).toMatchObject({ status: 400, field: 'params.code' });
    });
  });

  describe('joinSchoolWithNewAccount', () => {
    it('makes the account, joins the school as a teacher and logs in, in one step', async () => {
      const email = uniqueEmail('nieuwkomer');
      const response = await join({ name: 'Nora Nieuwkomer', email, password: STRONG, locale: 'en' });
      expect(response.statusCode).toBe(201);
      const session = response.json();
      expect(session.user).toMatchObject({ email, displayName: 'Nora Nieuwkomer', locale: 'en', memberships: [expect.objectContaining({ schoolId: w.schoolA, role: 'teacher' })] });
      const cookie = response.cookies.find((c) => c.name === SESSION_COOKIE);
      expect(cookie?.httpOnly).toBe(true);
      const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: `${SESSION_COOKIE}=${cookie?.value}` } });
      expect(me.json().user.email).toBe(email);
      // The new password logs in like any other.
      expect((await login(t.app, email, STRONG)).userId).toBe(session.user.id);
    });

    it('refuses a weak password and a missing name, and makes no account then', async () => {
      const email = uniqueEmail('zwak');
      expect(errorOf(await join({ name: 'Zwak', email, password: 'wachtwoord123' }))).toMatchObject({ status: 422, id: 'weak_password' });
      expect(errorOf(await join({ name: '', email, password: STRONG }))).toMatchObject({ status: 400, field: 'body.name' });
      expect(errorOf(await join({ name: 'Zwak', email: 'geen-adres', password: STRONG }))).toMatchObject({ status: 400, field: 'body.email' });
      expect(await t.app.services.auth.accountByEmail(email)).toBeUndefined();
    });

    it('sends an address with an account to the login, and leaves that account as it was', async () => {
      const response = await join({ name: 'Iemand Anders', email: w.teacherA.email, password: STRONG });
      expect(errorOf(response)).toMatchObject({ status: 409, id: 'conflict', field: 'body.email' });
      expect((await login(t.app, w.teacherA.email, w.teacherA.password)).userId).toBe(w.teacherA.userId);
    });

    it('does not know an unknown code, and admits only identity-provider accounts where the school asks that', async () => {
      expect(errorOf(await join({ name: 'X', email: uniqueEmail('x'), password: STRONG }, 'ZZZZ-ZZZZ'))).toMatchObject({ status: 404, field: 'code' });
      const otherCode = (await w.principalOther.request({ method: 'GET', url: `/api/schools/${w.other}/join-code` })).json().code;
      await t.app.db.kysely.updateTable('schools').set({ require_identity_provider: 1 }).where('id', '=', w.other).execute();
      expect((await t.app.inject({ method: 'GET', url: `/api/join/${otherCode}` })).json().requireIdentityProvider).toBe(true);
      const email = uniqueEmail('idp');
      expect(errorOf(await join({ name: 'Ida', email, password: STRONG }, otherCode))).toMatchObject({ status: 403, id: 'identity_provider_required' });
      expect(await t.app.services.auth.accountByEmail(email)).toBeUndefined();
    });
  });
});
