import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { campaignSchema } from '../../src/shared/school/campaign/campaign';
import { errorOf, startTestApp, type TestApp, type TestClient } from '../support/test-app';
import { addTeacher, allAnswers, campaignsUrl, createSchool, dayFromToday, instantFromNow, openCampaign, type School, startScanAt, submitScanAt } from './campaign-fixtures';

describe('Digisnap campaigns', () => {
  let t: TestApp;
  let school: School;
  let other: School;
  let teacher: TestClient;
  let admin: TestClient;
  let board: TestClient;

  beforeAll(async () => {
    t = await startTestApp();
    school = await createSchool(t, { teachers: 0 });
    other = await createSchool(t, { teachers: 0 });
    teacher = await t.user('teacher', { schoolId: school.id });
    admin = await t.user('admin');
    board = await t.user('board_admin', { schoolId: school.id });
  });
  afterAll(() => t.close());

  /** A fresh school for tests that need windows of their own. */
  const freshSchool = (teachers = 0) => createSchool(t, { teachers });
  const url = (schoolId: string, campaignId?: string, action?: string) => [campaignsUrl(schoolId), campaignId, action].filter(Boolean).join('/');

  describe('openCampaign', () => {
    it('opens a campaign for the principal, with the current framework and a minimum group of 5 by default', async () => {
      const s = await freshSchool();
      const response = await s.principal.request({
        method: 'POST',
        url: url(s.id),
        payload: { opensOn: dayFromToday(0), closesOn: dayFromToday(14), teamMoment: '2026-12-03T15:30:00+01:00' },
      });
      expect(response.statusCode).toBe(201);
      const campaign = campaignSchema.parse(response.json());
      expect(campaign).toMatchObject({
        schoolId: s.id,
        frameworkId: 'digcompedu',
        frameworkVersion: '2026.1',
        minGroupSize: 5,
        status: 'open',
        closedAt: null,
        teamMoment: '2026-12-03T14:30:00.000Z',
        participation: { invited: 1, started: 0, completed: 0 },
        report: { available: false, publishedAt: null },
      });
    });

    it('lets the ICT coordinator open one too, scheduled when it starts later, with a larger group', async () => {
      const s = await freshSchool();
      const campaign = await openCampaign(s.ict, s.id, { opensOn: dayFromToday(3), closesOn: dayFromToday(20), minGroupSize: 8, frameworkVersion: '2017.1' });
      expect(campaign).toMatchObject({ status: 'scheduled', minGroupSize: 8 });
    });

    it('refuses bad input, naming the field', async () => {
      const s = await freshSchool();
      const post = (payload: Record<string, unknown>) => s.principal.request({ method: 'POST', url: url(s.id), payload });
      const window = { opensOn: dayFromToday(0), closesOn: dayFromToday(7) };
      expect(errorOf(await post({ ...window, minGroupSize: 4 }))).toMatchObject({ status: 400, id: 'validation_error', field: 'body.minGroupSize' });
      expect(errorOf(await post({ ...window, minGroupSize: 5.5 }))).toMatchObject({ status: 400, field: 'body.minGroupSize' });
      expect(errorOf(await post({ ...window, opensOn: '29/11/2026' }))).toMatchObject({ status: 400, field: 'body.opensOn' });
      expect(errorOf(await post({ opensOn: dayFromToday(0) }))).toMatchObject({ status: 400, field: 'body.closesOn' });
      expect(errorOf(await post({ opensOn: dayFromToday(5), closesOn: dayFromToday(2) }))).toMatchObject({ status: 400, field: 'body.closesOn' });
      // A campaign cannot open in the past: it would count scans taken before anyone asked for them.
      expect(errorOf(await post({ opensOn: dayFromToday(-20), closesOn: dayFromToday(-1) }))).toMatchObject({ status: 400, id: 'validation_error', field: 'body.opensOn' });
      expect(errorOf(await post({ opensOn: dayFromToday(-1), closesOn: dayFromToday(7) }))).toMatchObject({ status: 400, id: 'validation_error', field: 'body.opensOn' });
      expect(errorOf(await post({ opensOn: dayFromToday(0), closesOn: dayFromToday(-1) }))).toMatchObject({ status: 400, field: 'body.closesOn' });
      expect(errorOf(await post({ opensOn: dayFromToday(0), closesOn: dayFromToday(400) }))).toMatchObject({ status: 400, field: 'body.closesOn' });
      expect(errorOf(await post({ ...window, frameworkVersion: '1999.9' }))).toMatchObject({ status: 400, field: 'body.frameworkVersion' });
      expect(errorOf(await post({ ...window, teamMoment: 'tomorrow' }))).toMatchObject({ status: 400, field: 'body.teamMoment' });
      expect(errorOf(await post({ ...window, invitees: ['x'] }))).toMatchObject({ status: 400, field: 'body.invitees' });
      expect((await s.principal.request({ method: 'GET', url: url(s.id) })).json().items).toEqual([]);
    });

    it('refuses a window that overlaps another campaign of the school (409), but not one of another school', async () => {
      const s = await freshSchool();
      await openCampaign(s.principal, s.id, { opensOn: dayFromToday(0), closesOn: dayFromToday(10) });
      const clash = await s.ict.request({ method: 'POST', url: url(s.id), payload: { opensOn: dayFromToday(10), closesOn: dayFromToday(20) } });
      expect(errorOf(clash)).toMatchObject({ status: 409, id: 'conflict', field: 'body.opensOn' });
      await openCampaign(s.principal, s.id, { opensOn: dayFromToday(11), closesOn: dayFromToday(20) });
      const s2 = await freshSchool();
      await openCampaign(s2.principal, s2.id, { opensOn: dayFromToday(0), closesOn: dayFromToday(10) });
    });

    it('is for the school’s principal and ICT coordinator only', async () => {
      const payload = { opensOn: dayFromToday(100), closesOn: dayFromToday(110) };
      expect(errorOf(await teacher.request({ method: 'POST', url: url(school.id), payload }))).toMatchObject({ status: 403, id: 'forbidden' });
      expect(errorOf(await board.request({ method: 'POST', url: url(school.id), payload }))).toMatchObject({ status: 403, id: 'forbidden' });
      expect(errorOf(await other.principal.request({ method: 'POST', url: url(school.id), payload }))).toMatchObject({ status: 404, id: 'not_found' });
      expect(errorOf(await admin.request({ method: 'POST', url: url(school.id), payload }))).toMatchObject({ status: 404 });
      expect(errorOf(await school.principal.request({ method: 'POST', url: url('no-such-school'), payload }))).toMatchObject({ status: 404 });
      expect(errorOf(await t.app.inject({ method: 'POST', url: url(school.id), payload }))).toMatchObject({ status: 401, id: 'unauthenticated' });
      expect(errorOf(await school.principal.request({ method: 'POST', url: url(school.id), payload, csrf: false }))).toMatchObject({ status: 403, id: 'csrf_failed' });
    });
  });

  describe('listCampaigns and getCampaign', () => {
    it('shows participation as counts: invited, started, completed; never who', async () => {
      const s = await freshSchool(4);
      const campaign = await openCampaign(s.principal, s.id);
      await submitScanAt(t, s.teacherIds[0], instantFromNow(-1), allAnswers(2));
      await submitScanAt(t, s.teacherIds[1], instantFromNow(-2), allAnswers(3));
      await startScanAt(t, s.teacherIds[2], instantFromNow(-1));
      // Submitted before the window: it does not count.
      await submitScanAt(t, s.teacherIds[3], instantFromNow(-30), allAnswers(1));
      const response = await s.ict.request({ method: 'GET', url: url(s.id, campaign.id) });
      expect(response.statusCode).toBe(200);
      expect(response.json().participation).toEqual({ invited: 5, started: 3, completed: 2 });
      expect(JSON.stringify(response.json())).not.toContain(s.teacherIds[0]);
      const list = await board.request({ method: 'GET', url: url(school.id) });
      expect(list.statusCode).toBe(200);
      const mine = await s.principal.request({ method: 'GET', url: url(s.id) });
      expect(mine.json().items.map((c: { id: string }) => c.id)).toEqual([campaign.id]);
      expect(mine.json().items[0].participation.completed).toBe(2);
    });

    it('lists newest window first', async () => {
      const s = await freshSchool();
      const first = await openCampaign(s.principal, s.id, { opensOn: dayFromToday(0), closesOn: dayFromToday(5) });
      const second = await openCampaign(s.principal, s.id, { opensOn: dayFromToday(30), closesOn: dayFromToday(40) });
      const items = (await s.principal.request({ method: 'GET', url: url(s.id) })).json().items;
      expect(items.map((c: { id: string }) => c.id)).toEqual([second.id, first.id]);
    });

    it('hides campaigns from teachers (403), other schools and the admin (404), and needs a session', async () => {
      const campaign = await openCampaign(school.principal, school.id, { opensOn: dayFromToday(200), closesOn: dayFromToday(210) });
      expect(errorOf(await teacher.request({ method: 'GET', url: url(school.id) }))).toMatchObject({ status: 403 });
      expect(errorOf(await teacher.request({ method: 'GET', url: url(school.id, campaign.id) }))).toMatchObject({ status: 403 });
      expect(errorOf(await other.principal.request({ method: 'GET', url: url(school.id) }))).toMatchObject({ status: 404 });
      expect(errorOf(await other.principal.request({ method: 'GET', url: url(other.id, campaign.id) }))).toMatchObject({ status: 404, field: 'params.campaignId' });
      expect(errorOf(await admin.request({ method: 'GET', url: url(school.id, campaign.id) }))).toMatchObject({ status: 404 });
      expect(errorOf(await school.principal.request({ method: 'GET', url: url(school.id, 'nope') }))).toMatchObject({ status: 404, field: 'params.campaignId' });
      expect(errorOf(await t.app.inject({ method: 'GET', url: url(school.id) }))).toMatchObject({ status: 401 });
      expect(errorOf(await t.app.inject({ method: 'GET', url: url(school.id, campaign.id) }))).toMatchObject({ status: 401 });
    });
  });

  describe('closeCampaign and reopenCampaign', () => {
    it('closes now: a scan submitted afterwards does not count; reopening counts it', async () => {
      const s = await freshSchool(2);
      const campaign = await openCampaign(s.principal, s.id);
      await submitScanAt(t, s.teacherIds[0], instantFromNow(-1), allAnswers(2));
      const closed = await s.ict.request({ method: 'POST', url: url(s.id, campaign.id, 'close') });
      expect(closed.statusCode).toBe(200);
      expect(closed.json()).toMatchObject({ status: 'closed', participation: { completed: 1 } });
      expect(closed.json().closedAt).toEqual(expect.any(String));
      await submitScanAt(t, s.teacherIds[1], instantFromNow(1 / 24), allAnswers(2));
      expect((await s.principal.request({ method: 'GET', url: url(s.id, campaign.id) })).json().participation.completed).toBe(1);
      expect(errorOf(await s.principal.request({ method: 'POST', url: url(s.id, campaign.id, 'close') }))).toMatchObject({ status: 409, id: 'conflict' });

      const reopened = await s.principal.request({ method: 'POST', url: url(s.id, campaign.id, 'reopen') });
      expect(reopened.statusCode).toBe(200);
      expect(reopened.json()).toMatchObject({ status: 'open', closedAt: null, participation: { completed: 2 } });
      expect(errorOf(await s.principal.request({ method: 'POST', url: url(s.id, campaign.id, 'reopen') }))).toMatchObject({ status: 409 });
    });

    it('reopens to a new last day; refuses a day in the past and a window over another campaign', async () => {
      const s = await freshSchool();
      const campaign = await openCampaign(s.principal, s.id, { opensOn: dayFromToday(0), closesOn: dayFromToday(5) });
      await openCampaign(s.principal, s.id, { opensOn: dayFromToday(20), closesOn: dayFromToday(25) });
      await s.principal.request({ method: 'POST', url: url(s.id, campaign.id, 'close') });
      const reopen = (payload: Record<string, unknown>) => s.principal.request({ method: 'POST', url: url(s.id, campaign.id, 'reopen'), payload });
      expect(errorOf(await reopen({ closesOn: dayFromToday(-1) }))).toMatchObject({ status: 400, field: 'body.closesOn' });
      expect(errorOf(await reopen({ closesOn: 'soon' }))).toMatchObject({ status: 400, field: 'body.closesOn' });
      expect(errorOf(await reopen({ closesOn: dayFromToday(22) }))).toMatchObject({ status: 409, field: 'body.opensOn' });
      const ok = await reopen({ closesOn: dayFromToday(12) });
      expect(ok.statusCode).toBe(200);
      expect(ok.json()).toMatchObject({ status: 'open', closesOn: dayFromToday(12) });
    });

    it('is for managers only, and needs a session', async () => {
      const s = await freshSchool();
      const campaign = await openCampaign(s.principal, s.id);
      const member = await t.user('teacher', { schoolId: s.id });
      for (const action of ['close', 'reopen']) {
        expect(errorOf(await member.request({ method: 'POST', url: url(s.id, campaign.id, action) }))).toMatchObject({ status: 403 });
        expect(errorOf(await other.principal.request({ method: 'POST', url: url(s.id, campaign.id, action) }))).toMatchObject({ status: 404 });
        expect(errorOf(await t.app.inject({ method: 'POST', url: url(s.id, campaign.id, action) }))).toMatchObject({ status: 401 });
      }
    });
  });

  describe('remindCampaign', () => {
    const outboxTo = async (address: string) => t.app.db.kysely.selectFrom('outbox').select(['subject', 'text_body']).where('to_address', '=', address).execute();

    it('mails those who have not submitted, says how many and never who, and once a day at most', async () => {
      const s = await freshSchool(3);
      const campaign = await openCampaign(s.principal, s.id);
      await submitScanAt(t, s.teacherIds[0], instantFromNow(-1), allAnswers(2));
      const response = await s.principal.request({ method: 'POST', url: url(s.id, campaign.id, 'reminders') });
      expect(response.statusCode).toBe(200);
      // Two teachers without a scan, and the ICT coordinator (who takes Digisnap too).
      expect(response.json()).toEqual({ sent: 3, sentAt: expect.any(String) });
      const users = await t.app.services.auth.usersByIds(s.teacherIds);
      const email = (id: string) => users.find((u) => u.id === id)!.email;
      expect(await outboxTo(email(s.teacherIds[0]))).toEqual([]);
      const mail = await outboxTo(email(s.teacherIds[1]));
      expect(mail).toHaveLength(1);
      expect(mail[0].subject).toContain('Digisnap');
      expect(mail[0].text_body).toContain('/scan');
      // The knowledge centre's words, and the closing day in nl-BE and English formats.
      expect(mail[0].text_body).toMatch(/De Digisnap-afname van .+ loopt tot en met \d{2}\/\d{2}\/\d{4}\./);
      expect(mail[0].text_body).toMatch(/The Digisnap round of .+ runs until \d{2}\/\d{2}\/\d{4} inclusive\./);
      expect(mail[0].text_body).not.toMatch(/campagne|campaign/i);
      expect(await outboxTo(s.ict.email)).toHaveLength(1);
      expect(await outboxTo(s.principal.email)).toEqual([]);
      expect((await s.principal.request({ method: 'GET', url: url(s.id, campaign.id) })).json().reminders).toMatchObject({ rounds: 1, sent: 3 });
      expect(errorOf(await s.ict.request({ method: 'POST', url: url(s.id, campaign.id, 'reminders') }))).toMatchObject({ status: 429, id: 'rate_limited' });
    });

    it('with everyone finished, sends nothing and keeps the day’s round for someone who joins later', async () => {
      const s = await freshSchool(1);
      const campaign = await openCampaign(s.principal, s.id);
      for (const id of [s.teacherIds[0], s.ict.userId]) await submitScanAt(t, id, instantFromNow(-1), allAnswers(2));
      const remind = () => s.principal.request({ method: 'POST', url: url(s.id, campaign.id, 'reminders') });
      const nobody = await remind();
      expect(nobody.statusCode).toBe(200);
      expect(nobody.json()).toEqual({ sent: 0, sentAt: null });
      expect((await s.principal.request({ method: 'GET', url: url(s.id, campaign.id) })).json().reminders).toEqual({ rounds: 0, sent: 0, lastSentAt: null });
      await addTeacher(t, s.id);
      expect((await remind()).json()).toEqual({ sent: 1, sentAt: expect.any(String) });
    });

    it('sends nothing outside an open campaign (409), and only for managers', async () => {
      const s = await freshSchool(1);
      const campaign = await openCampaign(s.principal, s.id, { opensOn: dayFromToday(5), closesOn: dayFromToday(9) });
      expect(errorOf(await s.principal.request({ method: 'POST', url: url(s.id, campaign.id, 'reminders') }))).toMatchObject({ status: 409 });
      const member = await t.user('teacher', { schoolId: s.id });
      expect(errorOf(await member.request({ method: 'POST', url: url(s.id, campaign.id, 'reminders') }))).toMatchObject({ status: 403 });
      expect(errorOf(await board.request({ method: 'POST', url: url(s.id, campaign.id, 'reminders') }))).toMatchObject({ status: 404 });
      expect(errorOf(await t.app.inject({ method: 'POST', url: url(s.id, campaign.id, 'reminders') }))).toMatchObject({ status: 401 });
    });
  });

  it('counts a member’s scan once, by the latest one submitted in the window', async () => {
    const s = await freshSchool(1);
    const campaign = await openCampaign(s.principal, s.id);
    await submitScanAt(t, s.teacherIds[0], instantFromNow(-3), allAnswers(1));
    await submitScanAt(t, s.teacherIds[0], instantFromNow(-2), allAnswers(3));
    const late = await addTeacher(t, s.id);
    await submitScanAt(t, late, instantFromNow(-1), allAnswers(3));
    expect((await s.principal.request({ method: 'GET', url: url(s.id, campaign.id) })).json().participation).toEqual({ invited: 3, started: 2, completed: 2 });
  });
});
