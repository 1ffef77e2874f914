import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DigisnapRepository } from '../../src/server/digisnap/digisnap.repository';
import { frameworkVersionListSchema, profileSchema, scanSchema } from '../../src/shared/digisnap/api';
import { errorOf, startTestApp, type TestApp, type TestClient } from '../support/test-app';

interface FrameworkBody {
  id: string;
  version: string;
  areas: Array<{ number: number; competences: Array<{ code: string; item: { options: Array<{ points: number }> } }> }>;
}

describe('Digisnap for a teacher', () => {
  let t: TestApp;
  let codes: string[];
  beforeAll(async () => {
    t = await startTestApp();
    const framework: FrameworkBody = (await t.app.inject({ method: 'GET', url: '/api/frameworks/current' })).json();
    codes = framework.areas.flatMap((a) => a.competences.map((c) => c.code));
  });
  afterAll(() => t.close());

  const start = async (teacher: TestClient) => (await teacher.request({ method: 'POST', url: '/api/scans' })).json();
  const answer = (teacher: TestClient, scanId: string, code: string, option: number) =>
    teacher.request({ method: 'PUT', url: `/api/scans/${scanId}/answers/${code}`, payload: { option } });
  const answerAll = async (teacher: TestClient, scanId: string, option: (i: number) => number) => {
    for (const [i, code] of codes.entries()) expect((await answer(teacher, scanId, code, option(i))).statusCode).toBe(200);
  };
  const submit = (teacher: TestClient, scanId: string) => teacher.request({ method: 'POST', url: `/api/scans/${scanId}/submit` });

  describe('getCurrentFramework', () => {
    it('serves the 22 competences of DigCompEdu in 6 areas, without a login', async () => {
      const response = await t.app.inject({ method: 'GET', url: '/api/frameworks/current' });
      expect(response.statusCode).toBe(200);
      const framework: FrameworkBody = response.json();
      expect(framework.id).toBe('digcompedu');
      expect(framework.areas).toHaveLength(6);
      expect(codes).toHaveLength(22);
    });

    it('offers six statements per competence, one per level A1–C2', async () => {
      const framework = (await t.app.inject({ method: 'GET', url: '/api/frameworks/current' })).json();
      expect(framework).toMatchObject({ version: '2026.1', label: { nl: 'Digisnap 2026' }, scoring: { rule: 'level-per-statement', aggregation: 'median' } });
      for (const area of framework.areas) {
        for (const competence of area.competences) {
          expect(competence.item.options.map((o: { level: string }) => o.level)).toEqual(['A1', 'A2', 'B1', 'B2', 'C1', 'C2']);
        }
      }
    });
  });

  describe('getFrameworkVersion', () => {
    it('serves an earlier version as it was, without a login: the 2017 CheckIn file with its five options and cut-offs', async () => {
      const response = await t.app.inject({ method: 'GET', url: '/api/frameworks/digcompedu/2017.1' });
      expect(response.statusCode).toBe(200);
      const framework = response.json();
      expect(framework).toMatchObject({
        version: '2017.1',
        label: { en: 'Digisnap 2017 (CheckIn)' },
        scoring: { rule: 'checkin-cutoffs', optionLevels: ['A1', 'A2', 'B1', 'B2', 'C1'] },
      });
      expect(framework.areas[0].competences[0].item.options.map((o: { points: number; level: string }) => [o.points, o.level])).toEqual([
        [0, 'A1'],
        [1, 'A2'],
        [2, 'B1'],
        [3, 'B2'],
        [4, 'C1'],
      ]);
      expect((await t.app.inject({ method: 'GET', url: '/api/frameworks/digcompedu/2026.1' })).json()).toEqual(
        (await t.app.inject({ method: 'GET', url: '/api/frameworks/current' })).json(),
      );
    });

    it('answers not_found for a version or framework it does not have, and validation_error for a parameter too long', async () => {
      expect(errorOf(await t.app.inject({ method: 'GET', url: '/api/frameworks/digcompedu/1999.1' }))).toMatchObject({ status: 404, id: 'not_found', field: 'params.version' });
      expect(errorOf(await t.app.inject({ method: 'GET', url: '/api/frameworks/digcomp/2026.1' }))).toMatchObject({ status: 404, id: 'not_found' });
      expect(errorOf(await t.app.inject({ method: 'GET', url: `/api/frameworks/digcompedu/${'9'.repeat(41)}` }))).toMatchObject({
        status: 400,
        id: 'validation_error',
        field: 'params.version',
      });
    });

    it('is public content: a forged session cookie changes nothing', async () => {
      const response = await t.app.inject({ method: 'GET', url: '/api/frameworks/digcompedu/2017.1', headers: { cookie: 'digisprong_session=forged' } });
      expect(response.statusCode).toBe(200);
    });
  });

  describe('listFrameworkVersions', () => {
    it('lists every loaded version with its label, rule and maximum, the current one marked, without a login', async () => {
      const response = await t.app.inject({ method: 'GET', url: '/api/frameworks' });
      expect(response.statusCode).toBe(200);
      expect(frameworkVersionListSchema.parse(response.json()).frameworks).toEqual([
        { id: 'digcompedu', version: '2017.1', label: { nl: 'Digisnap 2017 (CheckIn)', en: 'Digisnap 2017 (CheckIn)' }, scoringRule: 'checkin-cutoffs', maxTotal: 88, current: false },
        { id: 'digcompedu', version: '2026.1', label: { nl: 'Digisnap 2026', en: 'Digisnap 2026' }, scoringRule: 'level-per-statement', maxTotal: 110, current: true },
      ]);
    });

    it('answers the same with a session, and refuses a method it does not have', async () => {
      const teacher = await t.user();
      const withSession = await teacher.request({ method: 'GET', url: '/api/frameworks' });
      expect(withSession.statusCode).toBe(200);
      expect(withSession.json().frameworks).toHaveLength(2);
      expect((await teacher.request({ method: 'POST', url: '/api/frameworks', payload: {} })).statusCode).toBe(404);
      const withBadCookie = await t.app.inject({ method: 'GET', url: '/api/frameworks', headers: { cookie: 'digisprong_session=forged' } });
      expect(withBadCookie.statusCode).toBe(200);
    });
  });

  describe('startScan', () => {
    it('starts a scan on the current framework, then resumes the same one', async () => {
      const teacher = await t.user();
      const first = await teacher.request({ method: 'POST', url: '/api/scans' });
      expect(first.statusCode).toBe(201);
      expect(first.json()).toMatchObject({ status: 'in_progress', frameworkId: 'digcompedu', progress: { answered: 0, total: 22 }, result: null });
      const again = await teacher.request({ method: 'POST', url: '/api/scans' });
      expect(again.statusCode).toBe(200);
      expect(again.json().id).toBe(first.json().id);
    });

    it('keeps one scan in progress when 50 starts race: one 201, the others 200 with the same scan', async () => {
      const teacher = await t.user();
      const responses = await Promise.all(Array.from({ length: 50 }, () => teacher.request({ method: 'POST', url: '/api/scans' })));
      expect(responses.map((r) => r.statusCode).sort((a, b) => a - b)).toEqual([...Array(49).fill(200), 201]);
      expect(new Set(responses.map((r) => r.json().id)).size).toBe(1);
      const inProgress = await t.app.db.kysely.selectFrom('scans').select('id').where('user_id', '=', teacher.userId).where('status', '=', 'in_progress').execute();
      expect(inProgress).toHaveLength(1);
    });

    it('needs a session', async () => {
      expect(errorOf(await t.app.inject({ method: 'POST', url: '/api/scans' }))).toMatchObject({ status: 401, id: 'unauthenticated' });
    });
  });

  describe('answerScanItem', () => {
    it('saves each answer as it is given, so another device resumes where the teacher left', async () => {
      const teacher = await t.user();
      const scan = await start(teacher);
      const response = await answer(teacher, scan.id, '3.1', 2);
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({ answers: { '3.1': 2 }, progress: { answered: 1 } });
      expect((await answer(teacher, scan.id, '3.1', 4)).json().answers['3.1']).toBe(4);
      const resumed = await teacher.request({ method: 'GET', url: `/api/scans/${scan.id}` });
      expect(resumed.json().answers).toEqual({ '3.1': 4 });
    });

    it('refuses an unknown competence, an option out of range and a malformed body, naming the field', async () => {
      const teacher = await t.user();
      const scan = await start(teacher);
      expect(errorOf(await answer(teacher, scan.id, '7.1', 1))).toMatchObject({ status: 400, id: 'validation_error', field: 'params.competence' });
      expect(errorOf(await answer(teacher, scan.id, 'x', 1))).toMatchObject({ status: 400, id: 'validation_error', field: 'params.competence' });
      expect((await answer(teacher, scan.id, '1.1', 5)).statusCode).toBe(200);
      expect(errorOf(await answer(teacher, scan.id, '1.1', 6))).toMatchObject({ status: 400, id: 'validation_error', field: 'body.option' });
      expect(errorOf(await answer(teacher, scan.id, '1.1', -1))).toMatchObject({ status: 400, id: 'validation_error', field: 'body.option' });
      const text = await teacher.request({ method: 'PUT', url: `/api/scans/${scan.id}/answers/1.1`, payload: { option: 'two' } });
      expect(errorOf(text)).toMatchObject({ status: 400, id: 'validation_error', field: 'body.option' });
      const broken = await teacher.request({ method: 'PUT', url: `/api/scans/${scan.id}/answers/1.1`, headers: { 'content-type': 'application/json' }, payload: '{' });
      expect(errorOf(broken)).toMatchObject({ status: 400, id: 'validation_error', field: 'body' });
    });

    it('refuses to change a submitted scan', async () => {
      const teacher = await t.user();
      const scan = await start(teacher);
      await answerAll(teacher, scan.id, () => 1);
      expect((await submit(teacher, scan.id)).statusCode).toBe(200);
      expect(errorOf(await answer(teacher, scan.id, '1.1', 3))).toMatchObject({ status: 409, id: 'scan_submitted', field: 'params.scanId' });
    });

    it("hides another teacher's scan as not found, and needs a session", async () => {
      const owner = await t.user();
      const other = await t.user();
      const scan = await start(owner);
      expect(errorOf(await answer(other, scan.id, '1.1', 1))).toMatchObject({ status: 404, id: 'not_found' });
      expect(errorOf(await t.app.inject({ method: 'PUT', url: `/api/scans/${scan.id}/answers/1.1`, payload: { option: 1 } }))).toMatchObject({ status: 401 });
    });
  });

  describe('answerScanBackground', () => {
    it('saves known answers, clears with null and refuses unknown values', async () => {
      const teacher = await t.user();
      const scan = await start(teacher);
      const url = `/api/scans/${scan.id}/background`;
      const saved = await teacher.request({ method: 'PUT', url, payload: { educationLevel: 'primary' } });
      expect(saved.json().background).toEqual({ educationLevel: 'primary' });
      const cleared = await teacher.request({ method: 'PUT', url, payload: { educationLevel: null } });
      expect(cleared.json().background).toEqual({ educationLevel: null });
      expect(errorOf(await teacher.request({ method: 'PUT', url, payload: { educationLevel: 'kindergarten-on-mars' } }))).toMatchObject({ status: 400, field: 'body.educationLevel' });
      expect(errorOf(await teacher.request({ method: 'PUT', url, payload: { favouriteColour: 'blue' } }))).toMatchObject({ status: 400, id: 'validation_error' });
    });
  });

  describe('submitScan', () => {
    it('scores a complete scan; a double submit returns the same single result', async () => {
      const teacher = await t.user();
      const scan = await start(teacher);
      await answerAll(teacher, scan.id, (i) => (i < 11 ? 2 : 3));
      const [a, b] = await Promise.all([submit(teacher, scan.id), submit(teacher, scan.id)]);
      expect(a.statusCode).toBe(200);
      expect(b.statusCode).toBe(200);
      expect(a.json().result).toEqual(b.json().result);
      expect(a.json().submittedAt).toBe(b.json().submittedAt);
      // Half the competences at B1, half at B2: the median takes the lower of the two middle levels.
      expect(a.json().result).toMatchObject({ total: 11 * 2 + 11 * 3, maxTotal: 110, level: 'B1', band: 'B' });
      expect(a.json().result.competences.map((c: { level: string }) => c.level)).toEqual([...Array(11).fill('B1'), ...Array(11).fill('B2')]);
      const list = (await teacher.request({ method: 'GET', url: '/api/me/scans' })).json();
      expect(list.scans.filter((s: { status: string }) => s.status === 'submitted')).toHaveLength(1);
      // A new start after submitting begins a fresh scan.
      expect((await teacher.request({ method: 'POST', url: '/api/scans' })).statusCode).toBe(201);
    });

    it('gives B2 on every competence B2 overall and in every area, and C2 everywhere C2 (issue 10, finding 1)', async () => {
      for (const [option, level, band] of [
        [3, 'B2', 'B'],
        [5, 'C2', 'C'],
      ] as const) {
        const teacher = await t.user();
        const scan = await start(teacher);
        await answerAll(teacher, scan.id, () => option);
        const result = (await submit(teacher, scan.id)).json().result;
        expect(result).toMatchObject({ level, band, total: 22 * option });
        expect(result.areas.map((area: { level: string }) => area.level)).toEqual(Array(6).fill(level));
      }
    });

    it('scores a scan begun on the 2017 CheckIn version by that version, as before: B2 everywhere totals 66 and reads C1', async () => {
      const teacher = await t.user();
      const id = randomUUID();
      await new DigisnapRepository(t.app.db.kysely).insertScan({ id, userId: teacher.userId, frameworkId: 'digcompedu', frameworkVersion: '2017.1', now: new Date().toISOString() });
      expect((await start(teacher)).id).toBe(id);
      expect(errorOf(await answer(teacher, id, '1.1', 5))).toMatchObject({ status: 400, id: 'validation_error', field: 'body.option' });
      await answerAll(teacher, id, () => 3);
      const scan = (await submit(teacher, id)).json();
      expect(scan).toMatchObject({ frameworkVersion: '2017.1', result: { total: 66, maxTotal: 88, level: 'C1', band: 'C' } });
      expect(scan.result.competences.every((c: { level: string }) => c.level === 'B2')).toBe(true);
      const summaries = (await teacher.request({ method: 'GET', url: '/api/me/scans' })).json().scans;
      expect(summaries).toEqual([expect.objectContaining({ id, frameworkVersion: '2017.1', level: 'C1', total: 66 })]);
      // The next scan is on 2026; growth compares scans of one version only, since their points mean different things.
      const next = await start(teacher);
      expect(next.frameworkVersion).toBe('2026.1');
      await answerAll(teacher, next.id, () => 3);
      await submit(teacher, next.id);
      const profile = (await teacher.request({ method: 'GET', url: '/api/me/profile' })).json();
      expect(profile).toMatchObject({ frameworkVersion: '2026.1', result: { level: 'B2', total: 66 }, growth: null });
      expect(profile.history.map((h: { frameworkVersion: string; level: string }) => [h.frameworkVersion, h.level])).toEqual([
        ['2017.1', 'C1'],
        ['2026.1', 'B2'],
      ]);
    });

    it('sends exactly the bytes the Zod contract serializer would (the route skips it for speed), first time and on a retry', async () => {
      const teacher = await t.user();
      const scan = await start(teacher);
      // Answered out of the contract's order: the answer still lists them in its order.
      for (const payload of [{ subject: 'stem' }, { educationLevel: 'secondary' }]) {
        expect((await teacher.request({ method: 'PUT', url: `/api/scans/${scan.id}/background`, payload })).statusCode).toBe(200);
      }
      await answerAll(teacher, scan.id, (i) => i % 6);
      for (const response of [await submit(teacher, scan.id), await submit(teacher, scan.id)]) {
        expect(response.statusCode).toBe(200);
        expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
        expect(response.body).toBe(JSON.stringify(scanSchema.encode(response.json())));
      }
    });

    it('keeps the stored profile equal to one built from every submitted scan, also after it went missing', async () => {
      const teacher = await t.user();
      const submitOne = async (option: number) => {
        const scan = await start(teacher);
        await answerAll(teacher, scan.id, () => option);
        expect((await submit(teacher, scan.id)).statusCode).toBe(200);
        return scan.id as string;
      };
      const profileBody = async () => (await teacher.request({ method: 'GET', url: '/api/me/profile' })).body;
      const first = await submitOne(1);
      const second = await submitOne(2);
      const extended = await profileBody();
      // A profile that is missing (stored before profiles were) is built from every scan at the next submit.
      await t.app.db.kysely
        .deleteFrom('profiles' as never)
        .where('user_id' as never, '=', teacher.userId as never)
        .execute();
      const rebuilt = await profileBody();
      expect(rebuilt).toBe(extended);
      await t.app.db.kysely
        .deleteFrom('profiles' as never)
        .where('user_id' as never, '=', teacher.userId as never)
        .execute();
      const third = await submitOne(4);
      const profile = JSON.parse(await profileBody());
      expect(profile.history.map((h: { scanId: string }) => h.scanId)).toEqual([first, second, third]);
      expect(profile.growth).toMatchObject({ totalChange: 22 * 4 - 22 * 2 });
      const fourth = await submitOne(3);
      const latest = JSON.parse(await profileBody());
      expect(latest.history.map((h: { scanId: string }) => h.scanId)).toEqual([first, second, third, fourth]);
      expect(latest.growth).toMatchObject({ totalChange: 22 * 3 - 22 * 4 });
    });

    it('refuses an incomplete scan with every missing competence', async () => {
      const teacher = await t.user();
      const scan = await start(teacher);
      await answer(teacher, scan.id, '1.1', 1);
      const response = await submit(teacher, scan.id);
      expect(errorOf(response)).toMatchObject({ status: 422, id: 'scan_incomplete', field: 'answers.1.2' });
      expect(response.json().error.details).toHaveLength(21);
    });

    it("hides another teacher's scan, and needs a session", async () => {
      const owner = await t.user();
      const scan = await start(owner);
      expect(errorOf(await submit(await t.user(), scan.id))).toMatchObject({ status: 404, id: 'not_found' });
      expect(errorOf(await t.app.inject({ method: 'POST', url: `/api/scans/${scan.id}/submit` }))).toMatchObject({ status: 401 });
    });
  });

  describe('getScan', () => {
    it('returns your own scan; another teacher and the admin get not_found', async () => {
      const owner = await t.user();
      const scan = await start(owner);
      expect((await owner.request({ method: 'GET', url: `/api/scans/${scan.id}` })).statusCode).toBe(200);
      const admin = await t.user('admin');
      expect(errorOf(await admin.request({ method: 'GET', url: `/api/scans/${scan.id}` }))).toMatchObject({ status: 404, id: 'not_found' });
      expect(errorOf(await owner.request({ method: 'GET', url: `/api/scans/${'x'.repeat(65)}` }))).toMatchObject({ status: 400, field: 'params.scanId' });
      expect(errorOf(await t.app.inject({ method: 'GET', url: `/api/scans/${scan.id}` }))).toMatchObject({ status: 401 });
    });
  });

  describe('getMyProfile', () => {
    it('is null before the first submitted scan: nothing yet is an answer, not an error', async () => {
      const teacher = await t.user();
      const none = await teacher.request({ method: 'GET', url: '/api/me/profile' });
      expect(none.statusCode).toBe(200);
      expect(none.json()).toBeNull();
      expect(errorOf(await t.app.inject({ method: 'GET', url: '/api/me/profile' }))).toMatchObject({ status: 401 });
    });

    it('shows levels, priorities with tips, and growth since the previous scan', async () => {
      const teacher = await t.user();
      const first = await start(teacher);
      await answerAll(teacher, first.id, () => 1);
      await submit(teacher, first.id);
      const second = await start(teacher);
      await answerAll(teacher, second.id, (i) => (i === 0 ? 0 : 3));
      await submit(teacher, second.id);

      const profile = (await teacher.request({ method: 'GET', url: '/api/me/profile' })).json();
      expect(profile.scanId).toBe(second.id);
      expect(profile.result.total).toBe(21 * 3);
      expect(profile.result.areas).toHaveLength(6);
      expect(profile.result.competences).toHaveLength(22);
      expect(profile.result.priorities).toHaveLength(3);
      expect(profile.result.priorities[0]).toMatchObject({ code: '1.1', points: 0, level: 'A1' });
      expect(profile.result.priorities[0].tip.nl.length).toBeGreaterThan(10);
      expect(profile.history.map((h: { scanId: string }) => h.scanId)).toEqual([first.id, second.id]);
      expect(profile.growth.totalChange).toBe(63 - 22);
      expect(profile.growth.areas.find((a: { number: number }) => a.number === 1).change).toBe(0 + 3 * 3 - 4);
    });

    it('sends exactly the bytes the Zod contract serializer would (the route skips it for speed)', async () => {
      const teacher = await t.user();
      for (const option of [1, 3]) {
        const scan = await start(teacher);
        await answerAll(teacher, scan.id, (i) => (option + i) % 5);
        await submit(teacher, scan.id);
      }
      const response = await teacher.request({ method: 'GET', url: '/api/me/profile' });
      expect(response.statusCode).toBe(200);
      expect(response.body).toBe(JSON.stringify(profileSchema.encode(response.json())));
    });

    it('never shows one teacher the profile of another', async () => {
      const a = await t.user();
      const scan = await start(a);
      await answerAll(a, scan.id, () => 4);
      await submit(a, scan.id);
      const b = await t.user();
      expect((await b.request({ method: 'GET', url: '/api/me/profile' })).json()).toBeNull();
    });
  });
});
