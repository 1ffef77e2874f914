import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Instrument } from '../../src/shared/scan/instrument';
import { cyberCheckListSchema, cyberCheckResultSchema, cyberCheckSchema } from '../../src/shared/school/cyber-check/cyber-check-api';
import { suggestedActionSchema } from '../../src/shared/school/policy-plan/suggested-action';
import { errorOf, startTestApp, type TestApp, type TestClient } from '../support/test-app';
import { type SchoolWorld, schoolWorld } from './school-fixtures';

const checksUrl = (schoolId: string) => `/api/schools/${schoolId}/cyber-checks`;
const checkUrl = (schoolId: string, checkId: string, rest = '') => `${checksUrl(schoolId)}/${checkId}${rest}`;
const answerUrl = (schoolId: string, checkId: string, itemId: string) => checkUrl(schoolId, checkId, `/answers/${itemId}`);

/** The maturity scale's options: 0–5 are the steps, 6 is "don't know". */
const DONT_KNOW = 6;

describe('cybersecurity check', () => {
  let t: TestApp;
  let w: SchoolWorld;
  let instrument: Instrument;
  let itemIds: string[];

  const start = (client: TestClient, schoolId = w.schoolA) => client.request({ method: 'POST', url: checksUrl(schoolId) });
  const answer = (client: TestClient, checkId: string, itemId: string, option: unknown, schoolId = w.schoolA) =>
    client.request({ method: 'PUT', url: answerUrl(schoolId, checkId, itemId), payload: { option } });
  const submit = (client: TestClient, checkId: string, schoolId = w.schoolA) => client.request({ method: 'POST', url: checkUrl(schoolId, checkId, '/submit') });
  /** Answers every measure: `pick` chooses per measure, 3 (the target) when it returns undefined. */
  const answerAll = async (client: TestClient, checkId: string, pick: (itemId: string) => number | undefined = () => undefined, schoolId = w.schoolA) => {
    for (const itemId of itemIds) expect((await answer(client, checkId, itemId, pick(itemId) ?? 3, schoolId)).statusCode).toBe(200);
  };
  /** A school of its own with a principal, so each test's history starts empty. */
  const freshSchool = async () => {
    const schoolId = await t.app.services.schools.createSchool({ name: `Basisschool ${Math.random()}`, educationLevel: 'primary', province: 'limburg', network: 'go' });
    return { schoolId, principal: await t.user('principal', { schoolId }), ict: await t.user('ict_coordinator', { schoolId }) };
  };

  beforeAll(async () => {
    t = await startTestApp();
    w = await schoolWorld(t);
    instrument = t.app.services.instruments.latest('cyber-check')!;
    itemIds = instrument.sections.flatMap((s) => s.items.map((i) => i.id));
  });
  afterAll(() => t.close());

  describe('getCyberCheckInstrument', () => {
    it('gives a version with its topics, measures, maturity scale and target', async () => {
      const response = await w.ictA.request({ method: 'GET', url: `/api/instruments/cyber-check/${instrument.version}` });
      expect(response.statusCode).toBe(200);
      const body = response.json();
      expect(body).toMatchObject({ id: 'cyber-check', kind: 'cyber_check', actionBelow: 3, dontKnow: { en: "Don't know" } });
      expect(body.sections).toHaveLength(8);
      expect(body.scale.map((s: { value: number }) => s.value)).toEqual([0, 1, 2, 3, 4, 5]);
    });

    it('does not know other versions (404) and needs a session (401)', async () => {
      expect(errorOf(await w.ictA.request({ method: 'GET', url: '/api/instruments/cyber-check/1999' }))).toMatchObject({ status: 404, id: 'not_found', field: 'params.version' });
      expect(errorOf(await t.app.inject({ method: 'GET', url: `/api/instruments/cyber-check/${instrument.version}` }))).toMatchObject({ status: 401, id: 'unauthenticated' });
    });
  });

  describe('startCyberCheck and getCyberCheck', () => {
    it('starts one check per school on the latest version; another manager resumes the same one', async () => {
      const { schoolId, principal, ict } = await freshSchool();
      const first = await start(ict, schoolId);
      expect(first.statusCode).toBe(201);
      const check = cyberCheckSchema.parse(first.json());
      expect(check).toMatchObject({ schoolId, instrumentId: 'cyber-check', instrumentVersion: instrument.version, status: 'in_progress', submittedAt: null, answers: {} });
      expect(check.progress).toEqual({ answered: 0, total: itemIds.length });
      expect(check.startedBy?.id).toBe(ict.userId);

      const again = await start(principal, schoolId);
      expect(again.statusCode).toBe(200);
      expect(again.json().id).toBe(check.id);
      const read = await principal.request({ method: 'GET', url: checkUrl(schoolId, check.id) });
      expect(read.statusCode).toBe(200);
      expect(read.json()).toMatchObject({ id: check.id, status: 'in_progress' });
    });

    it('gives two managers who start at the same moment the same check', async () => {
      const { schoolId, principal, ict } = await freshSchool();
      const [a, b] = await Promise.all([start(principal, schoolId), start(ict, schoolId)]);
      expect([a.statusCode, b.statusCode].sort()).toEqual([200, 201]);
      expect(a.json().id).toBe(b.json().id);
      expect((await principal.request({ method: 'GET', url: checksUrl(schoolId) })).json().items).toHaveLength(1);
    });

    it('is for the school’s principals and ICT coordinators: teacher and board admin 403, another school 404, no session 401', async () => {
      expect(errorOf(await start(w.teacherA))).toMatchObject({ status: 403, id: 'forbidden' });
      expect(errorOf(await start(w.boardAdmin))).toMatchObject({ status: 403, id: 'forbidden' });
      expect(errorOf(await start(w.principalOther))).toMatchObject({ status: 404, id: 'not_found' });
      expect(errorOf(await start(w.ictA, 'no-such-school'))).toMatchObject({ status: 404, id: 'not_found' });
      expect(errorOf(await t.app.inject({ method: 'POST', url: checksUrl(w.schoolA) }))).toMatchObject({ status: 401, id: 'unauthenticated' });
      expect(errorOf(await w.ictA.request({ method: 'POST', url: checksUrl(w.schoolA), csrf: false }))).toMatchObject({ status: 403, id: 'csrf_failed' });
    });

    it('lets the board admin read a check but not a teacher or another school; another school’s check is not found', async () => {
      const checkId = (await start(w.ictA)).json().id;
      expect((await w.boardAdmin.request({ method: 'GET', url: checkUrl(w.schoolA, checkId) })).statusCode).toBe(200);
      expect(errorOf(await w.teacherA.request({ method: 'GET', url: checkUrl(w.schoolA, checkId) }))).toMatchObject({ status: 403 });
      expect(errorOf(await w.principalOther.request({ method: 'GET', url: checkUrl(w.schoolA, checkId) }))).toMatchObject({ status: 404 });
      // The other school's principal asks for school A's check under their own school.
      expect(errorOf(await w.principalOther.request({ method: 'GET', url: checkUrl(w.other, checkId) }))).toMatchObject({ status: 404, field: 'params.checkId' });
      expect(errorOf(await t.app.inject({ method: 'GET', url: checkUrl(w.schoolA, checkId) }))).toMatchObject({ status: 401 });
    });
  });

  describe('answerCyberCheckItem', () => {
    it('saves answers one by one, from any manager, and records who changed it', async () => {
      const { schoolId, principal, ict } = await freshSchool();
      const checkId = (await start(ict, schoolId)).json().id;
      expect((await answer(ict, checkId, 'patching', 2, schoolId)).json()).toMatchObject({ answers: { patching: 2 }, lastChangedBy: { id: ict.userId } });
      const response = await answer(principal, checkId, 'mfa-remote', DONT_KNOW, schoolId);
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({ answers: { patching: 2, 'mfa-remote': DONT_KNOW }, progress: { answered: 2 }, lastChangedBy: { id: principal.userId } });
      // A changed answer replaces the earlier one.
      expect((await answer(ict, checkId, 'patching', 4, schoolId)).json().answers.patching).toBe(4);

      const audit = await t.app.db.kysely.selectFrom('audit_log').select(['actor_id', 'action']).where('subject', '=', checkId).execute();
      // Sorted, not by time: events in the same millisecond have no order.
      expect(audit.map((e) => `${e.action} ${e.actor_id}`).sort()).toEqual(
        [`cyber_check_started ${ict.userId}`, `cyber_check_answered ${ict.userId}`, `cyber_check_answered ${principal.userId}`, `cyber_check_answered ${ict.userId}`].sort(),
      );
    });

    it('refuses an unknown measure or an option off the scale, naming the field, and writes nothing', async () => {
      const { schoolId, ict } = await freshSchool();
      const checkId = (await start(ict, schoolId)).json().id;
      expect(errorOf(await answer(ict, checkId, 'no-such-measure', 2, schoolId))).toMatchObject({ status: 400, id: 'validation_error', field: 'params.itemId' });
      expect(errorOf(await answer(ict, checkId, 'patching', 7, schoolId))).toMatchObject({ status: 400, id: 'validation_error', field: 'body.option' });
      expect(errorOf(await answer(ict, checkId, 'patching', 99, schoolId))).toMatchObject({ status: 400, id: 'validation_error', field: 'body.option' });
      expect(errorOf(await answer(ict, checkId, 'patching', -1, schoolId))).toMatchObject({ status: 400, field: 'body.option' });
      expect(errorOf(await answer(ict, checkId, 'patching', 'three', schoolId))).toMatchObject({ status: 400, field: 'body.option' });
      expect(errorOf(await answer(ict, 'no-such-check', 'patching', 2, schoolId))).toMatchObject({ status: 404, field: 'params.checkId' });
      const check = (await ict.request({ method: 'GET', url: checkUrl(schoolId, checkId) })).json();
      expect(check.answers).toEqual({});
      expect(check.updatedAt).toBe(check.startedAt);
    });

    it('is for the school’s runners only: teacher 403, board admin 403, another school 404, no session 401', async () => {
      const checkId = (await start(w.ictA)).json().id;
      expect(errorOf(await answer(w.teacherA, checkId, 'patching', 2))).toMatchObject({ status: 403, id: 'forbidden' });
      expect(errorOf(await answer(w.boardAdmin, checkId, 'patching', 2))).toMatchObject({ status: 403, id: 'forbidden' });
      expect(errorOf(await answer(w.principalOther, checkId, 'patching', 2))).toMatchObject({ status: 404 });
      expect(errorOf(await t.app.inject({ method: 'PUT', url: answerUrl(w.schoolA, checkId, 'patching'), payload: { option: 2 } }))).toMatchObject({ status: 401 });
      expect((await w.ictA.request({ method: 'GET', url: checkUrl(w.schoolA, checkId) })).json().answers.patching).toBeUndefined();
    });
  });

  describe('submitCyberCheck', () => {
    it('refuses an incomplete check naming every measure without an answer, then submits once, idempotently', async () => {
      const { schoolId, principal, ict } = await freshSchool();
      const checkId = (await start(ict, schoolId)).json().id;
      await answer(ict, checkId, itemIds[0], 3, schoolId);
      const incomplete = await submit(ict, checkId, schoolId);
      expect(errorOf(incomplete)).toMatchObject({ status: 422, id: 'scan_incomplete', field: `answers.${itemIds[1]}` });
      expect(incomplete.json().error.details).toHaveLength(itemIds.length - 1);
      expect((await ict.request({ method: 'GET', url: checkUrl(schoolId, checkId) })).json().status).toBe('in_progress');

      await answerAll(ict, checkId, () => undefined, schoolId);
      const submitted = await submit(principal, checkId, schoolId);
      expect(submitted.statusCode).toBe(200);
      expect(submitted.json()).toMatchObject({ status: 'submitted', submittedBy: { id: principal.userId } });
      const again = await submit(ict, checkId, schoolId);
      expect(again.statusCode).toBe(200);
      expect(again.json().submittedAt).toBe(submitted.json().submittedAt);
      expect(again.json().submittedBy.id).toBe(principal.userId);

      expect(errorOf(await answer(ict, checkId, 'patching', 1, schoolId))).toMatchObject({ status: 409, id: 'scan_submitted', field: 'params.checkId' });
      expect((await ict.request({ method: 'GET', url: checkUrl(schoolId, checkId) })).json().answers.patching).toBe(3);
      // The next start is a new check.
      const next = await start(ict, schoolId);
      expect(next.statusCode).toBe(201);
      expect(next.json().id).not.toBe(checkId);
    });

    it('is for the school’s runners only: teacher 403, another school 404, no session 401; unknown check 404', async () => {
      const checkId = (await start(w.ictA)).json().id;
      expect(errorOf(await submit(w.teacherA, checkId))).toMatchObject({ status: 403 });
      expect(errorOf(await submit(w.principalOther, checkId))).toMatchObject({ status: 404 });
      expect(errorOf(await t.app.inject({ method: 'POST', url: checkUrl(w.schoolA, checkId, '/submit') }))).toMatchObject({ status: 401 });
      expect(errorOf(await submit(w.ictA, 'no-such-check'))).toMatchObject({ status: 404, field: 'params.checkId' });
    });
  });

  describe('getCyberCheckResult and listCyberChecks', () => {
    let school: Awaited<ReturnType<typeof freshSchool>>;
    let firstId: string;
    let secondId: string;

    beforeAll(async () => {
      school = await freshSchool();
      firstId = (await start(school.ict, school.schoolId)).json().id;
      const weak: Record<string, number> = { 'mfa-remote': 1, patching: DONT_KNOW, 'restore-test': 0, firewall: 2 };
      await answerAll(school.ict, firstId, (id) => weak[id], school.schoolId);
      await submit(school.ict, firstId, school.schoolId);
      secondId = (await start(school.principal, school.schoolId)).json().id;
      await answerAll(school.principal, secondId, (id) => (id === 'firewall' ? 2 : 4), school.schoolId);
      await submit(school.principal, secondId, school.schoolId);
    });

    it('lists the measures below target, key measures first, "don\'t know" counted as the lowest step and marked', async () => {
      const response = await school.principal.request({ method: 'GET', url: checkUrl(school.schoolId, firstId, '/result') });
      expect(response.statusCode).toBe(200);
      const result = cyberCheckResultSchema.parse(response.json());
      expect(result.actions.map((a) => [a.rank, a.itemId, a.keyMeasure, a.maturity, a.gap, a.unknown])).toEqual([
        [1, 'patching', true, 0, 3, true],
        [2, 'mfa-remote', true, 1, 2, false],
        [3, 'restore-test', false, 0, 3, false],
        [4, 'firewall', false, 2, 1, false],
      ]);
      expect(result.actions[0]).toMatchObject({ reference: 'ID.AM-08.2', topicId: 'updates', front: 'infrastructure', maturityLabel: { en: '0 – Not in place' } });
      expect(result.target).toEqual({ maturity: 3, label: { nl: '3 – Vastgelegd', en: '3 – Defined' }, highest: 5 });
      expect(result.topics.map((topic) => topic.id)).toEqual(instrument.sections.map((s) => s.id));
      expect(result.topics.find((topic) => topic.id === 'backups')).toMatchObject({ measures: 3, atTarget: 2, meanMaturity: 2, previous: null });
      expect(result.overall).toMatchObject({ measures: itemIds.length, atTarget: itemIds.length - 4, keyMeasures: 5, keyMeasuresAtTarget: 3, unknown: 1 });
      expect(result.previous).toBeNull();
    });

    it('compares each topic with the previous check', async () => {
      const result = cyberCheckResultSchema.parse((await school.ict.request({ method: 'GET', url: checkUrl(school.schoolId, secondId, '/result') })).json());
      expect(result.previous).toMatchObject({ id: firstId, instrumentVersion: instrument.version });
      expect(result.topics.find((topic) => topic.id === 'backups')).toMatchObject({ meanMaturity: 4, previous: { meanMaturity: 2, change: 2 } });
      expect(result.actions.map((a) => a.itemId)).toEqual(['firewall']);
    });

    it('exports the actions as CSV for Belgian spreadsheets, in Dutch or English', async () => {
      const nl = await school.ict.request({ method: 'GET', url: checkUrl(school.schoolId, firstId, '/result?format=csv') });
      expect(nl.statusCode).toBe(200);
      expect(nl.headers['content-type']).toContain('text/csv');
      expect(nl.headers['content-disposition']).toMatch(/attachment; filename="cybercheck-\d{4}-\d{2}-\d{2}\.csv"/);
      const lines = nl.body.replace('\uFEFF', '').trim().split('\r\n');
      expect(lines[0]).toBe('Rang;Thema;Maatregel;Sleutelmaatregel;Referentie;Maturiteit;Doel;Achterstand;Weet ik niet;Actie');
      expect(lines).toHaveLength(5);
      expect(lines[1]).toMatch(/^1;Systemen bijwerken;.*;ja;ID\.AM-08\.2;0 – Niet aanwezig;3 – Vastgelegd;3;ja;/);
      const en = await school.ict.request({ method: 'GET', url: checkUrl(school.schoolId, firstId, '/result?format=csv&lang=en') });
      expect(en.body.replace('\uFEFF', '').split('\r\n')[0]).toBe("Rank;Topic;Measure;Key measure;Reference;Maturity;Target;Gap;Don't know;Action");
      expect(errorOf(await school.ict.request({ method: 'GET', url: checkUrl(school.schoolId, firstId, '/result?format=pdf') }))).toMatchObject({
        status: 400,
        field: 'querystring.format',
      });
    });

    it('has no result while in progress (409); readers only: teacher 403, another school 404, no session 401', async () => {
      const openId = (await start(school.ict, school.schoolId)).json().id;
      expect(errorOf(await school.ict.request({ method: 'GET', url: checkUrl(school.schoolId, openId, '/result') }))).toMatchObject({ status: 409, id: 'conflict' });
      const teacher = await t.user('teacher', { schoolId: school.schoolId });
      expect(errorOf(await teacher.request({ method: 'GET', url: checkUrl(school.schoolId, firstId, '/result') }))).toMatchObject({ status: 403 });
      expect(errorOf(await w.principalOther.request({ method: 'GET', url: checkUrl(school.schoolId, firstId, '/result') }))).toMatchObject({ status: 404 });
      expect(errorOf(await t.app.inject({ method: 'GET', url: checkUrl(school.schoolId, firstId, '/result') }))).toMatchObject({ status: 401 });
    });

    it('lists the checks newest first with the overall picture of each submitted one', async () => {
      const response = await school.principal.request({ method: 'GET', url: checksUrl(school.schoolId) });
      expect(response.statusCode).toBe(200);
      const { items } = cyberCheckListSchema.parse(response.json());
      const submitted = items.filter((c) => c.status === 'submitted');
      expect(submitted.map((c) => c.id)).toEqual([secondId, firstId]);
      expect(submitted[1].overall).toMatchObject({ actions: 4 });
      expect(submitted[0].overall).toMatchObject({ actions: 1 });
      expect(submitted[0].progress).toEqual({ answered: itemIds.length, total: itemIds.length });
      expect(items.filter((c) => c.status === 'in_progress').every((c) => c.overall === null)).toBe(true);
      const teacher = await t.user('teacher', { schoolId: school.schoolId });
      expect(errorOf(await teacher.request({ method: 'GET', url: checksUrl(school.schoolId) }))).toMatchObject({ status: 403 });
      expect(errorOf(await w.principalOther.request({ method: 'GET', url: checksUrl(school.schoolId) }))).toMatchObject({ status: 404 });
      expect(errorOf(await t.app.inject({ method: 'GET', url: checksUrl(school.schoolId) }))).toMatchObject({ status: 401 });
    });

    it('offers the prioritised actions to the ICT policy plan as suggested actions, behind the same access check', async () => {
      const suggestions = await t.app.services.cyberChecks.suggestedActions(school.principal.userId, school.schoolId, firstId);
      expect(suggestions.map((s) => suggestedActionSchema.parse(s))).toHaveLength(4);
      expect(suggestions.map((s) => [s.key, s.priority])).toEqual([
        ['patching', 1],
        ['mfa-remote', 2],
        ['restore-test', 3],
        ['firewall', 4],
      ]);
      expect(suggestions[0]).toMatchObject({ front: 'infrastructure', source: { kind: 'cyber_check', id: firstId }, target: { kind: 'instrument_item', code: 'patching' } });
      expect(suggestions[0].why.en).toContain('ID.AM-08.2');
      expect(suggestions[0].why.en).toContain("don't know");
      await expect(t.app.services.cyberChecks.suggestedActions(w.principalOther.userId, school.schoolId, firstId)).rejects.toMatchObject({ id: 'not_found' });
    });

    it('names the newest submitted check as the policy plan’s cyber-check source', async () => {
      const sources = (await school.principal.request({ method: 'GET', url: `/api/schools/${school.schoolId}/policy-plan/sources` })).json();
      expect(sources.items.find((s: { kind: string }) => s.kind === 'cyber_check')).toMatchObject({ latest: { id: secondId, date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) } });
      await expect(t.app.services.cyberChecks.latestResult(w.principalOther.userId, school.schoolId)).rejects.toMatchObject({ id: 'not_found' });
      const fresh = await freshSchool();
      await start(fresh.ict, fresh.schoolId);
      expect(await t.app.services.cyberChecks.latestResult(fresh.principal.userId, fresh.schoolId)).toBeNull();
    });
  });
});
