import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { centreOverviewSchema } from '../../src/shared/centre/api';
import { flandersPictureSchema } from '../../src/shared/centre/digisnap-picture';
import { centreFrontsSchema } from '../../src/shared/centre/fronts';
import { competenceList } from '../../src/shared/digisnap/framework';
import { errorOf, startTestApp, type TestApp, type TestClient } from '../support/test-app';
import { allAnswers, instantFromNow, submitScanAt } from './campaign-fixtures';

describe('getCentreOverview', () => {
  let t: TestApp;
  let analyst: TestClient;
  let antwerp: { id: string; teacherIds: string[] };
  let limburg: { id: string; teacherIds: string[] };

  beforeAll(async () => {
    t = await startTestApp();
    analyst = await t.user('centre_analyst');
    antwerp = await schoolWithTeachers('antwerpen', 12);
    limburg = await schoolWithTeachers('limburg', 6);
    const scan = (userId: string, option: number, daysAgo: number) => ({ userId, answers: answersAll(option), submittedAt: instantFromNow(-daysAgo) });
    await t.app.services.digisnap.importSubmittedScans([
      ...antwerp.teacherIds.slice(0, 10).map((userId, i) => scan(userId, i < 5 ? 1 : 3, 30)),
      ...limburg.teacherIds.map((userId) => scan(userId, 2, 10)),
    ]);
  }, 120_000);

  /** A school and its teachers, written in bulk (a password hash and a write per answer each would take minutes on a busy PostgreSQL). */
  async function schoolWithTeachers(province: 'antwerpen' | 'limburg', teachers: number): Promise<{ id: string; teacherIds: string[] }> {
    const id = await t.app.services.schools.createSchool({ name: `School ${province}`, province, educationLevel: province === 'limburg' ? 'secondary' : 'primary', network: 'go' });
    const teacherIds = await t.app.services.auth.createAccountsWithoutPassword(
      Array.from({ length: teachers }, (_, i) => ({ email: `${province}-${i}@school.test`, displayName: `${province} ${i}` })),
    );
    await t.app.services.schools.addMembersInBulk(
      teacherIds.map((userId) => ({ userId, schoolId: id, role: 'teacher' as const })),
      instantFromNow(-400),
    );
    return { id, teacherIds };
  }

  const answersAll = (option: number) => Object.fromEntries(competenceList(t.app.services.frameworks.current()).map((competence) => [competence.code, option]));
  afterAll(() => t.close());

  const read = (client: TestClient | null, query = '') =>
    client ? client.request({ method: 'GET', url: `/api/centre/overview${query}` }) : t.app.inject({ method: 'GET', url: `/api/centre/overview${query}` });

  it('gives the centre Flanders’ participation and levels, every shown cell at least five', async () => {
    const response = await read(analyst);
    expect(response.statusCode).toBe(200);
    const { digisnap, fronts } = response.json();
    const picture = flandersPictureSchema.parse(digisnap);
    // Sent as kept bytes, without the serializer: the very bytes it would have written.
    expect(response.body).toBe(JSON.stringify(centreOverviewSchema.encode(centreOverviewSchema.parse(response.json()))));
    expect(centreFrontsSchema.parse(fronts).policyPlans).toMatchObject({ schools: 2, withCurrentPlan: 0, share: 0 });
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
    const picture = flandersPictureSchema.parse((await read(analyst, '?breakdown=province&histogram=all')).json().digisnap);
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

  it('narrows each group to the overall level and the one area or competence asked for', async () => {
    const overall = flandersPictureSchema.parse((await read(analyst)).json().digisnap);
    expect(overall.histogram).toBe('overall');
    expect(overall.groups[0]).toMatchObject({ areas: [], competences: [] });
    expect(overall.competences).toHaveLength(22);
    const one = flandersPictureSchema.parse((await read(analyst, '?breakdown=level&histogram=competence:4.1')).json().digisnap);
    expect(one.groups.map((group) => [group.key, group.areas.length, group.competences.map((c) => c.code)])).toEqual([
      ['primary', 0, ['4.1']],
      ['secondary', 0, ['4.1']],
    ]);
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

  it('refuses an unknown breakdown or histogram, naming the field', async () => {
    expect(errorOf(await read(analyst, '?breakdown=postcode'))).toMatchObject({ status: 400, id: 'validation_error', field: 'querystring.breakdown' });
    expect(errorOf(await read(analyst, '?histogram=level:B2'))).toMatchObject({ status: 400, id: 'validation_error', field: 'querystring.histogram' });
    expect(errorOf(await read(analyst, '?histogram=competence:9.9'))).toMatchObject({ status: 400, id: 'validation_error', field: 'querystring.histogram' });
  });
});
