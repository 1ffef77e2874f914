import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { studyDaySchema, trainingSuggestionsSchema } from '../../src/shared/school/training-plan/training-plan';
import { errorOf, startTestApp, type TestApp, type TestClient } from '../support/test-app';
import { type AnswerPattern, allAnswers, createSchool, dayFromToday, instantFromNow, openCampaign, reportUrl, type School, submitScanAt } from './campaign-fixtures';
import { createSession, createTraining, providerAccount, sessionInput } from './catalogue-fixtures';

/** Option 1 (A2) everywhere but area 6, where option 0 (A1): area 6 is the priority. */
const weakInArea6: AnswerPattern = (i) => (i >= 17 ? 0 : 1);

/** 15 teachers: 4 in band A, 6 at B1, 5 at C; in competence 6.1 the report shows 4 at A1, 6 at B1 and 5 at C1. */
async function teamOfFifteen(t: TestApp, school: School) {
  for (const [i, id] of school.teacherIds.entries()) await submitScanAt(t, id, instantFromNow(-2), i < 4 ? weakInArea6 : i < 10 ? allAnswers(2) : allAnswers(4));
}

const suggestionsUrl = (schoolId: string, campaignId: string, query = '') => `/api/schools/${schoolId}/campaigns/${campaignId}/training-suggestions${query}`;
const studyDaysUrl = (schoolId: string) => `/api/schools/${schoolId}/study-days`;

describe('team training plan', () => {
  let t: TestApp;
  let school: School;
  let other: School;
  let campaignId: string;
  let teacher: TestClient;
  let board: TestClient;
  const ids: Record<string, string> = {};
  const sessions: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp();
    school = await createSchool(t, { teachers: 15 });
    await teamOfFifteen(t, school);
    campaignId = (await openCampaign(school.principal, school.id)).id;
    teacher = await t.user('teacher', { schoolId: school.id });
    board = await t.user('board_admin', { schoolId: school.id });
    other = await createSchool(t, { teachers: 0 });
    const { client } = await providerAccount(t);
    const antwerp = { address: 'Meir 1', postalCode: '2000', city: 'Antwerpen', province: 'antwerpen' as const };
    const make = async (key: string, overrides: Parameters<typeof createTraining>[1], capacity = 20) => {
      ids[key] = (await createTraining(client, { title: `Opleiding ${key}`, ...overrides })).id;
      if (overrides?.kind !== 'self_paced') sessions[key] = (await createSession(client, ids[key], sessionInput(10, { capacity }))).id;
    };
    const step = [{ competence: '6.1', from: 'B1' as const, to: 'B2' as const }];
    await make('team', { kind: 'in_person', levelSteps: step, location: antwerp });
    await make('small', { kind: 'in_person', levelSteps: step, location: antwerp }, 10);
    await make('selfPaced', { kind: 'self_paced', levelSteps: step, location: null });
    await make('farAway', { kind: 'in_person', levelSteps: step, location: { address: 'Markt 1', postalCode: '3500', city: 'Hasselt', province: 'limburg' } });
    await make('otherLevel', { kind: 'in_person', levelSteps: [{ competence: '6.1', from: 'A1', to: 'A2' }], location: antwerp });
    await make('secondary', { kind: 'in_person', levelSteps: step, location: antwerp, educationLevels: ['secondary'] });
  });
  afterAll(() => t.close());

  describe('getTrainingSuggestions', () => {
    it('suggests team and individual trainings for the priority area at the levels the report shows most teachers at', async () => {
      const response = await school.principal.request({ method: 'GET', url: suggestionsUrl(school.id, campaignId) });
      expect(response.statusCode).toBe(200);
      const plan = trainingSuggestionsSchema.parse(response.json());
      expect(plan).toMatchObject({ campaignId, priorityArea: { number: 6, basis: 'largest_share_at_a' }, participants: 15 });
      expect(plan.focus.find((f) => f.competence === '6.1')).toMatchObject({ level: 'B1', count: 6 });
      expect(plan.team.map((s) => s.training.id)).toEqual([ids.team]);
      expect(plan.individual.map((s) => s.training.id).sort()).toEqual([ids.small, ids.selfPaced].sort());
      expect(plan.team[0]).toMatchObject({ competence: '6.1', level: 'B1' });
      expect(plan.team[0].reason.en).toContain('most teachers are at B1');
    });

    it('reads only what the report publishes: its noisy counts and shares', async () => {
      const report = (await school.ict.request({ method: 'GET', url: reportUrl(school.id, campaignId) })).json();
      const plan = (await board.request({ method: 'GET', url: suggestionsUrl(school.id, campaignId) })).json();
      expect(plan.focus.length).toBeGreaterThan(0);
      for (const focus of plan.focus) {
        const cell = report.competences.find((c: { code: string }) => c.code === focus.competence).levels.find((l: { level: string }) => l.level === focus.level);
        expect(cell).toEqual({ level: focus.level, count: focus.count, share: focus.share });
      }
    });

    it('moves a training to individual when its session has no room for the team', async () => {
      const plan = (await school.principal.request({ method: 'GET', url: suggestionsUrl(school.id, campaignId, '?participants=25') })).json();
      expect(plan.participants).toBe(25);
      expect(plan.team).toEqual([]);
      expect(plan.individual.map((s: { training: { id: string } }) => s.training.id)).toContain(ids.team);
    });

    it('refuses bad input, naming the field', async () => {
      expect(errorOf(await school.principal.request({ method: 'GET', url: suggestionsUrl(school.id, campaignId, '?participants=0') }))).toMatchObject({
        status: 400,
        id: 'validation_error',
        field: 'querystring.participants',
      });
      expect(errorOf(await school.principal.request({ method: 'GET', url: suggestionsUrl(school.id, 'nope') }))).toMatchObject({ status: 404, field: 'params.campaignId' });
    });

    it('is for leadership only: teachers 403, other schools 404, no session 401; too few respondents 422', async () => {
      expect(errorOf(await teacher.request({ method: 'GET', url: suggestionsUrl(school.id, campaignId) }))).toMatchObject({ status: 403, id: 'forbidden' });
      expect(errorOf(await other.principal.request({ method: 'GET', url: suggestionsUrl(school.id, campaignId) }))).toMatchObject({ status: 404 });
      expect(errorOf(await t.app.inject({ method: 'GET', url: suggestionsUrl(school.id, campaignId) }))).toMatchObject({ status: 401 });
      const small = await createSchool(t, { teachers: 2 });
      const smallCampaign = await openCampaign(small.principal, small.id);
      expect(errorOf(await small.principal.request({ method: 'GET', url: suggestionsUrl(small.id, smallCampaign.id) }))).toMatchObject({ status: 422, id: 'too_few_respondents' });
    });
  });

  describe('planStudyDay, listStudyDays and cancelStudyDay', () => {
    it('plans a study day at price × participants, or the team price, and lists it', async () => {
      const response = await school.principal.request({
        method: 'POST',
        url: studyDaysUrl(school.id),
        payload: { date: dayFromToday(30), trainingId: ids.selfPaced, participants: 12, campaignId, note: 'Pedagogische studiedag' },
      });
      expect(response.statusCode).toBe(201);
      const day = studyDaySchema.parse(response.json());
      expect(day).toMatchObject({
        schoolId: school.id,
        date: dayFromToday(30),
        participants: 12,
        pricePerPersonCents: 4500,
        teamPriceCents: null,
        costCents: 54_000,
        status: 'planned',
        campaignId,
      });
      expect(day.training).toEqual({ id: ids.selfPaced, title: 'Opleiding selfPaced' });

      const withSession = await school.ict.request({
        method: 'POST',
        url: studyDaysUrl(school.id),
        payload: { date: dayFromToday(10), trainingId: ids.team, sessionId: sessions.team, participants: 15, teamPriceCents: 60_000 },
      });
      expect(withSession.statusCode).toBe(201);
      expect(withSession.json()).toMatchObject({ sessionId: sessions.team, costCents: 60_000, teamPriceCents: 60_000 });

      const list = (await board.request({ method: 'GET', url: studyDaysUrl(school.id) })).json();
      expect(list.items.map((d: { id: string }) => d.id)).toEqual([withSession.json().id, day.id]);
    });

    it('cancels a study day once; cancelled ones are listed on request', async () => {
      const day = (await school.principal.request({ method: 'POST', url: studyDaysUrl(school.id), payload: { date: dayFromToday(40), trainingId: ids.team, participants: 5 } })).json();
      const cancel = await school.ict.request({ method: 'POST', url: `${studyDaysUrl(school.id)}/${day.id}/cancel` });
      expect(cancel.statusCode).toBe(200);
      expect(cancel.json()).toMatchObject({ id: day.id, status: 'cancelled', cancelledAt: expect.any(String) });
      expect(errorOf(await school.ict.request({ method: 'POST', url: `${studyDaysUrl(school.id)}/${day.id}/cancel` }))).toMatchObject({ status: 409, id: 'conflict' });
      const planned = (await school.principal.request({ method: 'GET', url: studyDaysUrl(school.id) })).json();
      expect(planned.items.map((d: { id: string }) => d.id)).not.toContain(day.id);
      const cancelled = (await school.principal.request({ method: 'GET', url: `${studyDaysUrl(school.id)}?status=cancelled` })).json();
      expect(cancelled.items.map((d: { id: string }) => d.id)).toEqual([day.id]);
    });

    it('refuses bad input, naming the field', async () => {
      const plan = (payload: Record<string, unknown>) => school.principal.request({ method: 'POST', url: studyDaysUrl(school.id), payload });
      const good = { date: dayFromToday(20), trainingId: ids.team, participants: 10 };
      expect(errorOf(await plan({ ...good, date: dayFromToday(-1) }))).toMatchObject({ status: 400, id: 'validation_error', field: 'body.date' });
      expect(errorOf(await plan({ ...good, date: '29/11/2026' }))).toMatchObject({ status: 400, field: 'body.date' });
      expect(errorOf(await plan({ ...good, participants: 0 }))).toMatchObject({ status: 400, field: 'body.participants' });
      expect(errorOf(await plan({ ...good, teamPriceCents: 12.5 }))).toMatchObject({ status: 400, field: 'body.teamPriceCents' });
      expect(errorOf(await plan({ ...good, colour: 'red' }))).toMatchObject({ status: 400, field: 'body.colour' });
      expect(errorOf(await plan({ ...good, trainingId: 'nope' }))).toMatchObject({ status: 404, field: 'body.trainingId' });
      expect(errorOf(await plan({ ...good, sessionId: sessions.small }))).toMatchObject({ status: 404, field: 'body.sessionId' });
      expect(errorOf(await plan({ ...good, sessionId: sessions.team }))).toMatchObject({ status: 400, field: 'body.date' });
      expect(errorOf(await plan({ ...good, date: dayFromToday(10), sessionId: sessions.team, participants: 21 }))).toMatchObject({ status: 400, field: 'body.participants' });
      expect(errorOf(await plan({ ...good, campaignId: 'nope' }))).toMatchObject({ status: 404, field: 'body.campaignId' });
      expect(errorOf(await school.principal.request({ method: 'GET', url: `${studyDaysUrl(school.id)}?status=maybe` }))).toMatchObject({ status: 400, field: 'querystring.status' });
      expect(errorOf(await school.principal.request({ method: 'POST', url: `${studyDaysUrl(school.id)}/nope/cancel` }))).toMatchObject({ status: 404, field: 'params.studyDayId' });
    });

    it('is for leadership only: teachers 403, other schools 404, no session 401', async () => {
      const payload = { date: dayFromToday(20), trainingId: ids.team, participants: 10 };
      const day = (await school.principal.request({ method: 'POST', url: studyDaysUrl(school.id), payload })).json();
      const cancelUrl = `${studyDaysUrl(school.id)}/${day.id}/cancel`;
      for (const request of [
        { method: 'POST' as const, url: studyDaysUrl(school.id), payload },
        { method: 'GET' as const, url: studyDaysUrl(school.id) },
        { method: 'POST' as const, url: cancelUrl },
      ]) {
        expect(errorOf(await teacher.request(request))).toMatchObject({ status: 403, id: 'forbidden' });
        expect(errorOf(await other.principal.request(request))).toMatchObject({ status: 404 });
        expect(errorOf(await t.app.inject(request))).toMatchObject({ status: 401 });
      }
      // Another school's study day is not found through one's own school either.
      expect(errorOf(await other.principal.request({ method: 'POST', url: `${studyDaysUrl(other.id)}/${day.id}/cancel` }))).toMatchObject({ status: 404, field: 'params.studyDayId' });
      expect((await other.principal.request({ method: 'GET', url: studyDaysUrl(other.id) })).json().items).toEqual([]);
    });
  });
});
