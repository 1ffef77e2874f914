import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { needsOfferSchema } from '../../src/shared/centre/needs-offer.api';
import { afterRecheck } from '../support/recheck';
import { errorOf, startTestApp, type TestApp, type TestClient } from '../support/test-app';
import { allAnswers, createSchool, instantFromNow, type School, submitScanAt } from './campaign-fixtures';
import { createSession, createTraining, providerAccount, sessionInput } from './catalogue-fixtures';

describe('getNeedsVersusOffer', () => {
  let t: TestApp;
  let analyst: TestClient;
  let antwerp: School;
  let provider: { client: TestClient; providerId: string };
  let trainingId: string;
  let sessionId: string;

  beforeAll(async () => {
    t = await startTestApp();
    analyst = await t.user('centre_analyst');
    antwerp = await createSchool(t, { teachers: 16, level: 'primary' });
    // 8 teachers at A2 (below B1) and 6 at B2 in every competence.
    for (const [i, teacherId] of antwerp.teacherIds.slice(0, 14).entries()) await submitScanAt(t, teacherId, instantFromNow(-20), allAnswers(i < 8 ? 1 : 3));
    provider = await providerAccount(t, 'Leerpunt Antwerpen');
    await t.app.db.kysely.updateTable('providers').set({ verified: 1 }).where('id', '=', provider.providerId).execute();
    ({ id: trainingId } = await createTraining(provider.client, {
      levelSteps: [{ competence: '5.2', from: 'A2', to: 'B1' }],
      location: { address: 'Meir 1', postalCode: '2000', city: 'Antwerpen', province: 'antwerpen' },
    }));
    ({ id: sessionId } = await createSession(provider.client, trainingId, sessionInput(30, { capacity: 3 })));
  });
  afterAll(() => t.close());

  const read = (client: TestClient | null, query = '') =>
    client ? client.request({ method: 'GET', url: `/api/centre/needs-offer${query}` }) : t.app.inject({ method: 'GET', url: `/api/centre/needs-offer${query}` });
  const cellsOf = async (query = '') => needsOfferSchema.parse((await read(analyst, query)).json()).cells;

  it('counts the teachers below B1 against the places within reach, the largest gap first', async () => {
    const response = await read(analyst, '?province=antwerpen');
    expect(response.statusCode).toBe(200);
    const body = needsOfferSchema.parse(response.json());
    expect(body).toMatchObject({ months: 6, threshold: 5 });
    expect(body.targets.find((target) => target.competence === '5.2')).toMatchObject({ competence: '5.2', area: 5, level: 'B1' });
    const assessment = body.cells.find((cell) => cell.competence === '5.2');
    expect(assessment).toMatchObject({ province: 'antwerpen', level: 'all', need: 8, scanned: 14, places: 3, shortfall: 5, gapIndex: 0.625 });
    const other = body.cells.find((cell) => cell.competence === '1.1');
    expect(other).toMatchObject({ need: 8, places: 0, shortfall: 8, gapIndex: 1 });
    expect(body.cells.map((cell) => cell.rank)).toEqual(body.cells.map((_, i) => i + 1));
    expect(body.cells.at(-1)?.competence).toBe('5.2');
  });

  it('filters by education level and competence, and hides what is under five, never as zero', async () => {
    const [cell] = await cellsOf('?level=primary&competence=5.2');
    expect(cell).toMatchObject({ province: 'antwerpen', level: 'primary', competence: '5.2', need: 8, places: 3 });
    expect(await cellsOf('?level=secondary')).toEqual([]);
    // Raise the target to C1: all 14 below it, 0 at or above, and 0 is hidden along with what gives it away.
    expect((await analyst.request({ method: 'PUT', url: '/api/centre/needs-offer/targets/1.1', payload: { level: 'C1' } })).statusCode).toBe(200);
    const [raised] = await cellsOf('?competence=1.1');
    expect(raised.need === null || raised.scanned === null).toBe(true);
    expect(raised.need).not.toBe(0);
    await analyst.request({ method: 'PUT', url: '/api/centre/needs-offer/targets/1.1', payload: { level: 'B1' } });
  });

  it('is counted anew after a scan is submitted and after a session changes: no stale answer', async () => {
    const before = (await cellsOf('?competence=5.2'))[0];
    await submitScanAt(t, antwerp.teacherIds[14], instantFromNow(-1), allAnswers(0));
    const afterScan = (await afterRecheck(() => cellsOf('?competence=5.2')))[0];
    expect(afterScan.need).toBe((before.need ?? 0) + 1);
    await createSession(provider.client, trainingId, sessionInput(60, { capacity: 10, online: true }));
    const afterSession = (await afterRecheck(() => cellsOf('?competence=5.2')))[0];
    expect(afterSession.places).toBe(13);
    // Beyond the window the session does not count.
    expect((await afterRecheck(() => cellsOf('?competence=5.2&months=1')))[0].places).toBe(3);
  });

  it('counts a seat taken by an enrolment and freed by a cancellation at the next read, with no session change', async () => {
    const places = async () => (await afterRecheck(() => cellsOf('?competence=5.2&months=1')))[0].places;
    expect(await places()).toBe(3);
    const teacher = await t.user('teacher');
    const enrolment = await teacher.request({ method: 'POST', url: `/api/sessions/${sessionId}/enrolments` });
    expect(enrolment.statusCode).toBe(201);
    expect(await places()).toBe(2);
    await teacher.request({ method: 'DELETE', url: `/api/enrolments/${enrolment.json().id}` });
    expect(await places()).toBe(3);
  });

  it('answers the admin too, and refuses teachers, principals, board admins, providers and the anonymous', async () => {
    expect((await read(await t.user('admin'))).statusCode).toBe(200);
    expect((await read(null)).statusCode).toBe(401);
    for (const role of ['teacher', 'principal', 'board_admin', 'provider'] as const) {
      expect(errorOf(await read(await t.user(role, role === 'provider' ? {} : { schoolId: antwerp.id })))).toMatchObject({ status: 403, id: 'forbidden' });
    }
  });

  it('refuses an unknown province, level or competence, naming the field', async () => {
    expect(errorOf(await read(analyst, '?province=atlantis'))).toMatchObject({ status: 400, id: 'validation_error', field: 'querystring.province' });
    expect(errorOf(await read(analyst, '?level=university'))).toMatchObject({ status: 400, id: 'validation_error', field: 'querystring.level' });
    expect(errorOf(await read(analyst, '?competence=9.9'))).toMatchObject({ status: 400, id: 'validation_error', field: 'querystring.competence' });
    expect(errorOf(await read(analyst, '?competence=assessment'))).toMatchObject({ status: 400, id: 'validation_error', field: 'querystring.competence' });
    expect(errorOf(await read(analyst, '?months=0'))).toMatchObject({ status: 400, id: 'validation_error', field: 'querystring.months' });
  });

  describe('setCentreTarget', () => {
    const put = (client: TestClient, competence: string, payload: object) => client.request({ method: 'PUT', url: `/api/centre/needs-offer/targets/${competence}`, payload });

    it('sets a target, audited, and refuses a bad level, an unknown competence and other roles', async () => {
      const response = await put(analyst, '2.1', { level: 'B2' });
      expect(response.statusCode).toBe(200);
      expect(response.json().targets).toContainEqual(expect.objectContaining({ competence: '2.1', level: 'B2' }));
      const audit = await t.app.db.kysely.selectFrom('audit_log').selectAll().where('action', '=', 'centre_target_set').execute();
      expect(audit.map((row) => row.subject)).toContain('2.1');
      expect(errorOf(await put(analyst, '2.1', { level: 'D1' }))).toMatchObject({ status: 400, field: 'body.level' });
      expect(errorOf(await put(analyst, '9.9', { level: 'B2' }))).toMatchObject({ status: 404, field: 'params.competence' });
      expect(errorOf(await put(await t.user('teacher', { schoolId: antwerp.id }), '2.1', { level: 'B2' }))).toMatchObject({ status: 403 });
      await put(analyst, '2.1', { level: 'B1' });
    });
  });

  describe('the providers and the message', () => {
    const message = (client: TestClient | null, payload: object) =>
      client
        ? client.request({ method: 'POST', url: '/api/centre/needs-offer/messages', payload })
        : t.app.inject({ method: 'POST', url: '/api/centre/needs-offer/messages', payload });
    const body = () => ({
      province: 'antwerpen',
      level: 'primary',
      competence: '5.2',
      providerIds: [provider.providerId],
      subject: 'Nood aan opleiding in 5.2',
      message: 'Leraren in Antwerpse basisscholen hebben nood aan 5.2 Evaluatiestrategieën: 8 hebben een stap nodig, 3 plaatsen.',
    });

    it('lists the verified providers of the same area within reach', async () => {
      const response = await analyst.request({ method: 'GET', url: '/api/centre/needs-offer/providers?province=antwerpen&competence=5.1' });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({ area: 5, providers: [{ id: provider.providerId, name: 'Leerpunt Antwerpen', trainings: 1, competences: ['5.2'] }] });
      expect(errorOf(await analyst.request({ method: 'GET', url: '/api/centre/needs-offer/providers?province=antwerpen&competence=8.1' }))).toMatchObject({ status: 400 });
    });

    it('mails each verified provider through the outbox, audited', async () => {
      const response = await message(analyst, body());
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({ sent: 1 });
      const outbox = await t.app.db.kysely.selectFrom('outbox').select(['to_address', 'subject']).where('subject', '=', 'Nood aan opleiding in 5.2').execute();
      expect(outbox).toHaveLength(1);
      const audit = await t.app.db.kysely.selectFrom('audit_log').selectAll().where('action', '=', 'centre_gap_message_sent').execute();
      expect(JSON.parse(audit[0].details ?? '{}')).toMatchObject({ province: 'antwerpen', competence: '5.2', providers: [provider.providerId] });
    });

    it('sends nothing when a provider is unknown or not verified, or the message is empty', async () => {
      const unverified = await providerAccount(t, 'Nog niet nagekeken');
      const count = async () => (await t.app.db.kysely.selectFrom('outbox').select('id').execute()).length;
      const before = await count();
      expect(errorOf(await message(analyst, { ...body(), providerIds: [provider.providerId, unverified.providerId] }))).toMatchObject({
        status: 400,
        field: 'body.providerIds.1',
      });
      expect(errorOf(await message(analyst, { ...body(), message: '  ' }))).toMatchObject({ status: 400, field: 'body.message' });
      expect(errorOf(await message(analyst, { ...body(), competence: '9.9' }))).toMatchObject({ status: 400, field: 'body.competence' });
      expect(await count()).toBe(before);
    });

    it('refuses the message to anyone but the centre', async () => {
      expect((await message(null, body())).statusCode).toBe(401);
      for (const role of ['teacher', 'principal', 'board_admin'] as const) {
        expect(errorOf(await message(await t.user(role, { schoolId: antwerp.id }), body()))).toMatchObject({ status: 403 });
      }
    });
  });
});
