import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import writeExcelFile from 'write-excel-file/node';
import { sessionResponseSchema } from '../../src/shared/platform/api';
import { errorOf, login, startTestApp, TEST_PASSWORD, type TestApp } from '../support/test-app';
import { invitationTokenFor, type SchoolWorld, schoolWorld, uniqueEmail } from './school-fixtures';

const csv = (...lines: string[]) => `${lines.join('\r\n')}\r\n`;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** A workbook whose first sheet holds these rows of text, as a spreadsheet saves it. */
const workbook = (...rows: string[][]) => writeExcelFile(rows.map((cells) => cells.map((value) => ({ value })))).toBuffer();

describe('schools: roster, invitations and join codes', () => {
  let t: TestApp;
  let w: SchoolWorld;
  beforeAll(async () => {
    t = await startTestApp();
    w = await schoolWorld(t);
  });
  afterAll(() => t.close());

  const roster = (client: SchoolWorld['ictA'] | null, body: string, schoolId = w.schoolA) => {
    const request = { method: 'POST' as const, url: `/api/schools/${schoolId}/roster`, payload: body, headers: { 'content-type': 'text/csv; charset=utf-8' } };
    return client ? client.request(request) : t.app.inject(request);
  };
  const invite = async (email: string, role = 'teacher') => {
    const response = await w.ictA.request({ method: 'POST', url: `/api/schools/${w.schoolA}/members`, payload: { email, role } });
    expect(response.json().outcome).toBe('invited');
    return invitationTokenFor(t, email);
  };
  const outboxTo = async (email: string) => {
    const admin = await t.user('admin');
    return (await admin.request({ method: 'GET', url: `/api/admin/outbox?to=${encodeURIComponent(email)}` })).json().items as Array<{ subject: string; text: string }>;
  };

  describe('importRoster', () => {
    it('invites every teacher of a roster with a BOM and Dutch header, and skips members', async () => {
      const a = uniqueEmail('an');
      const b = uniqueEmail('bram');
      const response = await roster(w.ictA, `\uFEFF${csv('naam;e-mail', `An Peeters;${a}`, `Bram Claes;${b.toUpperCase()}`, `Leraar;${w.teacherA.email}`)}`);
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({ invited: 2, alreadyMembers: [{ line: 4, email: w.teacherA.email }] });
      const mails = await outboxTo(b);
      expect(mails).toHaveLength(1);
      expect(mails[0].subject).toMatch(/uitnodiging/i);
      expect(mails[0].text).toMatch(/^Dag Bram Claes,/);
      const open = (await w.ictA.request({ method: 'GET', url: `/api/schools/${w.schoolA}/invitations` })).json().items;
      expect(open.filter((i: { email: string }) => [a, b].includes(i.email))).toHaveLength(2);
    });

    it('reads an English header with commas', async () => {
      const response = await roster(w.principalA, csv('name,email', `Chris,${uniqueEmail('chris')}`));
      expect(response.json().invited).toBe(1);
    });

    it('rejects the whole file with every bad line, and invites nobody', async () => {
      const good = uniqueEmail('goed');
      const response = await roster(w.ictA, csv('naam;e-mail', `Goed;${good}`, 'Slecht;geen-adres', `;${uniqueEmail('naamloos')}`, `Dubbel;${good}`));
      expect(response.statusCode).toBe(422);
      const body = response.json();
      expect(body.error.id).toBe('import_rejected');
      expect(body.error.details.map((d: { field: string }) => d.field)).toEqual(['line 3: e-mail', 'line 4: naam', 'line 5: e-mail']);
      expect(body.error.details[2].message).toMatch(/on line 2 already/);
      expect(await outboxTo(good)).toEqual([]);
      const open = (await w.ictA.request({ method: 'GET', url: `/api/schools/${w.schoolA}/invitations` })).json().items;
      expect(open.map((i: { email: string }) => i.email)).not.toContain(good);
    });

    it('rejects a file without the right header or without lines', async () => {
      expect((await roster(w.ictA, csv('voornaam;adres', 'An;an@school.be'))).json().error.details.map((d: { field: string }) => d.field)).toEqual(['line 1: naam', 'line 1: e-mail']);
      expect((await roster(w.ictA, csv('naam;e-mail'))).json().error).toMatchObject({ id: 'import_rejected', details: [{ field: 'line 2: file' }] });
    });

    it('invites from an .xlsx workbook, sent as its bytes', async () => {
      const a = uniqueEmail('xlsx-an');
      const file = await workbook(['naam', 'e-mail'], ['An Excel', a], ['Leraar', w.teacherA.email]);
      const response = await w.ictA.request({ method: 'POST', url: `/api/schools/${w.schoolA}/roster`, headers: { 'content-type': XLSX }, payload: file });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json()).toEqual({ invited: 1, alreadyMembers: [{ line: 3, email: w.teacherA.email }] });
      expect((await outboxTo(a))[0].text).toMatch(/^Dag An Excel,/);
      const bad = await workbook(['naam', 'e-mail'], ['Slecht', 'geen-adres']);
      const rejected = await w.ictA.request({ method: 'POST', url: `/api/schools/${w.schoolA}/roster`, headers: { 'content-type': XLSX }, payload: bad });
      expect(errorOf(rejected)).toMatchObject({ status: 422, id: 'import_rejected' });
      expect(rejected.json().error.details.map((d: { field: string }) => d.field)).toEqual(['line 2: e-mail']);
    });

    it('rejects a workbook that is not one, on the file field, and a body of another content type', async () => {
      const notAZip = await w.ictA.request({
        method: 'POST',
        url: `/api/schools/${w.schoolA}/roster`,
        headers: { 'content-type': XLSX },
        payload: csv('naam;e-mail', 'An;an@school.be'),
      });
      expect(errorOf(notAZip)).toMatchObject({ status: 422, id: 'import_rejected' });
      expect(notAZip.json().error.details).toEqual([
        { field: 'line 1: file', message: 'line 1: file: The file is not a readable XLSX workbook: it is not an .xlsx file', code: 'file_unreadable', params: { format: 'xlsx' } },
      ]);
      const text = await w.ictA.request({ method: 'POST', url: `/api/schools/${w.schoolA}/roster`, headers: { 'content-type': 'text/plain' }, payload: csv('naam;e-mail') });
      expect(errorOf(text)).toMatchObject({ status: 400, id: 'validation_error', field: 'body' });
      expect(text.json().error.message).toMatch(/^Send the file as text\/csv or as application\/vnd\.openxmlformats/);
    });

    it('refuses a teacher, another school and anonymous callers; a JSON body is bad input', async () => {
      const body = csv('naam;e-mail', `X;${uniqueEmail('x')}`);
      expect(errorOf(await roster(w.teacherA, body))).toMatchObject({ status: 403 });
      expect(errorOf(await roster(w.principalOther, body))).toMatchObject({ status: 404 });
      expect(errorOf(await roster(null, body))).toMatchObject({ status: 401 });
      const json = await w.ictA.request({ method: 'POST', url: `/api/schools/${w.schoolA}/roster`, payload: { rows: [] } });
      expect(errorOf(json)).toMatchObject({ status: 400, id: 'validation_error', field: 'body' });
    });
  });

  describe('listInvitations and revokeInvitation', () => {
    it('lists open invitations and withdraws one, whose link then stops working', async () => {
      const email = uniqueEmail('weg');
      const token = await invite(email);
      const open = (await w.principalA.request({ method: 'GET', url: `/api/schools/${w.schoolA}/invitations` })).json().items;
      const invitation = open.find((i: { email: string }) => i.email === email);
      expect(invitation).toMatchObject({ role: 'teacher', name: null });
      expect(Date.parse(invitation.expiresAt) - Date.parse(invitation.createdAt)).toBe(14 * 24 * 3600_000);
      expect((await w.principalA.request({ method: 'DELETE', url: `/api/schools/${w.schoolA}/invitations/${invitation.id}` })).statusCode).toBe(204);
      expect(errorOf(await t.app.inject({ method: 'GET', url: `/api/invitations/${token}` }))).toMatchObject({ status: 404 });
      expect(errorOf(await w.principalA.request({ method: 'DELETE', url: `/api/schools/${w.schoolA}/invitations/${invitation.id}` }))).toMatchObject({ status: 404 });
    });

    it('refuses a teacher, another school and anonymous callers', async () => {
      const url = `/api/schools/${w.schoolA}/invitations`;
      expect(errorOf(await w.teacherA.request({ method: 'GET', url }))).toMatchObject({ status: 403 });
      expect(errorOf(await w.principalOther.request({ method: 'GET', url }))).toMatchObject({ status: 404 });
      expect(errorOf(await t.app.inject({ method: 'GET', url }))).toMatchObject({ status: 401 });
      expect(errorOf(await w.teacherA.request({ method: 'DELETE', url: `${url}/x` }))).toMatchObject({ status: 403 });
      expect(errorOf(await w.principalOther.request({ method: 'DELETE', url: `${url}/x` }))).toMatchObject({ status: 404 });
      expect(errorOf(await t.app.inject({ method: 'DELETE', url: `${url}/x` }))).toMatchObject({ status: 401 });
    });
  });

  describe('getInvitation and acceptInvitation', () => {
    it('a new teacher opens the link, picks a name and password, and is logged in as a teacher of the school', async () => {
      const email = uniqueEmail('nieuw');
      const token = await invite(email);
      const shown = await t.app.inject({ method: 'GET', url: `/api/invitations/${token}` });
      expect(shown.statusCode).toBe(200);
      expect(shown.json()).toMatchObject({ schoolName: expect.stringMatching(/^VBS De Linde/), email, role: 'teacher', requireIdentityProvider: false });

      const accepted = await t.app.inject({ method: 'POST', url: `/api/invitations/${token}/accept`, payload: { name: 'Nieuwe Collega', password: 'een-lang-wachtwoord' } });
      expect(accepted.statusCode).toBe(200);
      const session = sessionResponseSchema.parse(accepted.json());
      expect(session.user).toMatchObject({ email, displayName: 'Nieuwe Collega', memberships: [{ schoolId: w.schoolA, role: 'teacher' }] });
      const cookie = accepted.cookies.find((c) => c.name === 'ds_session');
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
      const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: `ds_session=${cookie!.value}` } });
      expect(me.json().user.id).toBe(session.user.id);
      expect(await t.app.services.schools.teacherIdsOf(w.schoolA)).toContain(session.user.id);

      expect(errorOf(await t.app.inject({ method: 'GET', url: `/api/invitations/${token}` }))).toMatchObject({ status: 410, id: 'invitation_expired' });
      const twice = await t.app.inject({ method: 'POST', url: `/api/invitations/${token}/accept`, payload: { name: 'X', password: 'een-lang-wachtwoord' } });
      expect(errorOf(twice)).toMatchObject({ status: 410, id: 'invitation_expired' });
    });

    it('an existing account accepts with its password', async () => {
      const colleague = await t.user('teacher', { schoolId: w.other });
      await t.app.services.invitations.importRoster(w.ictA.userId, w.schoolA, csv('naam;e-mail', `Collega;${colleague.email}`));
      const token = await invitationTokenFor(t, colleague.email);
      expect((await t.app.inject({ method: 'GET', url: `/api/invitations/${token}` })).json()).not.toHaveProperty('accountExists');
      const wrong = await t.app.inject({ method: 'POST', url: `/api/invitations/${token}/accept`, payload: { password: 'not-the-password' } });
      expect(errorOf(wrong)).toMatchObject({ status: 401, id: 'invalid_credentials' });
      const accepted = await t.app.inject({ method: 'POST', url: `/api/invitations/${token}/accept`, payload: { password: TEST_PASSWORD } });
      expect(accepted.statusCode).toBe(200);
      expect(
        accepted
          .json()
          .user.memberships.map((m: { schoolId: string }) => m.schoolId)
          .sort(),
      ).toEqual([w.schoolA, w.other].sort());
    });

    it('a logged-in user accepts with their session, keeping it', async () => {
      const email = uniqueEmail('sessie');
      const token = await invite(email, 'ict_coordinator');
      const { userId } = await t.app.services.auth.createAccount({ email, password: TEST_PASSWORD, role: 'teacher' });
      const client = await login(t.app, email, TEST_PASSWORD, userId);
      expect(errorOf(await client.request({ method: 'POST', url: `/api/invitations/${token}/accept`, csrf: false }))).toMatchObject({ status: 403, id: 'csrf_failed' });
      const accepted = await client.request({ method: 'POST', url: `/api/invitations/${token}/accept` });
      expect(accepted.statusCode).toBe(200);
      expect(accepted.json()).toMatchObject({ csrfToken: client.csrfToken, user: { id: userId, memberships: [{ schoolId: w.schoolA, role: 'ict_coordinator' }] } });
      expect(accepted.cookies).toEqual([]);
    });

    it('an expired invitation is gone (410) and a made-up one is not found (404)', async () => {
      const email = uniqueEmail('laat');
      const token = await invite(email);
      await t.app.db.kysely
        .updateTable('invitations')
        .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
        .where('email', '=', email)
        .execute();
      expect(errorOf(await t.app.inject({ method: 'GET', url: `/api/invitations/${token}` }))).toMatchObject({ status: 410, id: 'invitation_expired', field: 'token' });
      const late = await t.app.inject({ method: 'POST', url: `/api/invitations/${token}/accept`, payload: { name: 'Laat', password: 'een-lang-wachtwoord' } });
      expect(errorOf(late)).toMatchObject({ status: 410, id: 'invitation_expired' });
      expect(await t.app.services.auth.accountByEmail(email)).toBeUndefined();
      expect(errorOf(await t.app.inject({ method: 'GET', url: '/api/invitations/made-up' }))).toMatchObject({ status: 404, id: 'not_found' });
      expect(errorOf(await t.app.inject({ method: 'POST', url: '/api/invitations/made-up/accept', payload: { password: 'x' } }))).toMatchObject({ status: 404 });
    });

    it('refuses bad input naming the field, and keeps the link usable', async () => {
      const email = uniqueEmail('fout');
      const token = await invite(email);
      const url = `/api/invitations/${token}/accept`;
      expect(errorOf(await t.app.inject({ method: 'POST', url, payload: {} }))).toMatchObject({ status: 400, field: 'body.password' });
      expect(errorOf(await t.app.inject({ method: 'POST', url, payload: { password: 'een-lang-wachtwoord' } }))).toMatchObject({ status: 400, field: 'body.name' });
      expect(errorOf(await t.app.inject({ method: 'POST', url, payload: { name: 'Fout', password: 'kort' } }))).toMatchObject({
        status: 422,
        id: 'weak_password',
        field: 'body.password',
      });
      // The invited address is one of the words the strength rule tries first.
      expect(errorOf(await t.app.inject({ method: 'POST', url, payload: { name: 'Fout', password: email } }))).toMatchObject({ status: 422, id: 'weak_password' });
      expect(errorOf(await t.app.inject({ method: 'POST', url, payload: { name: 'Fout', password: 'een-lang-wachtwoord', locale: 'fr' } }))).toMatchObject({
        status: 400,
        field: 'body.locale',
      });
      expect((await t.app.inject({ method: 'POST', url, payload: { name: 'Fout', password: 'een-lang-wachtwoord', locale: 'en' } })).json().user.locale).toBe('en');
    });
  });

  describe('join codes', () => {
    it('an ICT coordinator shows and rotates the code; a logged-in teacher joins with it', async () => {
      const shown = await w.ictA.request({ method: 'GET', url: `/api/schools/${w.schoolA}/join-code` });
      expect(shown.statusCode).toBe(200);
      const { code, joinUrl } = shown.json();
      expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
      expect(joinUrl).toBe(`http://localhost:8080/aansluiten/${code.replace('-', '')}`);
      expect((await w.principalA.request({ method: 'GET', url: `/api/schools/${w.schoolA}/join-code` })).json().code).toBe(code);

      const newcomer = await t.user('teacher');
      const joined = await newcomer.request({ method: 'POST', url: `/api/join/${code.toLowerCase()}` });
      expect(joined.statusCode).toBe(200);
      expect(joined.json()).toMatchObject({ schoolId: w.schoolA, roles: ['teacher'] });
      expect((await newcomer.request({ method: 'POST', url: `/api/join/${code.replace('-', '')}` })).json().roles).toEqual(['teacher']);
      expect(await t.app.services.schools.rolesIn(newcomer.userId, w.schoolA)).toEqual(['teacher']);

      const rotated = (await w.ictA.request({ method: 'POST', url: `/api/schools/${w.schoolA}/join-code` })).json();
      expect(rotated.code).not.toBe(code);
      const late = await t.user('teacher');
      expect(errorOf(await late.request({ method: 'POST', url: `/api/join/${code}` }))).toMatchObject({ status: 404, field: 'code' });
      expect((await late.request({ method: 'POST', url: `/api/join/${rotated.code}` })).statusCode).toBe(200);
    });

    it('refuses a teacher, another school, anonymous callers and a missing CSRF token', async () => {
      const url = `/api/schools/${w.schoolA}/join-code`;
      for (const method of ['GET', 'POST'] as const) {
        expect(errorOf(await w.teacherA.request({ method, url }))).toMatchObject({ status: 403 });
        expect(errorOf(await w.principalOther.request({ method, url }))).toMatchObject({ status: 404 });
        expect(errorOf(await t.app.inject({ method, url }))).toMatchObject({ status: 401 });
      }
      const { code } = (await w.ictA.request({ method: 'GET', url })).json();
      expect(errorOf(await t.app.inject({ method: 'POST', url: `/api/join/${code}` }))).toMatchObject({ status: 401 });
      expect(errorOf(await w.principalOther.request({ method: 'POST', url: `/api/join/${code}`, csrf: false }))).toMatchObject({ status: 403, id: 'csrf_failed' });
      expect(errorOf(await w.principalOther.request({ method: 'POST', url: '/api/join/ZZZZ-ZZZZ' }))).toMatchObject({ status: 404 });
    });
  });
});
