import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { actionsFromSuggestionsResultSchema, policySourcesSchema, policySuggestionsSchema } from '../../src/shared/school/policy-plan/policy-plan';
import { errorOf, startTestApp, type TestApp, type TestClient } from '../support/test-app';
import { addDevice } from './infra-fixtures';
import { type SchoolWorld, schoolWorld } from './school-fixtures';

const planUrl = (schoolId: string, rest: string) => `/api/schools/${schoolId}/policy-plan${rest}`;

describe('ICT policy plan: actions from the ICT park', () => {
  let t: TestApp;
  let w: SchoolWorld;

  // Spring 2024: Digisprong's money may still be spent until 31 August 2024.
  beforeAll(async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2024-03-01T09:00:00Z') });
    t = await startTestApp();
    w = await schoolWorld(t);
    const counts = [
      { group: 'pre_primary', countingDay: '2020-02-01', pupils: 100 },
      { group: 'primary_1_4', countingDay: '2020-02-01', pupils: 133 },
      { group: 'primary_5_6', countingDay: '2020-02-01', pupils: 48 },
    ];
    expect((await w.ictA.request({ method: 'PUT', url: `/api/schools/${w.schoolA}/pupil-counts`, payload: { counts } })).statusCode).toBe(200);
    await addDevice(w.ictA, w.schoolA, { type: 'chromebook', fundingSource: 'digisprong', purchaseDate: '2022-08-24', priceCents: 30_000 });
    // Laptops bought in 2018 reached their five years in 2023: due now.
    for (const tag of ['OLD-1', 'OLD-2']) await addDevice(w.ictA, w.schoolA, { assetTag: tag, purchaseDate: '2018-09-01', priceCents: 80_000, fundingSource: 'own_means' }, 'in_use');
  });
  afterAll(async () => {
    await t.close();
    vi.useRealTimers();
  });

  const get = (client: TestClient, schoolId: string, rest: string) => client.request({ method: 'GET', url: planUrl(schoolId, rest) });
  const take = (client: TestClient, schoolId: string, body: Record<string, unknown>) =>
    client.request({ method: 'POST', url: planUrl(schoolId, '/actions/from-suggestions'), payload: body });
  const parkSuggestions = (client: TestClient, schoolId = w.schoolA, parkId = w.schoolA) => get(client, schoolId, `/suggestions?kind=ict_park&id=${parkId}`);

  it('offers the park among the sources, its result the school itself, dated today', async () => {
    const sources = policySourcesSchema.parse((await get(w.principalA, w.schoolA, '/sources')).json());
    expect(sources.items.find((source) => source.kind === 'ict_park')?.latest).toEqual({ id: w.schoolA, date: '2024-03-01', label: { nl: 'ICT-park', en: 'ICT park' } });
  });

  it('suggests the money left before the deadline, the device goal not met and the devices due, with their figures', async () => {
    const response = await parkSuggestions(w.ictA);
    expect(response.statusCode).toBe(200);
    const items = policySuggestionsSchema.parse(response.json()).items;
    expect(items.map((item) => item.key)).toEqual([
      'funding_digisprong_infrastructure',
      'funding_digisprong_devices',
      'device_goal_digisprong',
      'replacement_2023',
      'replacement_2026',
    ]);
    const byKey = new Map(items.map((item) => [item.key, item]));
    expect(byKey.get('funding_digisprong_devices')!.title.nl).toBe('€ 19.745 van Digisprong (toestellen) besteden vóór 31/08/2024');
    expect(byKey.get('device_goal_digisprong')).toMatchObject({
      title: { en: 'Reach the Digisprong device goal: 47 devices to go' },
      why: { nl: 'Eén toestel per leerling vanaf het 5de leerjaar: 48 leerlingen, 1 toestel met deze financiering gekocht.' },
      front: 'infrastructure',
      target: { kind: 'ict_park', code: 'device_goal' },
      priority: 2,
      source: { kind: 'ict_park', id: w.schoolA },
      taken: false,
    });
    expect(byKey.get('replacement_2023')!.title.en).toBe('Replace 2 devices in school year 2023-2024');
    expect(byKey.get('replacement_2023')!.why.nl).toContain('€ 1.600');
  });

  it('takes chosen suggestions into the plan once, with the park as their source', async () => {
    const body = { source: { kind: 'ict_park', id: w.schoolA }, keys: ['device_goal_digisprong', 'replacement_2023'], language: 'en' };
    const first = await take(w.principalA, w.schoolA, body);
    expect(first.statusCode).toBe(201);
    const created = actionsFromSuggestionsResultSchema.parse(first.json()).created;
    expect(created.map((action) => [action.title, action.source, action.target?.kind])).toEqual([
      ['Reach the Digisprong device goal: 47 devices to go', { kind: 'ict_park', id: w.schoolA, key: 'device_goal_digisprong' }, 'ict_park'],
      ['Replace 2 devices in school year 2023-2024', { kind: 'ict_park', id: w.schoolA, key: 'replacement_2023' }, 'ict_park'],
    ]);
    expect(actionsFromSuggestionsResultSchema.parse((await take(w.ictA, w.schoolA, body)).json())).toEqual({ created: [], skipped: body.keys });
    const marked = policySuggestionsSchema.parse((await parkSuggestions(w.principalA)).json()).items;
    expect(marked.filter((item) => item.taken).map((item) => item.key)).toEqual(body.keys);
    const plan = (await get(w.teacherA, w.schoolA, '?format=csv&lang=nl')).body;
    expect(plan).toContain('ICT-park');
  });

  it('refuses an unknown key on its place and writes nothing; another school’s park is not found', async () => {
    const keys = ['funding_digisprong_devices', 'no_such_fact'];
    expect(errorOf(await take(w.principalA, w.schoolA, { source: { kind: 'ict_park', id: w.schoolA }, keys }))).toMatchObject({ status: 400, field: 'body.keys.1' });
    expect(policySuggestionsSchema.parse((await parkSuggestions(w.principalA)).json()).items.find((item) => item.key === keys[0])?.taken).toBe(false);
    expect(errorOf(await parkSuggestions(w.principalA, w.schoolA, w.schoolB))).toMatchObject({ status: 404, field: 'querystring.id' });
    expect(errorOf(await take(w.principalA, w.schoolA, { source: { kind: 'ict_park', id: w.other }, keys: [keys[0]] }))).toMatchObject({ status: 404, field: 'body.source.id' });
  });

  it('answers who may not: no session 401, teacher and board admin 403, another school 404', async () => {
    expect((await t.app.inject({ method: 'GET', url: planUrl(w.schoolA, `/suggestions?kind=ict_park&id=${w.schoolA}`) })).statusCode).toBe(401);
    expect(errorOf(await parkSuggestions(w.teacherA))).toMatchObject({ status: 403 });
    expect(errorOf(await parkSuggestions(w.boardAdmin))).toMatchObject({ status: 403 });
    expect(errorOf(await parkSuggestions(w.principalOther))).toMatchObject({ status: 404 });
  });

  it('stops offering the money once its deadline has passed', async () => {
    vi.setSystemTime(new Date('2024-09-02T09:00:00Z'));
    // Half a year on, the earlier sessions have lapsed.
    const principal = await t.user('principal', { schoolId: w.schoolA });
    const keys = policySuggestionsSchema.parse((await parkSuggestions(principal)).json()).items.map((item) => item.key);
    expect(keys.filter((key) => key.startsWith('funding_'))).toEqual([]);
    expect(keys).toContain('device_goal_digisprong');
  });
});
