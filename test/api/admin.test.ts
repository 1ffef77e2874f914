import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, login, startTestApp, type TestApp, type TestClient } from '../support/test-app';
import { type SchoolWorld, schoolWorld } from './school-fixtures';

describe("the administrator's accounts, schools and audit log", () => {
  let t: TestApp;
  let w: SchoolWorld;
  let admin: TestClient;
  beforeAll(async () => {
    t = await startTestApp();
    w = await schoolWorld(t);
    admin = await t.user('admin');
  });
  afterAll(() => t.close());

  const accounts = async (query: string) => (await admin.request({ method: 'GET', url: `/api/admin/accounts${query}` })).json();

  describe('listAccounts', () => {
    it('finds accounts by part of the address, with their roles in schools and platform-wide', async () => {
      const found = await accounts(`?q=${encodeURIComponent(w.teacherA.email.slice(0, 12).toUpperCase())}`);
      expect(found.total).toBe(1);
      expect(found.items[0]).toMatchObject({
        id: w.teacherA.userId,
        email: w.teacherA.email,
        blockedAt: null,
        platformRoles: [],
        memberships: [expect.objectContaining({ schoolId: w.schoolA, role: 'teacher' })],
      });
      const admins = await accounts('?role=admin');
      expect(admins.items.map((a: { id: string }) => a.id)).toContain(admin.userId);
      expect(admins.items.every((a: { platformRoles: string[] }) => a.platformRoles.includes('admin'))).toBe(true);
      expect((await accounts('?q=%25_')).total).toBe(0);
      const page = await accounts('?limit=2&offset=1');
      expect(page.items).toHaveLength(2);
      expect(page.total).toBeGreaterThanOrEqual(6);
    });

    it('refuses bad input, every other role and no session', async () => {
      expect(errorOf(await admin.request({ method: 'GET', url: '/api/admin/accounts?role=teacher' }))).toMatchObject({ status: 400, field: 'querystring.role' });
      expect(errorOf(await admin.request({ method: 'GET', url: '/api/admin/accounts?limit=0' }))).toMatchObject({ status: 400, field: 'querystring.limit' });
      for (const client of [w.teacherA, w.principalA, w.boardAdmin, await t.user('centre_analyst'), await t.user('provider')]) {
        expect(errorOf(await client.request({ method: 'GET', url: '/api/admin/accounts' }))).toMatchObject({ status: 403, id: 'forbidden' });
      }
      expect(errorOf(await t.app.inject({ method: 'GET', url: '/api/admin/accounts' }))).toMatchObject({ status: 401 });
    });
  });

  describe('blockAccount and unblockAccount', () => {
    it('ends every session of a blocked account and refuses its logins, until it is unblocked', async () => {
      const teacher = await t.user('teacher');
      const blocked = await admin.request({ method: 'POST', url: `/api/admin/accounts/${teacher.userId}/block` });
      expect(blocked.statusCode).toBe(200);
      expect(blocked.json().blockedAt).toEqual(expect.any(String));
      expect(errorOf(await teacher.request({ method: 'GET', url: '/api/auth/me' }))).toMatchObject({ status: 401 });
      const refused = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: teacher.email, password: teacher.password } });
      expect(errorOf(refused)).toMatchObject({ status: 403, id: 'forbidden' });
      // A wrong password says nothing of the block.
      expect(errorOf(await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: teacher.email, password: 'wrong-password' } }))).toMatchObject({ status: 401 });
      expect((await admin.request({ method: 'POST', url: `/api/admin/accounts/${teacher.userId}/unblock` })).json().blockedAt).toBeNull();
      expect((await login(t.app, teacher.email, teacher.password)).userId).toBe(teacher.userId);
    });

    it("keeps one's own account open, and does not know an unknown one", async () => {
      expect(errorOf(await admin.request({ method: 'POST', url: `/api/admin/accounts/${admin.userId}/block` }))).toMatchObject({ status: 409, field: 'accountId' });
      expect(errorOf(await admin.request({ method: 'POST', url: '/api/admin/accounts/nobody/block' }))).toMatchObject({ status: 404 });
      expect(errorOf(await w.principalA.request({ method: 'POST', url: `/api/admin/accounts/${w.teacherA.userId}/block` }))).toMatchObject({ status: 403 });
      expect(errorOf(await admin.request({ method: 'POST', url: `/api/admin/accounts/${w.teacherA.userId}/block`, csrf: false }))).toMatchObject({ status: 403, id: 'csrf_failed' });
    });
  });

  describe('sendPasswordResetLink', () => {
    it('mails the account a reset link, as asking for one does', async () => {
      const response = await admin.request({ method: 'POST', url: `/api/admin/accounts/${w.ictA.userId}/password-reset` });
      expect(response.statusCode).toBe(204);
      const outbox = (await admin.request({ method: 'GET', url: `/api/admin/outbox?to=${encodeURIComponent(w.ictA.email)}` })).json();
      expect(outbox.items[0].text).toMatch(/\/wachtwoord-herstellen\//);
      expect(errorOf(await w.ictA.request({ method: 'POST', url: `/api/admin/accounts/${w.ictA.userId}/password-reset` }))).toMatchObject({ status: 403 });
      expect(errorOf(await admin.request({ method: 'POST', url: '/api/admin/accounts/nobody/password-reset' }))).toMatchObject({ status: 404 });
    });
  });

  describe('listAuditLog', () => {
    it('pages the log newest first, filtered by actor, action and days', async () => {
      const log = async (query: string) => (await admin.request({ method: 'GET', url: `/api/admin/audit-log${query}` })).json();
      const byAdmin = await log(`?actor=${encodeURIComponent(admin.email)}&action=password_reset_link_sent`);
      expect(byAdmin.items).toEqual([expect.objectContaining({ actorId: admin.userId, actorEmail: admin.email, action: 'password_reset_link_sent', subject: w.ictA.userId })]);
      const today = new Date().toISOString().slice(0, 10);
      expect((await log(`?action=password_reset_link_sent&from=${today}&to=${today}`)).items).toHaveLength(1);
      expect((await log('?action=password_reset_link_sent&to=2020-01-01')).items).toEqual([]);
      expect((await log('?actor=nobody@nowhere.test')).items).toEqual([]);
      const first = await log('?limit=3');
      expect(first.items).toHaveLength(3);
      expect(first.hasMore).toBe(true);
      const second = await log('?limit=3&offset=3');
      expect(second.items[0].at <= first.items[2].at).toBe(true);
      expect(errorOf(await admin.request({ method: 'GET', url: '/api/admin/audit-log?from=gisteren' }))).toMatchObject({ status: 400, field: 'querystring.from' });
      expect(errorOf(await w.principalA.request({ method: 'GET', url: '/api/admin/audit-log' }))).toMatchObject({ status: 403 });
      expect(errorOf(await t.app.inject({ method: 'GET', url: '/api/admin/audit-log' }))).toMatchObject({ status: 401 });
    });
  });

  describe('listAllSchools', () => {
    it('lists every school with its board and members, searched by school or board name', async () => {
      const list = async (query: string) => (await admin.request({ method: 'GET', url: `/api/admin/schools${query}` })).json();
      const all = await list('');
      expect(all.total).toBe(3);
      const schoolA = all.items.find((s: { id: string }) => s.id === w.schoolA);
      expect(schoolA).toMatchObject({ board: { id: w.boardId }, members: 4, educationLevel: 'primary', province: 'antwerpen' });
      expect((await list('?q=rivierenland')).items.map((s: { id: string }) => s.id).sort()).toEqual([w.schoolA, w.schoolB].sort());
      expect((await list('?q=atheneum')).items.map((s: { id: string }) => s.id)).toEqual([w.other]);
      expect(errorOf(await w.boardAdmin.request({ method: 'GET', url: '/api/admin/schools' }))).toMatchObject({ status: 403 });
      expect(errorOf(await admin.request({ method: 'GET', url: '/api/admin/schools?offset=-1' }))).toMatchObject({ status: 400 });
    });
  });
});
