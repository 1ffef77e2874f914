import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { brusselsDate } from '../../src/shared/platform/brussels-time';
import { errorOf, startTestApp, type TestApp } from '../support/test-app';
import { createSession, createTraining, providerAccount, sessionInput } from './catalogue-fixtures';
import { addDevice } from './infra-fixtures';
import { type SchoolWorld, schoolWorld } from './school-fixtures';

/** A column that holds a user id, by the names the codebase gives them: `user_id`, `owner_user_id`, `actor_id`, `created_by`, … */
const userIdColumn = /(^|_)user_id$|^actor_id$|_by$/;

describe('exportMyData: everything the platform keeps about a person', () => {
  let t: TestApp;
  let w: SchoolWorld;
  beforeAll(async () => {
    t = await startTestApp();
    w = await schoolWorld(t);
  });
  afterAll(() => t.close());

  it('covers every column holding a user id with a section or a stated exclusion, so a new table cannot be forgotten', async () => {
    const tables = await t.app.db.kysely.introspection.getTables();
    const columns = tables.flatMap((table) => table.columns.filter((column) => userIdColumn.test(column.name)).map((column) => `${table.name}.${column.name}`));
    const { sections, excluded } = t.app.services.personalData;
    const accounted = [...sections.flatMap((section) => section.covers), ...excluded.map((exclusion) => exclusion.column)];
    expect(columns.filter((column) => !accounted.includes(column)).sort()).toEqual([]);
    // …and names no column that is not there (a renamed one would otherwise pass unread).
    expect(accounted.filter((column) => !columns.includes(column))).toEqual([]);
    expect(new Set(accounted).size).toBe(accounted.length);
    for (const exclusion of excluded) expect(exclusion.reason.length).toBeGreaterThan(20);
  });

  it('holds the account, memberships, scans, profile, enrolments, bookmarks, completions and sessions, and no secret', async () => {
    const teacher = w.teacherA;
    const framework = (await t.app.inject({ method: 'GET', url: '/api/frameworks/current' })).json() as { areas: Array<{ competences: Array<{ code: string }> }> };
    const scan = (await teacher.request({ method: 'POST', url: '/api/scans' })).json();
    for (const code of framework.areas.flatMap((area) => area.competences.map((c) => c.code))) {
      await teacher.request({ method: 'PUT', url: `/api/scans/${scan.id}/answers/${code}`, payload: { option: 2 } });
    }
    expect((await teacher.request({ method: 'POST', url: `/api/scans/${scan.id}/submit` })).statusCode).toBe(200);
    const { client: provider } = await providerAccount(t);
    const training = await createTraining(provider, { title: 'Werken met digitale leermiddelen' });
    const session = await createSession(provider, training.id, sessionInput(30));
    expect((await teacher.request({ method: 'POST', url: `/api/sessions/${session.id}/enrolments` })).statusCode).toBe(201);
    expect((await teacher.request({ method: 'PUT', url: `/api/me/bookmarks/${training.id}` })).statusCode).toBe(204);
    await createSession(provider, training.id, sessionInput(-3));
    const today = brusselsDate();
    expect((await teacher.request({ method: 'PUT', url: `/api/me/completions/${training.id}`, payload: { completedOn: today } })).statusCode).toBe(204);

    const response = await teacher.request({ method: 'GET', url: '/api/me/export' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toMatch(/attachment; filename="digisprong-\d{4}-\d{2}-\d{2}\.json"/);
    const data = response.json();
    expect(data.account).toMatchObject({ id: teacher.userId, email: teacher.email, has_password: true });
    expect(data.memberships).toEqual([expect.objectContaining({ school: w.schoolA, role: 'teacher' })]);
    expect(data.scans).toEqual([expect.objectContaining({ id: scan.id, status: 'submitted' })]);
    expect(data.scan_answers).toHaveLength(22);
    expect(data.profile.profile).toHaveProperty('scanId', scan.id);
    expect(data.enrolments).toEqual([expect.objectContaining({ training: training.id, training_title: 'Werken met digitale leermiddelen', status: 'enrolled' })]);
    expect(data.bookmarks).toEqual([expect.objectContaining({ training: training.id })]);
    expect(data.completed_trainings).toEqual([expect.objectContaining({ training: training.id, completed_on: today })]);
    expect(data.sessions.length).toBeGreaterThan(0);
    expect(Date.parse(data.sessions[0].last_used_at)).toBeLessThanOrEqual(Date.now());
    expect(data.activity.map((event: { action: string }) => event.action)).toContain('scan_submitted');

    // No secret: not the password hash, nor the session's cookie or CSRF token.
    const [{ password_hash }] = await t.app.db.kysely.selectFrom('users').select('password_hash').where('id', '=', teacher.userId).execute();
    expect(response.body).not.toContain(password_hash);
    expect(response.body).not.toContain(teacher.csrfToken);
    expect(response.body).not.toContain(teacher.cookie.split('=')[1]);
  });

  it('holds an invitation to the address before it is accepted, and no profile without a scan', async () => {
    const invited = await t.user('teacher');
    expect((await w.principalA.request({ method: 'POST', url: `/api/schools/${w.schoolA}/members`, payload: { email: invited.email, role: 'teacher' } })).statusCode).toBe(201);
    const data = (await invited.request({ method: 'GET', url: '/api/me/export' })).json();
    expect(data.invitations).toEqual([expect.objectContaining({ school: w.schoolA, email: invited.email, role: 'teacher', accepted_at: null })]);
    expect(data.memberships).toEqual([]);
    expect(data.profile).toBeNull();
  });

  it('holds the devices lent to the account, returned or not, and not a loan of a pupil with the same name', async () => {
    const teacher = await t.user('teacher', { schoolId: w.schoolA });
    const me = (await teacher.request({ method: 'GET', url: '/api/auth/me' })).json().user;
    for (const assetTag of ['OWN-01', 'OWN-02']) await addDevice(w.ictA, w.schoolA, { assetTag });
    const lend = (payload: Record<string, unknown>) => w.ictA.request({ method: 'POST', url: `/api/schools/${w.schoolA}/loans/single`, payload: { dueOn: '2027-06-30', ...payload } });
    expect((await lend({ assetTag: 'OWN-01', borrowerKind: 'staff', borrowerUserId: me.id })).statusCode).toBe(201);
    expect((await lend({ assetTag: 'OWN-02', borrowerKind: 'pupil', borrower: me.displayName })).statusCode).toBe(201);
    const data = (await teacher.request({ method: 'GET', url: '/api/me/export' })).json();
    expect(data.loans).toEqual([expect.objectContaining({ asset_tag: 'OWN-01', school: w.schoolA, returned_on: null })]);
  });

  it('writes a ZIP with one CSV per section, semicolons and a header even when empty', async () => {
    const response = await w.ictA.request({ method: 'GET', url: '/api/me/export?format=zip' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/zip');
    expect(response.headers['content-disposition']).toMatch(/filename="digisprong-.*\.zip"/);
    const files = unzipSync(new Uint8Array(response.rawPayload));
    const names = t.app.services.personalData.sections.map((section) => `${section.name}.csv`);
    expect(Object.keys(files).sort()).toEqual([...names].sort());
    const account = strFromU8(files['account.csv'])
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(account[0]).toBe('id;email;display_name;locale;created_at;has_password;platform_roles');
    expect(account[1]).toContain(w.ictA.email);
    expect(
      strFromU8(files['enrolments.csv'])
        .replace(/^\uFEFF/, '')
        .trim(),
    ).toBe('training;training_title;session_starts_at;status;waiting_list_position;created_at;updated_at');
  });

  it("gives only the caller's own data", async () => {
    const data = (await w.teacherA.request({ method: 'GET', url: '/api/me/export' })).json();
    const text = JSON.stringify(data);
    expect(text).not.toContain(w.principalA.email);
    expect(text).not.toContain(w.principalA.userId);
  });

  it('refuses an unknown format and needs a session', async () => {
    expect(errorOf(await w.teacherA.request({ method: 'GET', url: '/api/me/export?format=pdf' }))).toMatchObject({ status: 400, field: 'querystring.format' });
    expect(errorOf(await t.app.inject({ method: 'GET', url: '/api/me/export' }))).toMatchObject({ status: 401 });
  });
});
