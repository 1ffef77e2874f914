import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, startTestApp, type TestApp, type TestClient } from '../support/test-app';
import {
  addTeacher,
  allAnswers,
  campaignsUrl,
  createSchool,
  dayFromToday,
  instantFromNow,
  openCampaign,
  reportLeaks,
  reportTables,
  reportUrl,
  submitScanAt,
} from './campaign-fixtures';

/**
 * Every way we know to learn one teacher's answers from the school report, tried through the
 * API. Each test is an attack; it fails when the attack succeeds.
 */
describe('privacy of the team report: attacks through the API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const get = (client: TestClient, url: string) => client.request({ method: 'GET', url });

  it('a report of 4 respondents: refused, as JSON and as CSV, and at a threshold above 5 likewise', async () => {
    const s = await createSchool(t, { teachers: 6 });
    for (const id of s.teacherIds.slice(0, 4)) await submitScanAt(t, id, instantFromNow(-1), allAnswers(2));
    const campaign = await openCampaign(s.principal, s.id);
    expect(errorOf(await get(s.principal, reportUrl(s.id, campaign.id)))).toMatchObject({ status: 422, id: 'too_few_respondents' });
    expect(errorOf(await get(s.principal, reportUrl(s.id, campaign.id, '?format=csv')))).toMatchObject({ status: 422, id: 'too_few_respondents' });
    await submitScanAt(t, s.teacherIds[4], instantFromNow(-1), allAnswers(2));
    expect((await get(s.principal, reportUrl(s.id, campaign.id))).statusCode).toBe(200);

    const strict = await createSchool(t, { teachers: 6 });
    for (const id of strict.teacherIds) await submitScanAt(t, id, instantFromNow(-1), allAnswers(2));
    const strictCampaign = await openCampaign(strict.principal, strict.id, { opensOn: dayFromToday(-3), closesOn: dayFromToday(3), minGroupSize: 7 });
    expect(errorOf(await get(strict.principal, reportUrl(strict.id, strictCampaign.id)))).toMatchObject({ status: 422 });
  });

  it('a minimum group size below 5: refused', async () => {
    const s = await createSchool(t, { teachers: 0 });
    for (const minGroupSize of [0, 1, 4]) {
      const response = await s.principal.request({ method: 'POST', url: campaignsUrl(s.id), payload: { opensOn: dayFromToday(0), closesOn: dayFromToday(5), minGroupSize } });
      expect(errorOf(response)).toMatchObject({ status: 400, field: 'body.minGroupSize' });
    }
  });

  it('a breakdown cell of 1–4 (one art teacher, four STEM teachers): a count, never a mean, in JSON and CSV', async () => {
    const s = await createSchool(t, { teachers: 15 });
    const subjects = ['arts', 'stem', 'stem', 'stem', 'stem', ...Array(10).fill('languages')];
    for (const [i, id] of s.teacherIds.entries()) {
      await submitScanAt(t, id, instantFromNow(-1), allAnswers([1, 2, 4][i % 3]), { subject: subjects[i], experience: i < 2 ? '21_plus' : '6_10' });
    }
    const campaign = await openCampaign(s.principal, s.id);
    const report = (await get(s.principal, reportUrl(s.id, campaign.id))).json();
    expect(reportLeaks(report)).toEqual([]);
    const subject = report.breakdowns.find((b: { question: string }) => b.question === 'subject');
    const group = (value: string) => subject.groups.find((g: { value: string }) => g.value === value);
    // Shown, not hidden: in production every such count carries noise (campaign-report-noise.test.ts
    // replays the attack with noise); this suite's server draws none, so the true counts show.
    expect(group('arts').respondents.count).toBe(1);
    expect(
      group('stem')
        .bands.map((b: { count: number }) => b.count)
        .reduce((a: number, b: number) => a + b, 0),
    ).toBe(4);
    // What a mean would have given away is not there: no score, mean or points in JSON or CSV.
    const csv = (await get(s.principal, reportUrl(s.id, campaign.id, '?format=csv'))).body;
    expect(csv.split('\r\n')[0]).not.toMatch(/gemiddelde|mean/);
    expect(JSON.stringify(report)).not.toMatch(/"mean|Sum"|score"|points"/i);
  });

  it('no hidden cell to recover: bands and B-or-above are sums of the published level cells', async () => {
    const s = await createSchool(t, { teachers: 16 });
    // 7 at A, 3 at B, 6 at C.
    for (const [i, id] of s.teacherIds.entries()) await submitScanAt(t, id, instantFromNow(-1), allAnswers(i < 7 ? 1 : i < 10 ? 2 : 4));
    const campaign = await openCampaign(s.principal, s.id);
    const report = (await get(s.principal, reportUrl(s.id, campaign.id))).json();
    expect(report.overall.bands.map((b: { count: number }) => b.count)).toEqual([7, 3, 6]);
    expect(reportLeaks(report)).toEqual([]);
    for (const table of [report.overall, ...report.areas, ...report.competences]) {
      const levels = (codes: string[]) => table.levels.filter((l: { level: string }) => codes.includes(l.level)).reduce((acc: number, l: { count: number }) => acc + l.count, 0);
      expect(table.bands.map((b: { count: number }) => b.count)).toEqual([levels(['A1', 'A2']), levels(['B1', 'B2']), levels(['C1', 'C2'])]);
      expect(table.bOrAbove.count).toBe(levels(['B1', 'B2', 'C1', 'C2']));
    }
  });

  it('close at 5, reopen for a 6th, remove one, retake: the round stays fixed until 5 new respondents came', async () => {
    const s = await createSchool(t, { teachers: 10 });
    const campaign = await openCampaign(s.principal, s.id);
    for (const [i, id] of s.teacherIds.slice(0, 5).entries()) await submitScanAt(t, id, instantFromNow(-1), allAnswers([1, 2, 4, 2, 1][i]));
    await s.principal.request({ method: 'POST', url: `${campaignsUrl(s.id)}/${campaign.id}/close` });
    const atFive = (await get(s.principal, reportUrl(s.id, campaign.id))).json();
    expect(atFive).toMatchObject({ respondents: 5, state: 'current', note: null });
    const csvAtFive = (await get(s.principal, reportUrl(s.id, campaign.id, '?format=csv'))).body;

    // The 6th teacher, with answers unlike anyone's, after reopening.
    await s.principal.request({ method: 'POST', url: `${campaignsUrl(s.id)}/${campaign.id}/reopen` });
    await submitScanAt(t, s.teacherIds[5], new Date().toISOString(), allAnswers(5));
    expect((await get(s.principal, `${campaignsUrl(s.id)}/${campaign.id}`)).json().participation.completed).toBe(6);
    const atSix = (await get(s.principal, reportUrl(s.id, campaign.id))).json();
    expect(atSix).toMatchObject({ respondents: 5, state: 'kept', note: { id: 'earlier_state_kept' } });
    expect(reportTables(atSix)).toEqual(reportTables(atFive));
    const withoutState = (csv: string) => csv.split('\r\n').filter((line) => !/;(gepubliceerd|eerdere stand behouden);/.test(line));
    expect(withoutState((await get(s.principal, reportUrl(s.id, campaign.id, '?format=csv'))).body)).toEqual(withoutState(csvAtFive));
    // The ICT coordinator sees the same.
    expect(reportTables((await get(s.ict, reportUrl(s.id, campaign.id))).json())).toEqual(reportTables(atFive));

    // Removing a respondent from the school, or one retaking the scan, changes nothing: both stay in the round as counted.
    const removed = await s.principal.request({ method: 'DELETE', url: `/api/schools/${s.id}/members/${s.teacherIds[0]}` });
    expect(removed.statusCode).toBe(204);
    await submitScanAt(t, s.teacherIds[1], new Date().toISOString(), allAnswers(4));
    const afterSwap = (await get(s.principal, reportUrl(s.id, campaign.id))).json();
    expect(afterSwap.state).toBe('kept');
    expect(reportTables(afterSwap)).toEqual(reportTables(atFive));

    // Three more new respondents: 4 new in all, still fewer than 5.
    for (const id of s.teacherIds.slice(6, 9)) await submitScanAt(t, id, new Date().toISOString(), allAnswers(2));
    expect(reportTables((await get(s.principal, reportUrl(s.id, campaign.id))).json())).toEqual(reportTables(atFive));
    // The fifth new one: a new state, of the 5 first (the removed one and the first scan of the one who retook among them) and the 5 new.
    await submitScanAt(t, s.teacherIds[9], new Date().toISOString(), allAnswers(2));
    const moved = (await get(s.principal, reportUrl(s.id, campaign.id))).json();
    expect(moved).toMatchObject({ respondents: 10, state: 'current', note: null });
    expect(moved.publishedAt > atFive.publishedAt).toBe(true);
    // Teacher 1's retake (C1 everywhere) does not count: C holds what the first five had at C and the 6th (C2 everywhere).
    const atC = (report: { overall: { bands: Array<{ band: string; count: number }> } }) => report.overall.bands.find((b) => b.band === 'C')!.count;
    expect(atC(moved)).toBe(atC(atFive) + 1);
    expect(reportLeaks(moved)).toEqual([]);
  });

  it('a second campaign over the first one’s window, to subtract the two: refused', async () => {
    const s = await createSchool(t, { teachers: 6 });
    for (const id of s.teacherIds) await submitScanAt(t, id, instantFromNow(-3), allAnswers(2));
    const first = await openCampaign(s.principal, s.id, { opensOn: dayFromToday(-5), closesOn: dayFromToday(1) });
    await s.principal.request({ method: 'POST', url: `${campaignsUrl(s.id)}/${first.id}/close` });
    const wider = await s.ict.request({ method: 'POST', url: campaignsUrl(s.id), payload: { opensOn: dayFromToday(0), closesOn: dayFromToday(3) } });
    expect(errorOf(wider)).toMatchObject({ status: 409, id: 'conflict' });
  });

  it('a principal of school X asking for school Y’s report: not found, by either path', async () => {
    const x = await createSchool(t, { teachers: 0 });
    const y = await createSchool(t, { teachers: 5 });
    for (const id of y.teacherIds) await submitScanAt(t, id, instantFromNow(-1), allAnswers(2));
    const campaign = await openCampaign(y.principal, y.id);
    expect((await get(y.principal, reportUrl(y.id, campaign.id))).statusCode).toBe(200);
    expect(errorOf(await get(x.principal, reportUrl(y.id, campaign.id)))).toMatchObject({ status: 404, id: 'not_found' });
    expect(errorOf(await get(x.principal, reportUrl(x.id, campaign.id)))).toMatchObject({ status: 404, id: 'not_found' });
    expect(errorOf(await get(x.ict, reportUrl(y.id, campaign.id, '?format=csv')))).toMatchObject({ status: 404 });
  });

  it('a teacher asking for their school’s report: forbidden; for another school’s: not found', async () => {
    const s = await createSchool(t, { teachers: 5 });
    for (const id of s.teacherIds) await submitScanAt(t, id, instantFromNow(-1), allAnswers(2));
    const campaign = await openCampaign(s.principal, s.id);
    const teacher = await t.user('teacher', { schoolId: s.id });
    const elsewhere = await t.user('teacher');
    expect(errorOf(await get(teacher, reportUrl(s.id, campaign.id)))).toMatchObject({ status: 403, id: 'forbidden' });
    expect(errorOf(await get(teacher, `${campaignsUrl(s.id)}/${campaign.id}`))).toMatchObject({ status: 403 });
    expect(errorOf(await get(elsewhere, reportUrl(s.id, campaign.id)))).toMatchObject({ status: 404 });
  });

  it('the admin reading a teacher’s answers: there is no route for it', async () => {
    const s = await createSchool(t, { teachers: 5 });
    for (const id of s.teacherIds) await submitScanAt(t, id, instantFromNow(-1), allAnswers(2));
    const campaign = await openCampaign(s.principal, s.id);
    const admin = await t.user('admin');
    const scans = await t.app.services.digisnap.listScans(s.teacherIds[0]);
    expect(errorOf(await get(admin, `/api/scans/${scans[0].id}`))).toMatchObject({ status: 404 });
    expect(errorOf(await get(admin, reportUrl(s.id, campaign.id)))).toMatchObject({ status: 404 });
    expect(errorOf(await get(admin, `/api/users/${s.teacherIds[0]}/scans`))).toMatchObject({ status: 404 });

    // Every route that touches scans, answers or profiles is the caller's own. Two kinds of
    // answers belong to no person and are left out: the school's cybersecurity check (the
    // school's answers, given by its managers) and the anonymous reflection responses, reached
    // only through the respondent's own token.
    const paths = Object.keys((await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json().paths);
    const schoolOwned = /^\/api\/(schools\/\{schoolId\}\/cyber-checks\/|reflection-responses\/\{token\}\/)/;
    const personal = paths.filter((p) => (/scan|answer|profile/i.test(p) || p === '/api/me/export') && !schoolOwned.test(p));
    expect(personal.length).toBeGreaterThan(0);
    for (const path of personal) {
      expect(path, path).toMatch(/^\/api\/(me\/|scans(\/\{scanId\}|$))/);
      expect(path, path).not.toMatch(/\{userId\}|\{teacherId\}/);
    }
    for (const path of paths.filter((p) => p.includes('/campaigns'))) expect(path, path).not.toMatch(/\{userId\}|\{scanId\}/);
  });

  it('participation and reminders are counts: no response names a respondent', async () => {
    const s = await createSchool(t, { teachers: 6 });
    const late = await addTeacher(t, s.id);
    for (const id of s.teacherIds) await submitScanAt(t, id, instantFromNow(-1), allAnswers(2));
    const campaign = await openCampaign(s.principal, s.id);
    const bodies = [
      (await get(s.principal, `${campaignsUrl(s.id)}/${campaign.id}`)).body,
      (await get(s.principal, campaignsUrl(s.id))).body,
      (await get(s.principal, reportUrl(s.id, campaign.id))).body,
      (await get(s.principal, reportUrl(s.id, campaign.id, '?format=csv'))).body,
      (await s.principal.request({ method: 'POST', url: `${campaignsUrl(s.id)}/${campaign.id}/reminders` })).body,
    ];
    // The admin's outbox holds the reminder, but not who it went to, nor can it be searched by address.
    const admin = await t.user('admin');
    bodies.push((await get(admin, '/api/admin/outbox')).body);
    const lateUser = (await t.app.services.auth.usersByIds([late]))[0];
    const byAddress = await get(admin, `/api/admin/outbox?to=${encodeURIComponent(lateUser.email)}`);
    expect(byAddress.json().items).toEqual([]);
    const users = await t.app.services.auth.usersByIds([...s.teacherIds, late]);
    for (const body of bodies) {
      for (const user of users) {
        expect(body).not.toContain(user.id);
        expect(body).not.toContain(user.email);
        expect(body).not.toContain(user.displayName);
      }
    }
  });
});
