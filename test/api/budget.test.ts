import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { brusselsDate } from '../../src/shared/school/campaign/campaign';
import { schoolYearOf } from '../../src/shared/school/policy-plan/policy-plan-rules';
import { defaultBudgetSettings, schoolBudgetSchema } from '../../src/shared/school/training-budget/training-budget';
import { errorOf, startTestApp, type TestApp, type TestClient } from '../support/test-app';
import { createSchool, dayFromToday, type School } from './campaign-fixtures';
import { createSession, createTraining, providerAccount, sessionInput } from './catalogue-fixtures';

const budgetUrl = (schoolId: string, query = '') => `/api/schools/${schoolId}/budget${query}`;
const settingsUrl = (schoolId: string) => `/api/schools/${schoolId}/budget/settings`;
const today = brusselsDate(new Date());
const yearOf = (isoDay: string) => schoolYearOf(isoDay);

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

  it('starts from the policy’s amount per staff member and school year, and an envelope without posts', async () => {
    const response = await school.principal.request({ method: 'GET', url: budgetUrl(school.id) });
    expect(response.statusCode).toBe(200);
    const budget = schoolBudgetSchema.parse(response.json());
    expect(budget.settings).toEqual(defaultBudgetSettings);
    const [start] = yearOf(today).split('-');
    expect(budget.summary).toMatchObject({
      schoolYear: yearOf(today),
      from: `${start}-09-01`,
      until: `${Number(start) + 1}-08-31`,
      asOf: today,
      staff: { count: 5, source: 'members', members: 5 },
      perStaffCents: 6_400,
      totalCents: 5 * 6_400,
      plannedCents: 0,
      spentCents: 0,
      leftCents: 5 * 6_400,
      overBudget: false,
    });
    // Not the number of members: nothing until the school enters its posts.
    expect(budget.envelope).toMatchObject({
      posts: null,
      perPostCents: 12_000,
      countedOn: '2021-02-01',
      spendFrom: '2022-06-01',
      spendUntil: '2026-07-31',
      state: today > '2026-07-31' ? 'closed' : 'open',
      amountCents: 0,
      source: { url: 'https://eduzine.be/artikel/extra-nascholingsmiddelen-voor-ict-opleidingen' },
    });
    expect(budget.envelope.tranches.map((t) => [t.sharePercent, t.paidBy])).toEqual([
      [60, '2022-08-31'],
      [40, '2022-12-31'],
    ]);
  });

  it('computes the envelope once from the posts the principal enters, exactly as entered, and counts the ICT trainings followed inside its window', async () => {
    const s = await createSchool(t, { teachers: 0 });
    const teacher = await t.user('teacher', { schoolId: s.id });
    const put = (payload: Record<string, unknown>) => s.principal.request({ method: 'PUT', url: settingsUrl(s.id), payload });
    const saved = await put({ envelopePosts: 23.75 });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().settings.envelopePosts).toBe(23.75);
    expect(saved.json().envelope).toMatchObject({ posts: 23.75, amountCents: 285_000 });
    expect(saved.json().envelope.tranches.map((t: { amountCents: number }) => t.amountCents)).toEqual([171_000, 114_000]);

    const training = await createTraining(provider, { priceEuro: 80 });
    const complete = (completedOn: string) => teacher.request({ method: 'PUT', url: `/api/me/completions/${training.id}`, payload: { completedOn } });
    // One completion per training and teacher: move it across the window's edges and read the envelope each time.
    const envelopeAfter = async (completedOn: string) => {
      expect((await complete(completedOn)).statusCode).toBe(204);
      return (await s.ict.request({ method: 'GET', url: budgetUrl(s.id) })).json().envelope;
    };
    expect(await envelopeAfter('2022-05-31')).toMatchObject({ spentCents: 0, leftCents: 285_000 });
    expect(await envelopeAfter('2022-06-01')).toMatchObject({ spentCents: 8_000, leftCents: 277_000 });
    expect(await envelopeAfter('2026-07-31')).toMatchObject({ spentCents: 8_000, leftCents: 277_000 });
    expect(await envelopeAfter('2026-08-01')).toMatchObject({ spentCents: 0, leftCents: 285_000 });

    // The regular budget of school year 2025-2026 runs to 31 August 2026, so it counts the training of 1 August.
    const year = (await s.principal.request({ method: 'GET', url: budgetUrl(s.id, '?schoolYear=2025-2026') })).json().summary;
    expect(year).toMatchObject({ schoolYear: '2025-2026', from: '2025-09-01', until: '2026-08-31', spentCents: 8_000 });
    const next = (await s.principal.request({ method: 'GET', url: budgetUrl(s.id, '?schoolYear=2026-2027') })).json().summary;
    expect(next.spentCents).toBe(0);

    // Clearing the posts leaves the envelope at zero; the other settings stay.
    const cleared = (await put({ envelopePosts: null })).json();
    expect(cleared.settings).toEqual({ ...defaultBudgetSettings });
    expect(cleared.envelope.amountCents).toBe(0);
    expect((await put({ envelopePosts: 0.01 })).json().envelope.amountCents).toBe(120);
    expect((await put({ envelopePosts: 5_000 })).json().envelope.amountCents).toBe(60_000_000);
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

    // Expected sums per school year (the dates may straddle 1 September).
    const expected = new Map<string, { planned: number; spent: number }>();
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
      const summary = (await school.ict.request({ method: 'GET', url: budgetUrl(school.id, `?schoolYear=${year}`) })).json().summary;
      expect(summary).toMatchObject({ schoolYear: year, plannedCents: sums.planned, spentCents: sums.spent });
      expect(summary.leftCents).toBe(summary.totalCents - sums.planned - sums.spent);
    }
  });

  it('follows the clock on the Brussels calendar: the envelope closes after 31 July 2026, the school year turns on 1 September', async () => {
    const s = await createSchool(t, { teachers: 0 });
    expect((await s.principal.request({ method: 'PUT', url: settingsUrl(s.id), payload: { envelopePosts: 10 } })).statusCode).toBe(200);
    const at = (instant: string) => t.app.services.budgets.withClock(() => new Date(instant)).getBudget(s.principal.userId, s.id);
    expect((await at('2022-05-31T21:59:00Z')).envelope.state).toBe('not_yet_open');
    expect((await at('2022-05-31T22:00:00Z')).envelope.state).toBe('open'); // midnight in Brussels (summer time)
    expect((await at('2026-07-31T21:59:00Z')).envelope).toMatchObject({ state: 'open', amountCents: 120_000 });
    expect((await at('2026-07-31T22:00:00Z')).envelope).toMatchObject({ state: 'closed', amountCents: 120_000 });
    expect((await at('2026-08-31T21:59:00Z')).summary.schoolYear).toBe('2025-2026');
    expect((await at('2026-08-31T22:00:00Z')).summary).toMatchObject({ schoolYear: '2026-2027', asOf: '2026-09-01' });
  });

  it('keeps the school’s own settings and flags going over budget', async () => {
    const s = await createSchool(t, { teachers: 0 });
    const put = (payload: Record<string, unknown>) => s.principal.request({ method: 'PUT', url: settingsUrl(s.id), payload });
    const response = await put({ regularPerStaffCents: 7_000, staffCountOverride: 30 });
    expect(response.statusCode).toBe(200);
    expect(response.json().settings).toEqual({ ...defaultBudgetSettings, regularPerStaffCents: 7_000, staffCountOverride: 30 });
    expect(response.json().summary.staff).toEqual({ count: 30, source: 'override', members: 2 });

    const one = (await put({ staffCountOverride: 1 })).json();
    expect(one.settings.regularPerStaffCents).toBe(7_000);
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
    expect(errorOf(await put({ regularPerStaffCents: -1 }))).toMatchObject({ status: 400, id: 'validation_error', field: 'body.regularPerStaffCents' });
    expect(errorOf(await put({ regularPerStaffCents: 64.5 }))).toMatchObject({ status: 400, field: 'body.regularPerStaffCents' });
    expect(errorOf(await put({ staffCountOverride: -3 }))).toMatchObject({ status: 400, field: 'body.staffCountOverride' });
    expect(errorOf(await put({ perPupil: 3 }))).toMatchObject({ status: 400, field: 'body.perPupil' });
    // The old top-up settings are gone: the envelope is data now.
    expect(errorOf(await put({ topUpEndsOn: '2027-12-31' }))).toMatchObject({ status: 400, field: 'body.topUpEndsOn' });
    for (const envelopePosts of [-0.01, -5, 1.234, 5_000.01, 'NaN', '23,5', true]) {
      expect(errorOf(await put({ envelopePosts }))).toMatchObject({ status: 400, id: 'validation_error', field: 'body.envelopePosts' });
    }
    // JSON has no NaN: a body that writes it is no JSON.
    const nan = await school.principal.request({ method: 'PUT', url: settingsUrl(school.id), payload: '{"envelopePosts": NaN}', headers: { 'content-type': 'application/json' } });
    expect(errorOf(nan)).toMatchObject({ status: 400, id: 'validation_error' });
    // Nothing of a refused request was written, not even its valid part.
    expect(errorOf(await put({ staffCountOverride: 9, envelopePosts: -1 }))).toMatchObject({ status: 400, field: 'body.envelopePosts' });
    expect((await school.principal.request({ method: 'GET', url: budgetUrl(school.id) })).json().settings).toEqual(defaultBudgetSettings);
    for (const schoolYear of ['2025-2027', '2025', 'twenty']) {
      expect(errorOf(await school.principal.request({ method: 'GET', url: budgetUrl(school.id, `?schoolYear=${schoolYear}`) }))).toMatchObject({
        status: 400,
        field: 'querystring.schoolYear',
      });
    }
  });

  it('is for leadership only: teachers 403, other schools 404, no session 401', async () => {
    for (const request of [
      { method: 'GET' as const, url: budgetUrl(school.id) },
      { method: 'PUT' as const, url: settingsUrl(school.id), payload: { staffCountOverride: 3 } },
      { method: 'PUT' as const, url: settingsUrl(school.id), payload: { envelopePosts: 12 } },
    ]) {
      expect(errorOf(await teachers[0].request(request))).toMatchObject({ status: 403, id: 'forbidden' });
      expect(errorOf(await other.principal.request(request))).toMatchObject({ status: 404 });
      expect(errorOf(await t.app.inject(request))).toMatchObject({ status: 401 });
    }
    expect((await school.principal.request({ method: 'GET', url: budgetUrl(school.id) })).json().settings).toEqual(defaultBudgetSettings);
    // Another school's principal cannot enter this school's posts either, nor read them.
    expect(errorOf(await other.principal.request({ method: 'GET', url: budgetUrl(school.id, '?schoolYear=2025-2026') }))).toMatchObject({ status: 404 });
  });

  it('lets the ICT coordinator read the budget but leaves the amounts to leadership', async () => {
    expect((await school.ict.request({ method: 'GET', url: budgetUrl(school.id) })).statusCode).toBe(200);
    for (const payload of [{ staffCountOverride: 3 }, { envelopePosts: 30 }]) {
      expect(errorOf(await school.ict.request({ method: 'PUT' as const, url: settingsUrl(school.id), payload }))).toMatchObject({ status: 403, id: 'forbidden' });
    }
    expect((await school.principal.request({ method: 'GET', url: budgetUrl(school.id) })).json().settings.staffCountOverride).toBeNull();
  });
});
