import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { brusselsDate } from '../../src/shared/school/campaign/campaign';
import { defaultBudgetSettings, schoolBudgetSchema } from '../../src/shared/school/training-budget/training-budget';
import { errorOf, startTestApp, type TestApp, type TestClient } from '../support/test-app';
import { createSchool, dayFromToday, type School } from './campaign-fixtures';
import { createSession, createTraining, providerAccount, sessionInput } from './catalogue-fixtures';

const budgetUrl = (schoolId: string, query = '') => `/api/schools/${schoolId}/budget${query}`;
const settingsUrl = (schoolId: string) => `/api/schools/${schoolId}/budget/settings`;
const today = brusselsDate(new Date());
const yearOf = (isoDay: string) => Number(isoDay.slice(0, 4));

describe('school ICT training budget', () => {
  let t: TestApp;
  let school: School;
  let other: School;
  let teachers: TestClient[];
  let provider: TestClient;

  beforeAll(async () => {
    t = await startTestApp();
    school = await createSchool(t, { teachers: 0 });
    teachers = [await t.user('teacher', { schoolId: school.id }), await t.user('teacher', { schoolId: school.id }), await t.user('teacher', { schoolId: school.id })];
    await t.user('board_admin', { schoolId: school.id });
    other = await createSchool(t, { teachers: 0 });
    provider = (await providerAccount(t)).client;
  });
  afterAll(() => t.close());

  it('starts from the policy’s amounts per staff member, for the school’s staff (board admins are not staff)', async () => {
    const response = await school.principal.request({ method: 'GET', url: budgetUrl(school.id) });
    expect(response.statusCode).toBe(200);
    const budget = schoolBudgetSchema.parse(response.json());
    expect(budget.settings).toEqual(defaultBudgetSettings);
    const topUp = today <= defaultBudgetSettings.topUpEndsOn ? 5 * 12_000 : 0;
    expect(budget.summary).toMatchObject({
      year: yearOf(today),
      asOf: today,
      staff: { count: 5, source: 'members', members: 5 },
      totalCents: topUp + 5 * 6_400,
      plannedCents: 0,
      spentCents: 0,
      leftCents: topUp + 5 * 6_400,
      overBudget: false,
    });
    expect(budget.summary.lines.map((l) => l.id)).toEqual(['digisprong_top_up', 'regular']);
  });

  it('counts study days and the staff’s enrolments as planned, past ones and completions as spent, never cancellations', async () => {
    const training = await createTraining(provider, { priceEuro: 45 });
    const future = await createSession(provider, training.id, sessionInput(3));
    const later = await createSession(provider, training.id, sessionInput(4));
    const past = await createSession(provider, training.id, sessionInput(5));
    const enrol = (client: TestClient, sessionId: string) => client.request({ method: 'POST', url: `/api/sessions/${sessionId}/enrolments` });
    expect((await enrol(teachers[0], future.id)).statusCode).toBe(201);
    const cancelled = (await enrol(teachers[1], later.id)).json();
    expect((await teachers[1].request({ method: 'DELETE', url: `/api/enrolments/${cancelled.id}` })).statusCode).toBe(200);
    expect((await enrol(teachers[2], past.id)).statusCode).toBe(201);
    // The session has happened since: the provider moves it to last week.
    expect((await provider.request({ method: 'PUT', url: `/api/sessions/${past.id}`, payload: sessionInput(-7) })).statusCode).toBe(200);
    // Someone outside the school enrols too: not the school's money.
    expect((await enrol(other.principal, future.id)).statusCode).toBe(201);
    const free = await createTraining(provider, { priceEuro: 30, title: 'Zelfstudie' });
    expect((await teachers[1].request({ method: 'PUT', url: `/api/me/completions/${free.id}`, payload: { completedOn: today } })).statusCode).toBe(204);
    const day = await school.principal.request({
      method: 'POST',
      url: `/api/schools/${school.id}/study-days`,
      payload: { date: dayFromToday(20), trainingId: training.id, participants: 10 },
    });
    const cancelledDay = (
      await school.principal.request({ method: 'POST', url: `/api/schools/${school.id}/study-days`, payload: { date: dayFromToday(21), trainingId: training.id, participants: 10 } })
    ).json();
    await school.principal.request({ method: 'POST', url: `/api/schools/${school.id}/study-days/${cancelledDay.id}/cancel` });

    // Expected sums per budget year (the dates may straddle New Year).
    const expected = new Map<number, { planned: number; spent: number }>();
    const add = (isoDay: string, field: 'planned' | 'spent', cents: number) => {
      const sums = expected.get(yearOf(isoDay)) ?? { planned: 0, spent: 0 };
      sums[field] += cents;
      expected.set(yearOf(isoDay), sums);
    };
    add(sessionInput(3).startsAt.slice(0, 10), 'planned', 4_500);
    add(sessionInput(-7).startsAt.slice(0, 10), 'spent', 4_500);
    add(today, 'spent', 3_000);
    add(day.json().date, 'planned', 45_000);
    for (const [year, sums] of expected) {
      const summary = (await school.ict.request({ method: 'GET', url: budgetUrl(school.id, `?year=${year}`) })).json().summary;
      expect(summary).toMatchObject({ year, plannedCents: sums.planned, spentCents: sums.spent });
      expect(summary.leftCents).toBe(summary.totalCents - sums.planned - sums.spent);
    }
  });

  it('keeps the school’s own settings, flags going over budget, and counts no top-up after its last day', async () => {
    const s = await createSchool(t, { teachers: 0 });
    const put = (payload: Record<string, unknown>) => s.principal.request({ method: 'PUT', url: settingsUrl(s.id), payload });
    const response = await put({ regularPerStaffCents: 7_000, staffCountOverride: 30 });
    expect(response.statusCode).toBe(200);
    expect(response.json().settings).toEqual({ ...defaultBudgetSettings, regularPerStaffCents: 7_000, staffCountOverride: 30 });
    expect(response.json().summary.staff).toEqual({ count: 30, source: 'override', members: 2 });

    const ended = (await put({ topUpEndsOn: dayFromToday(-1), staffCountOverride: 1 })).json();
    expect(ended.summary.lines[0]).toMatchObject({ id: 'digisprong_top_up', available: false, amountCents: 0 });
    expect(ended.settings.regularPerStaffCents).toBe(7_000);
    const training = await createTraining(provider, { priceEuro: 100 });
    await s.ict.request({ method: 'POST', url: `/api/schools/${s.id}/study-days`, payload: { date: dayFromToday(0), trainingId: training.id, participants: 10 } });
    const over = (await s.ict.request({ method: 'GET', url: budgetUrl(s.id) })).json().summary;
    expect(over).toMatchObject({ totalCents: 7_000, plannedCents: 100_000, leftCents: -93_000, overBudget: true });
    // Read back by the board admin, the same settings.
    const boardAdmin = await t.user('board_admin', { schoolId: s.id });
    expect((await boardAdmin.request({ method: 'GET', url: budgetUrl(s.id) })).json().settings.staffCountOverride).toBe(1);
  });

  it('refuses bad input, naming the field', async () => {
    const put = (payload: Record<string, unknown>) => school.principal.request({ method: 'PUT', url: settingsUrl(school.id), payload });
    expect(errorOf(await put({ topUpPerStaffCents: -1 }))).toMatchObject({ status: 400, id: 'validation_error', field: 'body.topUpPerStaffCents' });
    expect(errorOf(await put({ regularPerStaffCents: 64.5 }))).toMatchObject({ status: 400, field: 'body.regularPerStaffCents' });
    expect(errorOf(await put({ topUpEndsOn: '31/12/2026' }))).toMatchObject({ status: 400, field: 'body.topUpEndsOn' });
    expect(errorOf(await put({ staffCountOverride: -3 }))).toMatchObject({ status: 400, field: 'body.staffCountOverride' });
    expect(errorOf(await put({ perPupil: 3 }))).toMatchObject({ status: 400, field: 'body.perPupil' });
    expect(errorOf(await school.principal.request({ method: 'GET', url: budgetUrl(school.id, '?year=twenty') }))).toMatchObject({ status: 400, field: 'querystring.year' });
  });

  it('is for leadership only: teachers 403, other schools 404, no session 401', async () => {
    for (const request of [
      { method: 'GET' as const, url: budgetUrl(school.id) },
      { method: 'PUT' as const, url: settingsUrl(school.id), payload: { staffCountOverride: 3 } },
    ]) {
      expect(errorOf(await teachers[0].request(request))).toMatchObject({ status: 403, id: 'forbidden' });
      expect(errorOf(await other.principal.request(request))).toMatchObject({ status: 404 });
      expect(errorOf(await t.app.inject(request))).toMatchObject({ status: 401 });
    }
    expect((await school.principal.request({ method: 'GET', url: budgetUrl(school.id) })).json().settings.staffCountOverride).toBeNull();
  });

  it('lets the ICT coordinator read the budget but leaves the amounts to leadership', async () => {
    expect((await school.ict.request({ method: 'GET', url: budgetUrl(school.id) })).statusCode).toBe(200);
    const change = { method: 'PUT' as const, url: settingsUrl(school.id), payload: { staffCountOverride: 3 } };
    expect(errorOf(await school.ict.request(change))).toMatchObject({ status: 403, id: 'forbidden' });
    expect((await school.principal.request({ method: 'GET', url: budgetUrl(school.id) })).json().settings.staffCountOverride).toBeNull();
  });
});
