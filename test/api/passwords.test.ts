import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, login, startTestApp, TEST_PASSWORD, type TestApp, type TestClient } from '../support/test-app';

const NEW_PASSWORD = 'Zonnebloem-trap-kaasboer-47';

describe('passwords: change, reset by mail', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const me = (client: TestClient) => client.request({ method: 'GET', url: '/api/auth/me' });
  const auditActions = async (userId: string) => (await t.app.db.kysely.selectFrom('audit_log').select('action').where('subject', '=', userId).execute()).map((row) => row.action);

  /** The token of the newest reset mail to the address, read from the outbox as an admin would. */
  async function resetTokenFor(email: string): Promise<string> {
    const mail = await t.app.db.kysely.selectFrom('outbox').select(['text_body', 'subject']).where('to_address', '=', email).orderBy('created_at', 'desc').executeTakeFirstOrThrow();
    const match = mail.text_body.match(/\/wachtwoord-herstellen\/([\w-]+)/);
    if (!match?.[1]) throw new Error(`no reset link in ${mail.text_body}`);
    return match[1];
  }

  describe('changePassword', () => {
    it('sets the new password, ends every other session, keeps this one, and is audit-logged', async () => {
      const here = await t.user('teacher');
      const elsewhere = await login(t.app, here.email, TEST_PASSWORD);
      const changed = await here.request({ method: 'POST', url: '/api/me/password', payload: { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD } });
      expect(changed.statusCode).toBe(204);
      expect((await me(here)).statusCode).toBe(200);
      expect(errorOf(await me(elsewhere))).toMatchObject({ status: 401, id: 'unauthenticated' });
      expect(errorOf(await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: here.email, password: TEST_PASSWORD } }))).toMatchObject({
        status: 401,
        id: 'invalid_credentials',
      });
      await login(t.app, here.email, NEW_PASSWORD);
      expect(await auditActions(here.userId)).toContain('password_changed');
    });

    it('refuses a wrong current password, and changes nothing', async () => {
      const teacher = await t.user('teacher');
      const wrong = await teacher.request({ method: 'POST', url: '/api/me/password', payload: { currentPassword: 'not-the-password', newPassword: NEW_PASSWORD } });
      expect(errorOf(wrong)).toEqual({ status: 401, id: 'invalid_credentials', field: 'body.currentPassword' });
      await login(t.app, teacher.email, TEST_PASSWORD);
    });

    it('refuses a weak new password with weak_password and the reason', async () => {
      const teacher = await t.user('teacher');
      const short = await teacher.request({ method: 'POST', url: '/api/me/password', payload: { currentPassword: TEST_PASSWORD, newPassword: 'Kort-1' } });
      expect(errorOf(short)).toEqual({ status: 422, id: 'weak_password', field: 'body.newPassword' });
      expect(short.json().error.message).toBe('body.newPassword: Choose a password of at least 12 characters.');
      const common = await teacher.request({ method: 'POST', url: '/api/me/password', payload: { currentPassword: TEST_PASSWORD, newPassword: 'wachtwoord123' } });
      expect(errorOf(common)).toMatchObject({ status: 422, id: 'weak_password' });
      expect(common.json().error.message).toMatch(/too easy to guess/);
      const ownAddress = await teacher.request({ method: 'POST', url: '/api/me/password', payload: { currentPassword: TEST_PASSWORD, newPassword: teacher.email } });
      expect(errorOf(ownAddress)).toMatchObject({ status: 422, id: 'weak_password' });
      await login(t.app, teacher.email, TEST_PASSWORD);
    });

    it('names the field of a malformed body', async () => {
      const teacher = await t.user('teacher');
      expect(errorOf(await teacher.request({ method: 'POST', url: '/api/me/password', payload: { newPassword: NEW_PASSWORD } }))).toMatchObject({
        status: 400,
        id: 'validation_error',
        field: 'body.currentPassword',
      });
      expect(errorOf(await teacher.request({ method: 'POST', url: '/api/me/password', payload: { currentPassword: TEST_PASSWORD, newPassword: 'x'.repeat(201) } }))).toMatchObject({
        status: 400,
        field: 'body.newPassword',
      });
    });

    it('needs a session and its CSRF token', async () => {
      const anonymous = await t.app.inject({ method: 'POST', url: '/api/me/password', payload: { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD } });
      expect(errorOf(anonymous)).toMatchObject({ status: 401, id: 'unauthenticated' });
      const teacher = await t.user('teacher');
      const noCsrf = await teacher.request({ method: 'POST', url: '/api/me/password', csrf: false, payload: { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD } });
      expect(errorOf(noCsrf)).toMatchObject({ status: 403, id: 'csrf_failed' });
    });
  });

  describe('requestPasswordReset and resetPassword', () => {
    const request = (email: string) => t.app.inject({ method: 'POST', url: '/api/auth/password-reset', payload: { email } });
    const reset = (token: string, newPassword: string) => t.app.inject({ method: 'POST', url: '/api/auth/password-reset/confirm', payload: { token, newPassword } });

    it('gives the same answer for a known and an unknown address, and mails only the known one', async () => {
      const teacher = await t.user('teacher');
      const known = await request(teacher.email.toUpperCase());
      const unknown = await request('niemand@school.test');
      expect(known.statusCode).toBe(202);
      expect(unknown.statusCode).toBe(known.statusCode);
      expect(unknown.body).toBe(known.body);
      expect(known.json()).toEqual({ status: 'requested' });
      const mails = await t.app.db.kysely.selectFrom('outbox').select('to_address').where('to_address', 'in', [teacher.email, 'niemand@school.test']).execute();
      expect(mails.map((m) => m.to_address)).toEqual([teacher.email]);
    });

    it('stores only the hash of the token', async () => {
      const teacher = await t.user('teacher');
      await request(teacher.email);
      const token = await resetTokenFor(teacher.email);
      const rows = await t.app.db.kysely.selectFrom('password_resets').select('token_hash').where('user_id', '=', teacher.userId).execute();
      expect(rows).toHaveLength(1);
      expect(rows[0]?.token_hash).not.toBe(token);
      expect(rows[0]?.token_hash).not.toContain(token);
    });

    it('sets the new password with the mailed link, ends every session, and the link works only once', async () => {
      const teacher = await t.user('teacher');
      await request(teacher.email);
      const token = await resetTokenFor(teacher.email);
      expect((await reset(token, NEW_PASSWORD)).statusCode).toBe(204);
      expect(errorOf(await me(teacher))).toMatchObject({ status: 401 });
      await login(t.app, teacher.email, NEW_PASSWORD);
      expect(errorOf(await reset(token, 'Nog-een-ander-wachtwoord-58'))).toEqual({ status: 410, id: 'password_reset_expired', field: 'body.token' });
      await login(t.app, teacher.email, NEW_PASSWORD);
      expect(await auditActions(teacher.userId)).toEqual(expect.arrayContaining(['password_reset_requested', 'password_reset']));
    });

    it('refuses a link older than an hour with a stable error id', async () => {
      const teacher = await t.user('teacher');
      await request(teacher.email);
      const token = await resetTokenFor(teacher.email);
      const anHourAgo = new Date(Date.now() - 1000).toISOString();
      await t.app.db.kysely.updateTable('password_resets').set({ expires_at: anHourAgo }).where('user_id', '=', teacher.userId).execute();
      expect(errorOf(await reset(token, NEW_PASSWORD))).toEqual({ status: 410, id: 'password_reset_expired', field: 'body.token' });
      await login(t.app, teacher.email, TEST_PASSWORD);
    });

    it('keeps only the newest link of an account working', async () => {
      const teacher = await t.user('teacher');
      await request(teacher.email);
      const first = await resetTokenFor(teacher.email);
      await new Promise((resolve) => setTimeout(resolve, 5));
      await request(teacher.email);
      const second = await resetTokenFor(teacher.email);
      expect(second).not.toBe(first);
      expect(errorOf(await reset(first, NEW_PASSWORD))).toMatchObject({ status: 410, id: 'password_reset_expired' });
      expect((await reset(second, NEW_PASSWORD)).statusCode).toBe(204);
    });

    it('refuses a weak password and keeps the link usable; a made-up token is refused like an expired one', async () => {
      const teacher = await t.user('teacher');
      await request(teacher.email);
      const token = await resetTokenFor(teacher.email);
      expect(errorOf(await reset(token, 'kort'))).toEqual({ status: 422, id: 'weak_password', field: 'body.newPassword' });
      expect(errorOf(await reset(token, teacher.email))).toMatchObject({ status: 422, id: 'weak_password' });
      expect((await reset(token, NEW_PASSWORD)).statusCode).toBe(204);
      expect(errorOf(await reset('made-up-token', NEW_PASSWORD))).toMatchObject({ status: 410, id: 'password_reset_expired' });
    });

    it('names the field of bad input', async () => {
      expect(errorOf(await request('not-an-address'))).toMatchObject({ status: 400, id: 'validation_error', field: 'body.email' });
      expect(errorOf(await t.app.inject({ method: 'POST', url: '/api/auth/password-reset/confirm', payload: { newPassword: NEW_PASSWORD } }))).toMatchObject({
        status: 400,
        field: 'body.token',
      });
    });

    it('mails the link in the language of the account', async () => {
      const email = 'english-reader@school.test';
      await t.app.services.auth.createAccount({ email, password: TEST_PASSWORD, role: 'teacher', locale: 'en', displayName: 'Sam' });
      await request(email);
      const mail = await t.app.db.kysely.selectFrom('outbox').select(['subject', 'text_body']).where('to_address', '=', email).executeTakeFirstOrThrow();
      expect(mail.subject).toBe('Choose a new password for Digisprong');
      expect(mail.text_body).toMatch(/^Hello Sam,/);
      expect(mail.text_body).toMatch(/http:\/\/[^/]+\/wachtwoord-herstellen\/[\w-]{40,}/);
    });
  });
});
