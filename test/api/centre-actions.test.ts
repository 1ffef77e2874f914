import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootcampCohortSchema, bootcampProgrammeSchema, centreActionDetailSchema, centreActionListSchema, centreActionSchema } from '../../src/shared/centre/actions';
import { errorOf, startTestApp, type TestApp, type TestClient } from '../support/test-app';

const action = {
  title: 'IT-bootcamps voor schoolteams',
  front: 'skills',
  spearhead: 'competences',
  goal: 'Schoolteams werken samen aan hun digitale groei.',
  owner: 'Kenniscentrum Digisprong',
  budgetCents: 100_000_000,
  startDate: '2023-02-01',
  endDate: '2023-06-30',
  status: 'running',
  indicators: ['centre.bootcamp_teams_completed', 'digisnap.teachers_with_scan'],
};

/** Two schools: one team attends 9 of 12 sessions each (completes at 75%), the other's second member 8 (does not). */
const programme = {
  tracks: [
    {
      name: { nl: 'Digitaal groeien', en: 'Growing digitally' },
      description: { nl: 'Voor teams van basisscholen.', en: 'For primary school teams.' },
      trainingId: null,
      cohorts: [
        {
          name: 'Voorjaar 2023',
          startsOn: '2023-02-20',
          topics: Array.from({ length: 12 }, (_, week) => `Week ${week + 1}`),
          teams: [
            {
              schoolId: 's1',
              schoolName: 'Basisschool Een',
              members: [
                { name: 'An', present: [1, 2, 3, 4, 5, 6, 7, 8, 9] },
                { name: 'Bo', present: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] },
              ],
            },
            {
              schoolId: 's2',
              schoolName: 'Basisschool Twee',
              members: [
                { name: 'Cas', present: [1, 2, 3, 4, 5, 6, 7, 8, 9] },
                { name: 'Dina', present: [1, 2, 3, 4, 5, 6, 7, 8] },
              ],
            },
          ],
        },
      ],
    },
  ],
};

describe('knowledge centre: actions and the IT bootcamps', () => {
  let t: TestApp;
  let analyst: TestClient;
  let others: Record<'teacher' | 'principal' | 'board_admin', TestClient>;

  beforeAll(async () => {
    t = await startTestApp();
    analyst = await t.user('centre_analyst');
    const schoolId = await t.app.services.schools.createSchool({ name: 'Basisschool Drie', educationLevel: 'primary', province: 'limburg' });
    others = {
      teacher: await t.user('teacher', { schoolId }),
      principal: await t.user('principal', { schoolId }),
      board_admin: await t.user('board_admin', { schoolId }),
    };
    await t.app.services.centreActions.addProgramme(programme);
  });
  afterAll(() => t.close());

  const create = (client: TestClient, body: object) => client.request({ method: 'POST', url: '/api/centre/actions', payload: body });
  const update = (client: TestClient, id: string, body: object) => client.request({ method: 'PUT', url: `/api/centre/actions/${id}`, payload: body });

  it('adds an action and lists it with its indicators and the filters', async () => {
    const created = await create(analyst, action);
    expect(created.statusCode).toBe(201);
    const dto = centreActionSchema.parse(created.json());
    expect(dto).toMatchObject({ version: 1, budgetCents: 100_000_000, programme: null, reach: { schools: 0, teachers: 0, source: 'none' } });
    expect(dto.indicators.map((i) => i.page)).toEqual(['/kenniscentrum/bootcamps', '/kenniscentrum']);
    const list = async (query: string) => centreActionListSchema.parse((await analyst.request({ method: 'GET', url: `/api/centre/actions${query}` })).json());
    expect((await list('')).actions.map((a) => a.id)).toContain(dto.id);
    expect((await list('')).canManage).toBe(true);
    expect((await list('?front=skills&status=running')).actions.map((a) => a.id)).toContain(dto.id);
    expect((await list('?front=infrastructure')).actions.map((a) => a.id)).not.toContain(dto.id);
    expect((await list('?status=finished')).actions).toEqual([]);
  });

  it('names the field at fault and writes nothing for bad input', async () => {
    const before = centreActionListSchema.parse((await analyst.request({ method: 'GET', url: '/api/centre/actions' })).json()).actions.length;
    expect(errorOf(await create(analyst, { ...action, indicators: ['digisnap.teachers_with_scan', 'made.up'] }))).toEqual({
      status: 400,
      id: 'validation_error',
      field: 'body.indicators.1',
    });
    expect(errorOf(await create(analyst, { ...action, endDate: '2023-01-31' }))).toMatchObject({ status: 400, field: 'body.endDate' });
    expect(errorOf(await create(analyst, { ...action, budgetCents: -1 }))).toMatchObject({ status: 400, field: 'body.budgetCents' });
    expect(errorOf(await create(analyst, { ...action, front: 'moon' }))).toMatchObject({ status: 400, field: 'body.front' });
    expect(errorOf(await create(analyst, { ...action, title: ' ' }))).toMatchObject({ status: 400, field: 'body.title' });
    expect(errorOf(await create(analyst, { ...action, indicators: ['stem.secondary_year3_stem_share', 'stem.secondary_year3_stem_share'] }))).toMatchObject({
      field: 'body.indicators.1',
    });
    expect(errorOf(await analyst.request({ method: 'GET', url: '/api/centre/actions?status=maybe' }))).toMatchObject({ status: 400, field: 'querystring.status' });
    expect(centreActionListSchema.parse((await analyst.request({ method: 'GET', url: '/api/centre/actions' })).json()).actions).toHaveLength(before);
  });

  it('saves a change on the version read, refuses a stale one with 409, and keeps the history', async () => {
    const { id } = centreActionSchema.parse((await create(analyst, { ...action, title: 'Versioned' })).json());
    const saved = await update(analyst, id, { ...action, title: 'Versioned', status: 'finished', version: 1 });
    expect(centreActionSchema.parse(saved.json())).toMatchObject({ status: 'finished', version: 2 });
    expect(errorOf(await update(analyst, id, { ...action, title: 'Lost', version: 1 }))).toEqual({ status: 409, id: 'conflict', field: 'body.version' });
    const detail = centreActionDetailSchema.parse((await analyst.request({ method: 'GET', url: `/api/centre/actions/${id}` })).json());
    expect(detail).toMatchObject({ title: 'Versioned', version: 2, canManage: true });
    expect(detail.history.map((h) => [h.version, h.fields])).toEqual([
      [2, ['status']],
      [1, expect.arrayContaining(['title', 'front'])],
    ]);
    expect(detail.history[0]?.by).toBeTruthy();
    expect(errorOf(await update(analyst, 'nope', { ...action, version: 1 }))).toMatchObject({ status: 404, field: 'centreActionId' });
    expect(errorOf(await analyst.request({ method: 'GET', url: '/api/centre/actions/nope' }))).toMatchObject({ status: 404 });
  });

  it('counts the reach of a bootcamp action from the cohorts, and one entered by hand otherwise', async () => {
    const bootcamp = centreActionSchema.parse((await create(analyst, { ...action, programme: 'it_bootcamps', reachEntered: { schools: 1, teachers: 1 } })).json());
    expect(bootcamp.reach).toEqual({ schools: 2, teachers: 4, source: 'programme' });
    const entered = centreActionSchema.parse((await create(analyst, { ...action, reachEntered: { schools: 30, teachers: 1800 } })).json());
    expect(entered.reach).toEqual({ schools: 30, teachers: 1800, source: 'entered' });
  });

  it('shows the programme with completion per team, and records attendance all or nothing', async () => {
    const read = bootcampProgrammeSchema.parse((await analyst.request({ method: 'GET', url: '/api/centre/bootcamps' })).json());
    const [cohort] = read.tracks[0]!.cohorts;
    expect(cohort).toMatchObject({ sessions: 12, sessionsHeld: 12 });
    expect(cohort!.teams.map((team) => [team.schoolName, team.completion.completed, team.completion.membersCompleted])).toEqual([
      ['Basisschool Een', true, 2],
      ['Basisschool Twee', false, 1],
    ]);
    expect(read.reach).toEqual({ schools: 2, teachers: 4, teamsCompleted: 1 });

    const url = `/api/centre/bootcamps/cohorts/${cohort!.id}`;
    const detail = bootcampCohortSchema.parse((await analyst.request({ method: 'GET', url })).json());
    const dina = detail.teams[1]!.participants.find((p) => p.name === 'Dina')!;
    const week9 = detail.sessions[8]!;
    const save = (client: TestClient, present: string[]) => client.request({ method: 'PUT', url: `${url}/sessions/${week9.id}/attendance`, payload: { present } });
    expect(errorOf(await save(analyst, [...week9.present, 'stranger']))).toEqual({ status: 400, id: 'validation_error', field: `body.present.${week9.present.length}` });
    const after = bootcampCohortSchema.parse((await save(analyst, [...week9.present, dina.id])).json());
    expect(after.teams[1]!.completion.completed).toBe(true);
    expect(after.sessions[8]!.present).toContain(dina.id);
    expect(errorOf(await analyst.request({ method: 'PUT', url: `${url}/sessions/nope/attendance`, payload: { present: [] } }))).toMatchObject({
      status: 404,
      field: 'bootcampSessionId',
    });
    expect(errorOf(await analyst.request({ method: 'GET', url: '/api/centre/bootcamps/cohorts/nope' }))).toMatchObject({ status: 404, field: 'cohortId' });
  });

  it('refuses a track whose training is not a bootcamp of the catalogue', async () => {
    await expect(t.app.services.centreActions.addProgramme({ tracks: [{ ...programme.tracks[0]!, trainingId: 'no-such-training' }] })).rejects.toMatchObject({
      id: 'validation_error',
      field: 'tracks.0.trainingId',
    });
  });

  it('refuses anyone without a login, and teachers, principals and board admins', async () => {
    const reads = ['/api/centre/actions', '/api/centre/bootcamps'];
    for (const url of reads) expect((await t.app.inject({ method: 'GET', url })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'POST', url: '/api/centre/actions', payload: action })).statusCode).toBe(401);
    for (const client of Object.values(others)) {
      for (const url of reads) expect(errorOf(await client.request({ method: 'GET', url }))).toMatchObject({ status: 403, id: 'forbidden' });
      expect(errorOf(await create(client, action))).toMatchObject({ status: 403, id: 'forbidden' });
    }
  });
});
