import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memberSchema, schoolSchema } from '../../src/shared/school/schools';
import { errorOf, startTestApp, type TestApp } from '../support/test-app';
import { type SchoolWorld, schoolWorld, uniqueEmail } from './school-fixtures';

describe('schools: the school, its team and its board', () => {
  let t: TestApp;
  let w: SchoolWorld;
  beforeAll(async () => {
    t = await startTestApp();
    w = await schoolWorld(t);
  });
  afterAll(() => t.close());

  const members = async (schoolId: string, client = w.principalA) =>
    (await client.request({ method: 'GET', url: `/api/schools/${schoolId}/members` })).json().items as Array<{ userId: string; roles: string[] }>;

  describe('access helpers for other modules', () => {
    it('rolesIn counts a board admin in every school of the board, and nobody in a school they have nothing to do with', async () => {
      const { schools } = t.app.services;
      expect(await schools.rolesIn(w.teacherA.userId, w.schoolA)).toEqual(['teacher']);
      expect(await schools.rolesIn(w.boardAdmin.userId, w.schoolA)).toEqual(['board_admin']);
      expect(await schools.rolesIn(w.boardAdmin.userId, w.schoolB)).toEqual(['board_admin']);
      expect(await schools.rolesIn(w.boardAdmin.userId, w.other)).toEqual([]);
      expect(await schools.rolesIn(w.principalOther.userId, w.schoolA)).toEqual([]);
      expect(await schools.rolesIn(w.teacherA.userId, 'no-such-school')).toEqual([]);
    });

    it('teacherIdsOf lists those who take Digisnap: teachers and ICT coordinators', async () => {
      const ids = await t.app.services.schools.teacherIdsOf(w.schoolA);
      expect(ids).toEqual([w.teacherA.userId, w.ictA.userId].sort());
      expect(await t.app.services.schools.teacherIdsOf(w.schoolB)).toEqual([]);
    });

    it('schoolOf gives the school with its board, or undefined', async () => {
      expect(await t.app.services.schools.schoolOf(w.schoolA)).toEqual({
        id: w.schoolA,
        name: expect.stringMatching(/^VBS De Linde/),
        educationLevel: 'primary',
        province: 'antwerpen',
        boardId: w.boardId,
      });
      expect(await t.app.services.schools.schoolOf('nope')).toBeUndefined();
    });

    it('access.require: 404 for a stranger, 403 for a member whose roles lack the capability', async () => {
      const { access } = t.app.services;
      await expect(access.require(w.principalOther.userId, 'manageCampaigns', w.schoolA)).rejects.toMatchObject({ id: 'not_found' });
      await expect(access.require(w.teacherA.userId, 'manageCampaigns', w.schoolA)).rejects.toMatchObject({ id: 'forbidden' });
      expect(await access.require(w.principalA.userId, 'manageCampaigns', w.schoolA)).toEqual(['principal']);
    });
  });

  describe('getSchool', () => {
    it('shows a member the school, its board and their own roles', async () => {
      const response = await w.teacherA.request({ method: 'GET', url: `/api/schools/${w.schoolA}` });
      expect(response.statusCode).toBe(200);
      const school = schoolSchema.parse(response.json());
      expect(school).toMatchObject({ id: w.schoolA, network: 'catholic', educationLevel: 'primary', myRoles: ['teacher'] });
      expect(school.board).toMatchObject({ id: w.boardId, name: expect.stringMatching(/^Scholengroep Rivierenland/) });
      const asBoard = (await w.boardAdmin.request({ method: 'GET', url: `/api/schools/${w.schoolB}` })).json();
      expect(asBoard.myRoles).toEqual(['board_admin']);
    });

    it('is not found for another school, and needs a session', async () => {
      expect(errorOf(await w.principalOther.request({ method: 'GET', url: `/api/schools/${w.schoolA}` }))).toMatchObject({ status: 404, id: 'not_found' });
      expect(errorOf(await w.principalA.request({ method: 'GET', url: '/api/schools/nope' }))).toMatchObject({ status: 404 });
      expect(errorOf(await t.app.inject({ method: 'GET', url: `/api/schools/${w.schoolA}` }))).toMatchObject({ status: 401, id: 'unauthenticated' });
    });
  });

  describe('listSchoolMembers', () => {
    it('shows the principal, the ICT coordinator and the board admin every member with roles, and nothing of their scans', async () => {
      for (const client of [w.principalA, w.ictA, w.boardAdmin]) {
        const response = await client.request({ method: 'GET', url: `/api/schools/${w.schoolA}/members` });
        expect(response.statusCode).toBe(200);
        const items = response.json().items;
        expect(items.map((m: { userId: string }) => m.userId).sort()).toEqual([w.principalA, w.ictA, w.teacherA, w.boardAdmin].map((c) => c.userId).sort());
        for (const item of items) {
          expect(memberSchema.strict().safeParse(item).success).toBe(true);
          expect(Object.keys(item).sort()).toEqual(['email', 'name', 'roles', 'since', 'userId']);
        }
        expect(items.find((m: { userId: string }) => m.userId === w.teacherA.userId)).toMatchObject({ email: w.teacherA.email, roles: ['teacher'] });
      }
    });

    it('lets a board admin see another school of the board', async () => {
      expect(await members(w.schoolB, w.boardAdmin)).toEqual([]);
    });

    it('refuses a teacher (403), another school (404) and anonymous callers (401)', async () => {
      expect(errorOf(await w.teacherA.request({ method: 'GET', url: `/api/schools/${w.schoolA}/members` }))).toMatchObject({ status: 403, id: 'forbidden' });
      expect(errorOf(await w.principalOther.request({ method: 'GET', url: `/api/schools/${w.schoolA}/members` }))).toMatchObject({ status: 404, id: 'not_found' });
      expect(errorOf(await w.principalA.request({ method: 'GET', url: `/api/schools/${w.other}/members` }))).toMatchObject({ status: 404 });
      expect(errorOf(await t.app.inject({ method: 'GET', url: `/api/schools/${w.schoolA}/members` }))).toMatchObject({ status: 401 });
    });
  });

  describe('addSchoolMember', () => {
    it('invites an existing account too: it is not a member until it accepts', async () => {
      const colleague = await t.user('teacher');
      const response = await w.ictA.request({ method: 'POST', url: `/api/schools/${w.schoolA}/members`, payload: { email: colleague.email.toUpperCase(), role: 'teacher' } });
      expect(response.statusCode).toBe(201);
      expect(response.json()).toMatchObject({ outcome: 'invited', invitation: { email: colleague.email, role: 'teacher' } });
      expect((await members(w.schoolA)).map((m) => m.userId)).not.toContain(colleague.userId);
      const me = (await colleague.request({ method: 'GET', url: '/api/auth/me' })).json();
      expect(me.user.memberships).toEqual([]);
    });

    it('invites an address without an account, by mail', async () => {
      const email = uniqueEmail('nieuw');
      const response = await w.principalA.request({ method: 'POST', url: `/api/schools/${w.schoolA}/members`, payload: { email, role: 'ict_coordinator', name: 'Nele' } });
      expect(response.statusCode).toBe(201);
      expect(response.json()).toMatchObject({ outcome: 'invited', invitation: { email, name: 'Nele', role: 'ict_coordinator' } });
      const open = (await w.principalA.request({ method: 'GET', url: `/api/schools/${w.schoolA}/invitations` })).json().items;
      expect(open.map((i: { email: string }) => i.email)).toContain(email);
    });

    it('lets each manager give only the roles of their rank', async () => {
      const add = (client = w.ictA, role: string, schoolId = w.schoolA) =>
        client.request({ method: 'POST', url: `/api/schools/${schoolId}/members`, payload: { email: uniqueEmail('x'), role } });
      expect(errorOf(await add(w.ictA, 'principal'))).toMatchObject({ status: 403, id: 'forbidden', field: 'body.role' });
      expect(errorOf(await add(w.principalA, 'board_admin'))).toMatchObject({ status: 403, field: 'body.role' });
      expect((await add(w.principalA, 'principal')).statusCode).toBe(201);
      expect((await add(w.boardAdmin, 'board_admin', w.schoolB)).statusCode).toBe(201);
    });

    it('refuses bad input naming the field, a teacher, another school and anonymous callers', async () => {
      const url = `/api/schools/${w.schoolA}/members`;
      expect(errorOf(await w.ictA.request({ method: 'POST', url, payload: { email: 'not-an-address', role: 'teacher' } }))).toMatchObject({
        status: 400,
        id: 'validation_error',
        field: 'body.email',
      });
      expect(errorOf(await w.ictA.request({ method: 'POST', url, payload: { email: uniqueEmail('y'), role: 'admin' } }))).toMatchObject({ status: 400, field: 'body.role' });
      expect(errorOf(await w.ictA.request({ method: 'POST', url, payload: { email: uniqueEmail('y'), role: 'teacher' }, csrf: false }))).toMatchObject({
        status: 403,
        id: 'csrf_failed',
      });
      expect(errorOf(await w.teacherA.request({ method: 'POST', url, payload: { email: uniqueEmail('y'), role: 'teacher' } }))).toMatchObject({ status: 403, id: 'forbidden' });
      expect(errorOf(await w.principalOther.request({ method: 'POST', url, payload: { email: uniqueEmail('y'), role: 'teacher' } }))).toMatchObject({ status: 404 });
      expect(errorOf(await t.app.inject({ method: 'POST', url, payload: { email: uniqueEmail('y'), role: 'teacher' } }))).toMatchObject({ status: 401 });
    });
  });

  describe('setSchoolMemberRoles', () => {
    it('replaces the roles of a member', async () => {
      const teacher = await t.user('teacher', { schoolId: w.schoolA });
      const response = await w.principalA.request({ method: 'PUT', url: `/api/schools/${w.schoolA}/members/${teacher.userId}`, payload: { roles: ['ict_coordinator', 'teacher'] } });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({ userId: teacher.userId, roles: ['teacher', 'ict_coordinator'] });
      const again = await w.ictA.request({ method: 'PUT', url: `/api/schools/${w.schoolA}/members/${teacher.userId}`, payload: { roles: ['teacher'] } });
      expect(again.json().roles).toEqual(['teacher']);
      expect(await t.app.services.schools.rolesIn(teacher.userId, w.schoolA)).toEqual(['teacher']);
    });

    it('does not let an ICT coordinator touch a principal', async () => {
      const response = await w.ictA.request({ method: 'PUT', url: `/api/schools/${w.schoolA}/members/${w.principalA.userId}`, payload: { roles: ['teacher'] } });
      expect(errorOf(response)).toMatchObject({ status: 403, field: 'body.roles' });
      expect(await t.app.services.schools.rolesIn(w.principalA.userId, w.schoolA)).toEqual(['principal']);
    });

    it('refuses bad input, a non-member, a teacher, another school and anonymous callers', async () => {
      const url = `/api/schools/${w.schoolA}/members/${w.teacherA.userId}`;
      expect(errorOf(await w.principalA.request({ method: 'PUT', url, payload: { roles: [] } }))).toMatchObject({ status: 400, field: 'body.roles' });
      expect(errorOf(await w.principalA.request({ method: 'PUT', url, payload: { roles: ['wizard'] } }))).toMatchObject({ status: 400, field: 'body.roles.0' });
      const stranger = await t.user('teacher');
      expect(errorOf(await w.principalA.request({ method: 'PUT', url: `/api/schools/${w.schoolA}/members/${stranger.userId}`, payload: { roles: ['teacher'] } }))).toMatchObject({
        status: 404,
        field: 'userId',
      });
      expect(errorOf(await w.teacherA.request({ method: 'PUT', url, payload: { roles: ['teacher'] } }))).toMatchObject({ status: 403 });
      expect(errorOf(await w.principalOther.request({ method: 'PUT', url, payload: { roles: ['teacher'] } }))).toMatchObject({ status: 404 });
      expect(errorOf(await t.app.inject({ method: 'PUT', url, payload: { roles: ['teacher'] } }))).toMatchObject({ status: 401 });
    });
  });

  describe('removeSchoolMember', () => {
    it('removes a member from the team (their account stays)', async () => {
      const teacher = await t.user('teacher', { schoolId: w.schoolA });
      const url = `/api/schools/${w.schoolA}/members/${teacher.userId}`;
      expect((await w.ictA.request({ method: 'DELETE', url })).statusCode).toBe(204);
      expect((await members(w.schoolA)).map((m) => m.userId)).not.toContain(teacher.userId);
      expect((await teacher.request({ method: 'GET', url: '/api/auth/me' })).json().user.memberships).toEqual([]);
      expect(errorOf(await w.ictA.request({ method: 'DELETE', url }))).toMatchObject({ status: 404 });
    });

    it('lets a board admin remove a member of another school of the board', async () => {
      const teacher = await t.user('teacher', { schoolId: w.schoolB });
      expect((await w.boardAdmin.request({ method: 'DELETE', url: `/api/schools/${w.schoolB}/members/${teacher.userId}` })).statusCode).toBe(204);
    });

    it('refuses an ICT coordinator removing a principal, a teacher, another school and anonymous callers', async () => {
      expect(errorOf(await w.ictA.request({ method: 'DELETE', url: `/api/schools/${w.schoolA}/members/${w.principalA.userId}` }))).toMatchObject({ status: 403 });
      const url = `/api/schools/${w.schoolA}/members/${w.ictA.userId}`;
      expect(errorOf(await w.teacherA.request({ method: 'DELETE', url }))).toMatchObject({ status: 403 });
      expect(errorOf(await w.principalOther.request({ method: 'DELETE', url }))).toMatchObject({ status: 404 });
      expect(errorOf(await t.app.inject({ method: 'DELETE', url }))).toMatchObject({ status: 401 });
      expect(await t.app.services.schools.rolesIn(w.ictA.userId, w.schoolA)).toEqual(['ict_coordinator']);
    });
  });

  describe('getBoard', () => {
    it('shows a board admin the board and its schools', async () => {
      const response = await w.boardAdmin.request({ method: 'GET', url: `/api/boards/${w.boardId}` });
      expect(response.statusCode).toBe(200);
      const board = response.json();
      expect(board.schools.map((s: { id: string }) => s.id).sort()).toEqual([w.schoolA, w.schoolB].sort());
      expect(board.schools[0]).toMatchObject({ network: 'catholic', province: 'antwerpen' });
    });

    it('is not found for anyone else, and needs a session', async () => {
      expect(errorOf(await w.principalA.request({ method: 'GET', url: `/api/boards/${w.boardId}` }))).toMatchObject({ status: 404 });
      expect(errorOf(await w.boardAdmin.request({ method: 'GET', url: '/api/boards/nope' }))).toMatchObject({ status: 404 });
      expect(errorOf(await t.app.inject({ method: 'GET', url: `/api/boards/${w.boardId}` }))).toMatchObject({ status: 401 });
    });
  });
});
