import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { flandersPictureSchema } from '../../src/shared/centre/digisnap-picture';
import { errorOf, startTestApp, type TestApp, type TestClient } from '../support/test-app';
import { allAnswers, createSchool, instantFromNow, type School, submitScanAt } from './campaign-fixtures';

describe('getCentreOverview', () => {
  let t: TestApp;
  let analyst: TestClient;
  let antwerp: School;
  let limburg: School;

  beforeAll(async () => {
    t = await startTestApp();
    analyst = await t.user('centre_analyst');
    antwerp = await createSchool(t, { teachers: 12, level: 'primary' });
    limburg = await createSchool(t, { teachers: 6, level: 'secondary' });
    await t.app.db.kysely.updateTable('schools').set({ province: 'limburg', network: 'go' }).where('id', '=', limburg.id).execute();
    for (const [i, teacherId] of antwerp.teacherIds.slice(0, 10).entries()) await submitScanAt(t, teacherId, instantFromNow(-30), allAnswers(i < 5 ? 1 : 3));
    for (const teacherId of limburg.teacherIds) await submitScanAt(t, teacherId, instantFromNow(-10), allAnswers(2));
  });
  afterAll(() => t.close());

  const read = (client: TestClient | null, query = '') =>
    client ? client.request({ method: 'GET', url: `/api/centre/overview${query}` }) : t.app.inject({ method: 'GET', url: `/api/centre/overview${query}` });

  it('gives the centre Flanders’ participation and levels, every shown cell at least five', async () => {
    const response = await read(analyst);
    expect(response.statusCode).toBe(200);
    const { digisnap, fronts } = response.json();
    const picture = flandersPictureSchema.parse(digisnap);
    expect(fronts).toEqual({});
    expect(picture.release?.threshold).toBe(5);
    expect(picture.release?.epsilon).toBe(picture.release!.noise.histograms * picture.release!.noise.epsilon);
    const [flanders] = picture.groups;
    expect(flanders).toMatchObject({ key: 'flanders', schools: 2, teachers: 18, respondents: { count: 16, hidden: false }, participation: 88.9 });
    const level = (code: string) => flanders.overall.levels.find((cell) => cell.level === code);
    expect(level('B1')).toMatchObject({ count: 6, share: 37.5, hidden: false });
    // Nobody at A1, C1 or C2: zeros are under five, so hidden; together they hold nobody, so A2 (the smallest shown) goes too.
    expect(['A1', 'A2', 'C1', 'C2'].map((code) => level(code)?.hidden)).toEqual([true, true, true, true]);
  });

  it('splits by province, hiding what a small group would give away', async () => {
    const picture = flandersPictureSchema.parse((await read(analyst, '?breakdown=province')).json().digisnap);
    expect(picture.groups.map((group) => group.key)).toEqual(['antwerpen', 'limburg']);
    const cells = picture.groups.flatMap((group) => [group.respondents, ...group.overall.levels, ...group.competences.flatMap((c) => c.levels)]);
    for (const cell of cells) expect(cell.hidden || (cell.count ?? 0) >= 5).toBe(true);
    expect(picture.groups[1].respondents.count).toBe(6);
  });

  it('keeps the release while the data stay the same, and draws a new one when a scan comes', async () => {
    const first = (await read(analyst)).json().digisnap.release;
    expect((await read(analyst, '?breakdown=level')).json().digisnap.release).toEqual(first);
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      await submitScanAt(t, antwerp.teacherIds[10], instantFromNow(-1), allAnswers(4));
      vi.setSystemTime(Date.now() + 5_000);
      const next = (await read(analyst)).json().digisnap;
      expect(next.release.id).not.toBe(first.id);
      expect(next.groups[0].respondents.count).toBe(17);
    } finally {
      vi.useRealTimers();
    }
  });

  it('answers the admin too', async () => {
    expect((await read(await t.user('admin'))).statusCode).toBe(200);
  });

  it('refuses everyone else: teachers, principals, board admins, providers and the anonymous', async () => {
    expect((await read(null)).statusCode).toBe(401);
    for (const role of ['teacher', 'principal', 'board_admin', 'provider'] as const) {
      expect(errorOf(await read(await t.user(role, role === 'provider' ? {} : { schoolId: antwerp.id })))).toMatchObject({ status: 403, id: 'forbidden' });
    }
  });

  it('refuses an unknown breakdown, naming the field', async () => {
    expect(errorOf(await read(analyst, '?breakdown=postcode'))).toMatchObject({ status: 400, id: 'validation_error', field: 'querystring.breakdown' });
  });
});
