import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { followUpProgressSchema, followUpStepsSchema } from '../../src/shared/centre/follow-up-api';
import { campaignFollowUpSchema } from '../../src/shared/school/follow-up/follow-up-api';
import { errorOf, startTestApp, type TestApp, type TestClient } from '../support/test-app';
import { campaignsUrl, dayFromToday, openCampaign } from './campaign-fixtures';
import { type SchoolWorld, schoolWorld } from './school-fixtures';

const stepsUrl = '/api/follow-up/steps';
const progressUrl = '/api/centre/follow-up';
const followUpUrl = (schoolId: string, campaignId: string, step?: string) => `${campaignsUrl(schoolId)}/${campaignId}/follow-up${step ? `/${step}` : ''}`;

/** A round of the school, closed today. */
async function closedRound(principal: TestClient, schoolId: string): Promise<string> {
  const campaign = await openCampaign(principal, schoolId, { opensOn: dayFromToday(0), closesOn: dayFromToday(14) });
  const closed = await principal.request({ method: 'POST', url: `${campaignsUrl(schoolId)}/${campaign.id}/close` });
  if (closed.statusCode !== 200) throw new Error(`close: ${closed.statusCode} ${closed.body}`);
  return campaign.id;
}

describe('follow-up after a Digisnap round', () => {
  let t: TestApp;
  let w: SchoolWorld;
  let analyst: TestClient;
  let campaignA: string;

  beforeAll(async () => {
    t = await startTestApp();
    w = await schoolWorld(t);
    analyst = await t.user('centre_analyst');
    campaignA = await closedRound(w.principalA, w.schoolA);
  });
  afterAll(() => t.close());

  it('lets the principal and the ICT coordinator tick and untick steps, with a day and a note; the board reads', async () => {
    const ticked = await w.principalA.request({
      method: 'PUT',
      url: followUpUrl(w.schoolA, campaignA, 'look-at-results'),
      payload: { done: true, note: 'Besproken op de directieraad' },
    });
    expect(ticked.statusCode).toBe(200);
    const list = campaignFollowUpSchema.parse(ticked.json());
    expect(list).toMatchObject({ campaignId: campaignA, done: 1, total: 7, canEdit: true });
    expect(list.steps[0]).toMatchObject({
      key: 'look-at-results',
      page: 'report',
      article: 'after-a-digisnap-round',
      done: { on: dayFromToday(0), note: 'Besproken op de directieraad' },
    });
    const second = await w.ictA.request({ method: 'PUT', url: followUpUrl(w.schoolA, campaignA, 'interpret'), payload: { done: true, on: dayFromToday(-1) } });
    expect(campaignFollowUpSchema.parse(second.json()).steps[1].done).toEqual({ on: dayFromToday(-1), note: null });
    const unticked = await w.ictA.request({ method: 'PUT', url: followUpUrl(w.schoolA, campaignA, 'interpret'), payload: { done: false } });
    expect(campaignFollowUpSchema.parse(unticked.json())).toMatchObject({ done: 1 });

    const download = (await w.principalA.request({ method: 'GET', url: '/api/me/export' })).json();
    expect(download.follow_up_ticks).toEqual([
      { school: w.schoolA, campaign: campaignA, step: 'look-at-results', done_on: dayFromToday(0), note: 'Besproken op de directieraad', ticked_at: expect.any(String) },
    ]);
    expect((await w.ictA.request({ method: 'GET', url: '/api/me/export' })).json().follow_up_ticks).toEqual([]);

    const board = await w.boardAdmin.request({ method: 'GET', url: followUpUrl(w.schoolA, campaignA) });
    expect(campaignFollowUpSchema.parse(board.json())).toMatchObject({ done: 1, canEdit: false });
    expect(errorOf(await w.boardAdmin.request({ method: 'PUT', url: followUpUrl(w.schoolA, campaignA, 'interpret'), payload: { done: true } }))).toMatchObject({ status: 403 });
  });

  it('refuses bad input with the field at fault and writes nothing', async () => {
    const put = (step: string, payload: object) => w.principalA.request({ method: 'PUT', url: followUpUrl(w.schoolA, campaignA, step), payload });
    expect(errorOf(await put('plan-training', { done: true, on: dayFromToday(1) }))).toMatchObject({ status: 400, id: 'validation_error', field: 'body.on' });
    expect(errorOf(await put('plan-training', { done: true, on: '2026-13-40' }))).toMatchObject({ status: 400, field: 'body.on' });
    expect(errorOf(await put('plan-training', { done: true, note: 'x'.repeat(281) }))).toMatchObject({ status: 400, field: 'body.note' });
    expect(errorOf(await put('plan-training', { done: 'yes' }))).toMatchObject({ status: 400, field: 'body.done' });
    expect(errorOf(await put('juggling', { done: true }))).toMatchObject({ status: 404, field: 'params.stepKey' });
    const list = campaignFollowUpSchema.parse((await w.principalA.request({ method: 'GET', url: followUpUrl(w.schoolA, campaignA) })).json());
    expect(list.steps.find((step) => step.key === 'plan-training')?.done).toBeNull();
  });

  it('refuses a teacher (403), another school’s principal (404), no session (401) and a round still running (409)', async () => {
    expect(errorOf(await w.teacherA.request({ method: 'GET', url: followUpUrl(w.schoolA, campaignA) }))).toMatchObject({ status: 403, id: 'forbidden' });
    expect(errorOf(await w.teacherA.request({ method: 'PUT', url: followUpUrl(w.schoolA, campaignA, 'interpret'), payload: { done: true } }))).toMatchObject({ status: 403 });
    expect(errorOf(await w.principalOther.request({ method: 'GET', url: followUpUrl(w.schoolA, campaignA) }))).toMatchObject({ status: 404 });
    expect(errorOf(await w.principalOther.request({ method: 'GET', url: followUpUrl(w.other, campaignA) }))).toMatchObject({ status: 404, field: 'params.campaignId' });
    expect(errorOf(await t.app.inject({ method: 'GET', url: followUpUrl(w.schoolA, campaignA) }))).toMatchObject({ status: 401 });
    const principalB = await t.user('principal', { schoolId: w.schoolB });
    const running = await openCampaign(principalB, w.schoolB, { opensOn: dayFromToday(0), closesOn: dayFromToday(14) });
    expect(errorOf(await principalB.request({ method: 'GET', url: followUpUrl(w.schoolB, running.id) }))).toMatchObject({ status: 409, id: 'campaign_not_closed' });
    expect(errorOf(await principalB.request({ method: 'PUT', url: followUpUrl(w.schoolB, running.id, 'interpret'), payload: { done: true } }))).toMatchObject({
      status: 409,
      id: 'campaign_not_closed',
    });
  });

  it('gives the steps to school members and the centre; the centre saves a new version, a stale one gets 409', async () => {
    const read = followUpStepsSchema.parse((await w.teacherA.request({ method: 'GET', url: stepsUrl })).json());
    expect(read).toMatchObject({ version: 0, savedAt: null, canEdit: false });
    expect(read.steps).toHaveLength(7);
    const provider = await t.user('provider');
    expect(errorOf(await provider.request({ method: 'GET', url: stepsUrl }))).toMatchObject({ status: 403 });
    expect(errorOf(await t.app.inject({ method: 'GET', url: stepsUrl }))).toMatchObject({ status: 401 });

    const centre = followUpStepsSchema.parse((await analyst.request({ method: 'GET', url: stepsUrl })).json());
    expect(centre.canEdit).toBe(true);
    const steps = centre.steps.map((step, i) => (i === 0 ? { ...step, title: { nl: 'Lees het directierapport', en: 'Read the leadership report' } } : step));
    const saved = await analyst.request({ method: 'PUT', url: stepsUrl, payload: { version: 0, steps } });
    expect(saved.statusCode).toBe(200);
    expect(followUpStepsSchema.parse(saved.json())).toMatchObject({ version: 1, canEdit: true });
    expect(errorOf(await analyst.request({ method: 'PUT', url: stepsUrl, payload: { version: 0, steps } }))).toMatchObject({ status: 409, id: 'conflict', field: 'body.version' });
    const list = campaignFollowUpSchema.parse((await w.principalA.request({ method: 'GET', url: followUpUrl(w.schoolA, campaignA) })).json());
    expect(list.steps[0].title.nl).toBe('Lees het directierapport');

    const put = (payload: object) => analyst.request({ method: 'PUT', url: stepsUrl, payload });
    expect(errorOf(await put({ version: 1, steps: steps.slice(0, 1) }))).toMatchObject({ status: 400, field: 'body.steps' });
    expect(errorOf(await put({ version: 1, steps: [steps[0], { ...steps[1], key: steps[0].key }] }))).toMatchObject({ status: 400, field: 'body.steps.1.key' });
    expect(errorOf(await put({ version: 1, steps: [steps[0], { ...steps[1], title: { nl: '', en: 'Interpret' } }] }))).toMatchObject({ status: 400, field: 'body.steps.1.title.nl' });
    expect(errorOf(await put({ version: 1, steps: [steps[0], { ...steps[1], article: 'no-such-article' }] }))).toMatchObject({ status: 400, field: 'body.steps.1.article' });
    expect(errorOf(await put({ version: 1, steps: Array.from({ length: 13 }, (_, i) => ({ ...steps[0], key: `s${i}` })) }))).toMatchObject({ status: 400, field: 'body.steps' });
    expect(errorOf(await w.principalA.request({ method: 'PUT', url: stepsUrl, payload: { version: 1, steps } }))).toMatchObject({ status: 403, id: 'forbidden' });
    expect(followUpStepsSchema.parse((await analyst.request({ method: 'GET', url: stepsUrl })).json()).version).toBe(1);

    // A removed step's tick stays with the school but no longer counts; it counts again when the step returns.
    const withoutFirst = await put({ version: 1, steps: steps.slice(1) });
    expect(withoutFirst.statusCode).toBe(200);
    const shorter = campaignFollowUpSchema.parse((await w.principalA.request({ method: 'GET', url: followUpUrl(w.schoolA, campaignA) })).json());
    expect(shorter).toMatchObject({ done: 0, total: 6 });
    expect((await put({ version: 2, steps })).statusCode).toBe(200);
    expect(campaignFollowUpSchema.parse((await w.principalA.request({ method: 'GET', url: followUpUrl(w.schoolA, campaignA) })).json())).toMatchObject({ done: 1, total: 7 });
  });

  it('counts for the centre how many schools with a finished round ticked each step, with no count for a group under five', async () => {
    const count = async () => followUpProgressSchema.parse((await analyst.request({ method: 'GET', url: progressUrl })).json());
    // School A (Antwerp, primary) has a finished round with one step ticked; add three more Antwerp primary schools: four.
    const extra: Array<{ principal: TestClient; id: string; campaign: string }> = [];
    const addSchool = async (province: string, level: string) => {
      const id = await t.app.services.schools.createSchool({ name: `School ${extra.length}`, educationLevel: level, province });
      const principal = await t.user('principal', { schoolId: id });
      extra.push({ principal, id, campaign: await closedRound(principal, id) });
      return extra.at(-1)!;
    };
    for (let i = 0; i < 3; i += 1) await addSchool('antwerpen', 'primary');
    const four = await count();
    expect(four.flanders).toEqual({ schools: null, ticked: null });
    expect(four.byProvince.find((g) => g.province === 'antwerpen')).toEqual({ province: 'antwerpen', schools: null, ticked: null });

    const fifth = await addSchool('limburg', 'primary');
    await fifth.principal.request({ method: 'PUT', url: followUpUrl(fifth.id, fifth.campaign, 'look-at-results'), payload: { done: true } });
    await fifth.principal.request({ method: 'PUT', url: followUpUrl(fifth.id, fifth.campaign, 'plan-next-round'), payload: { done: true } });
    const five = await count();
    expect(five.flanders).toEqual({ schools: 5, ticked: [2, 0, 0, 0, 0, 0, 1] });
    expect(five.byLevel.find((g) => g.level === 'primary')).toMatchObject({ schools: 5 });
    expect(five.byProvince.find((g) => g.province === 'antwerpen')).toMatchObject({ schools: null, ticked: null });
    expect(five.steps.map((step) => step.key)[0]).toBe('look-at-results');
    expect(JSON.stringify(five)).not.toContain('School ');

    const dataset = await t.app.inject({ method: 'GET', url: '/api/open-data/opvolging-na-digisnap?format=json' });
    expect(dataset.statusCode).toBe(200);
    expect(dataset.json().rows[0]).toMatchObject({ breakdown: 'flanders', group: null, step: 'look-at-results', schools: 5, schools_ticked: 2 });

    expect(errorOf(await w.principalA.request({ method: 'GET', url: progressUrl }))).toMatchObject({ status: 403, id: 'forbidden' });
    expect(errorOf(await t.app.inject({ method: 'GET', url: progressUrl }))).toMatchObject({ status: 401 });
  });
});
