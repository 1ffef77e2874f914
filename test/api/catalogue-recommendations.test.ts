import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recommendationsSchema } from '../../src/shared/catalogue/api';
import { brusselsDate } from '../../src/shared/platform/brussels-time';
import { errorOf, startTestApp, type TestApp, type TestClient } from '../support/test-app';
import { createSession, createTraining, providerAccount, sessionInput } from './catalogue-fixtures';

describe('getMyRecommendations', () => {
  let t: TestApp;
  let teacher: TestClient;
  const ids: Record<string, string> = {};
  const nameOf = (id: string) => Object.keys(ids).find((name) => ids[name] === id);
  const recommend = async (client: TestClient, query = '') => {
    const response = await client.request({ method: 'GET', url: `/api/me/recommendations${query}` });
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };

  /** A teacher at A2 in 3.1 Teaching and at B2 in every other competence, in a school in Antwerp. */
  async function scannedTeacher(): Promise<TestClient> {
    const schoolId = await t.app.services.schools.createSchool({ name: `School ${Math.random()}`, province: 'antwerpen' });
    const client = await t.user('teacher', { schoolId });
    await submitScan(client, 1);
    return client;
  }

  /** Submits a scan answering `teaching` in 3.1 Teaching and 3 everywhere else; its id. */
  async function submitScan(client: TestClient, teaching: number): Promise<string> {
    const scan = (await client.request({ method: 'POST', url: '/api/scans' })).json();
    const framework = (await t.app.inject({ method: 'GET', url: '/api/frameworks/current' })).json();
    for (const area of framework.areas) {
      for (const competence of area.competences) {
        await client.request({ method: 'PUT', url: `/api/scans/${scan.id}/answers/${competence.code}`, payload: { option: competence.code === '3.1' ? teaching : 3 } });
      }
    }
    expect((await client.request({ method: 'POST', url: `/api/scans/${scan.id}/submit` })).statusCode).toBe(200);
    return scan.id;
  }

  beforeAll(async () => {
    t = await startTestApp();
    const { client: provider } = await providerAccount(t);
    const add = async (
      name: string,
      steps: Array<[string, string]>,
      options: { sessionsInDays?: number[]; kind?: 'in_person' | 'self_paced'; status?: 'draft' | 'published' } = {},
    ) => {
      ids[name] = (
        await createTraining(provider, {
          title: `Opleiding ${name}`,
          kind: options.kind ?? 'in_person',
          status: options.status ?? 'published',
          location: options.kind === 'self_paced' ? null : { address: 'Meir 1', postalCode: '2000', city: 'Antwerpen', province: 'antwerpen' },
          levelSteps: [{ competence: '3.1', from: steps[0][0] as 'A2', to: steps[0][1] as 'B1' }],
        })
      ).id;
      for (const days of options.sessionsInDays ?? [10]) await createSession(provider, ids[name], sessionInput(days));
    };
    await add('a2b1', [['A2', 'B1']]);
    await add('b1b2', [['B1', 'B2']]);
    await add('a1a2', [['A1', 'A2']]);
    await add('enrolled', [['A2', 'B1']]);
    await add('completed', [['A2', 'B1']], { sessionsInDays: [-5, 10] });
    await add('pastOnly', [['A2', 'B1']], { sessionsInDays: [-5] });
    await add('draft', [['A2', 'B1']], { status: 'draft' });
    await add('selfPaced', [['A2', 'B1']], { kind: 'self_paced', sessionsInDays: [] });
    teacher = await scannedTeacher();
    const enrolledSession = (await teacher.request({ method: 'GET', url: `/api/trainings/${ids.enrolled}` })).json().sessions[0].id;
    expect((await teacher.request({ method: 'POST', url: `/api/sessions/${enrolledSession}/enrolments` })).statusCode).toBe(201);
    expect((await teacher.request({ method: 'PUT', url: `/api/me/completions/${ids.completed}`, payload: { completedOn: brusselsDate() } })).statusCode).toBe(204);
  });
  afterAll(() => t.close());

  it('puts the A2→B1 trainings first for a teacher at A2, then the one starting a level higher', async () => {
    const response = await teacher.request({ method: 'GET', url: '/api/me/recommendations' });
    // Sent as built, past the serializer: exactly the contract's fields, in its order.
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(response.body).toBe(JSON.stringify(recommendationsSchema.parse(response.json())));
    const result = await recommend(teacher);
    expect(recommendationsSchema.safeParse(result).success).toBe(true);
    const names = result.items.map((i: { training: { id: string } }) => nameOf(i.training.id));
    expect(names.slice(0, 2).sort()).toEqual(['a2b1', 'selfPaced']);
    expect(names[2]).toBe('b1b2');
    const first = result.items.find((i: { training: { id: string } }) => i.training.id === ids.a2b1);
    expect(first).toMatchObject({ competence: '3.1', currentLevel: 'A2', targetLevel: 'B1' });
    expect(first.reason.nl).toContain('3.1 Lesgeven');
    expect(first.reason.en).toContain('A2');
    expect(first.training.nextSession).not.toBeNull();
    expect(result.basedOn.scanId).toEqual(expect.any(String));
  });

  it('leaves out trainings enrolled in, completed, with only past sessions, drafts, and steps that teach nothing new', async () => {
    const names = (await recommend(teacher)).items.map((i: { training: { id: string } }) => nameOf(i.training.id));
    for (const excluded of ['enrolled', 'completed', 'pastOnly', 'draft', 'a1a2']) expect(names).not.toContain(excluded);
  });

  it('honours the limit, and checks it', async () => {
    expect((await recommend(teacher, '?limit=1')).items).toHaveLength(1);
    expect(errorOf(await teacher.request({ method: 'GET', url: '/api/me/recommendations?limit=0' }))).toMatchObject({ status: 400, field: 'querystring.limit' });
    expect(errorOf(await teacher.request({ method: 'GET', url: '/api/me/recommendations?limit=51' }))).toMatchObject({ status: 400, field: 'querystring.limit' });
  });

  it('follows the latest scan: what it ranks by is read anew after a new submit', async () => {
    const client = await scannedTeacher();
    const before = await recommend(client);
    expect(before.items.map((i: { training: { id: string } }) => nameOf(i.training.id))).toContain('a2b1');
    const scanId = await submitScan(client, 3);
    const after = await recommend(client);
    expect(after.basedOn.scanId).toBe(scanId);
    expect(after.items.map((i: { training: { id: string } }) => nameOf(i.training.id))).not.toContain('a2b1');
    expect(await recommend(client)).toEqual(after);
  });

  it('is null before the first submitted scan, and needs a session', async () => {
    const newcomer = await t.user('teacher');
    const none = await newcomer.request({ method: 'GET', url: '/api/me/recommendations' });
    expect(none.statusCode).toBe(200);
    expect(none.json()).toBeNull();
    expect(errorOf(await t.app.inject({ method: 'GET', url: '/api/me/recommendations' }))).toMatchObject({ status: 401 });
  });
});

describe('getMyRecommendations over the three priorities', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it("serves each of the teacher's three priorities, each with a training that addresses it, before more of the first", async () => {
    const schoolId = await t.app.services.schools.createSchool({ name: 'Priority school', province: 'antwerpen' });
    const teacher = await t.user('teacher', { schoolId });
    const scan = (await teacher.request({ method: 'POST', url: '/api/scans' })).json();
    const framework = (await t.app.inject({ method: 'GET', url: '/api/frameworks/current' })).json();
    // A2 in 3.1, B1 in 2.2 and 6.1, B2 everywhere else: the priorities are 3.1, then 2.2 and 6.1.
    const option: Record<string, number> = { '3.1': 1, '2.2': 2, '6.1': 2 };
    for (const area of framework.areas) {
      for (const competence of area.competences) {
        await teacher.request({ method: 'PUT', url: `/api/scans/${scan.id}/answers/${competence.code}`, payload: { option: option[competence.code] ?? 3 } });
      }
    }
    expect((await teacher.request({ method: 'POST', url: `/api/scans/${scan.id}/submit` })).statusCode).toBe(200);
    const priorities = (await teacher.request({ method: 'GET', url: '/api/me/profile' })).json().result.priorities.map((p: { code: string }) => p.code);
    expect([...priorities].sort()).toEqual(['2.2', '3.1', '6.1']);

    const { client: provider } = await providerAccount(t);
    const add = async (competence: string, from: string, to: string) => {
      const { id } = await createTraining(provider, {
        title: `Studiedag ${competence} ${Math.random()}`,
        location: { address: 'Meir 1', postalCode: '2000', city: 'Antwerpen', province: 'antwerpen' },
        levelSteps: [{ competence, from: from as 'A2', to: to as 'B1' }],
      });
      await createSession(provider, id, sessionInput(10));
      return id;
    };
    const teaching = [await add('3.1', 'A2', 'B1'), await add('3.1', 'A2', 'B1'), await add('3.1', 'A2', 'B1'), await add('3.1', 'A1', 'B1')];
    const creating = await add('2.2', 'B2', 'C1');
    const media = await add('6.1', 'C1', 'C2');

    const top = async (limit: number) =>
      (await teacher.request({ method: 'GET', url: `/api/me/recommendations?limit=${limit}` })).json().items as Array<{
        training: { id: string; levelSteps: Array<{ competence: string }> };
        competence: string;
      }>;
    const three = await top(3);
    expect(three.map((i) => i.competence)).toEqual(['3.1', '2.2', '6.1']);
    expect(three.map((i) => i.training.id).slice(1)).toEqual([creating, media]);
    for (const item of three) expect(item.training.levelSteps.map((s) => s.competence)).toContain(item.competence);
    expect((await top(1)).map((i) => i.competence)).toEqual(['3.1']);
    const all = await top(10);
    expect(all.map((i) => i.training.id).sort()).toEqual([...teaching, creating, media].sort());
  });
});
