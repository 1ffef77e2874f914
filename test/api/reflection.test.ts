import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededUniform } from '../../src/shared/platform/differential-privacy';
import type { ReflectionReport, ReflectionRoundDto } from '../../src/shared/school/reflection/reflection';
import { errorOf, startTestApp, type TestApp } from '../support/test-app';
import { dayFromToday } from './campaign-fixtures';
import {
  accountAnswers,
  accountsAnswerQuickly,
  classCode,
  openRound,
  pupilsAnswer,
  pupilsAnswerQuickly,
  type ReflectionSchool,
  reflectionSchool,
  roundsUrl,
  roundUrl,
  teachersAnswer,
} from './reflection-fixtures';

/** Rounds, class codes, the report and its suggested actions, as a school's managers use them. */

/** The server as configured by default (ε = 1 per histogram), with its noise drawn from a seed so that a run can be replayed. */
let t: TestApp;
/**
 * A server at ε = 50, where the noise is zero in practice (P(X ≠ 0) ≈ 4 · 10⁻²² per count): to check
 * what the report works out from its published counts to the digit.
 */
let exact: TestApp;
let s: ReflectionSchool;

beforeAll(async () => {
  t = await startTestApp({}, { privacyUniform: seededUniform(20261223) });
  exact = await startTestApp({}, { privacyEpsilon: 50 });
  s = await reflectionSchool(t);
});
afterAll(async () => {
  await t.close();
  await exact.close();
});

describe('the OpenAPI document', () => {
  it('names every reflection operation', async () => {
    const document = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const operationIds = Object.values(document.paths as Record<string, Record<string, { operationId?: string }>>).flatMap((path) =>
      Object.values(path).map((operation) => operation.operationId),
    );
    const managers = ['listReflectionInstruments', 'openReflectionRound', 'listReflectionRounds', 'getReflectionRound', 'closeReflectionRound', 'reopenReflectionRound'];
    const codes = ['createReflectionCode', 'rotateReflectionCode', 'revokeReflectionCode', 'getReflectionCode', 'getReflectionReport'];
    const respondents = ['listMyReflections', 'startReflectionResponse', 'startPupilReflection', 'getReflectionResponse', 'answerReflectionItem', 'submitReflectionResponse'];
    for (const id of [...managers, ...codes, ...respondents]) expect(operationIds).toContain(id);
  });
});

describe('listReflectionInstruments', () => {
  it('lists both reflections in their newest version with the statements per group', async () => {
    const response = await s.teacher.request({ method: 'GET', url: '/api/reflection-instruments' });
    expect(response.statusCode).toBe(200);
    const items = response.json().items;
    expect(items.map((i: { id: string }) => i.id)).toEqual(['school-reflection', 'ai-readiness']);
    expect(items[0]).toMatchObject({ version: '2026', sections: 8, groups: ['leaders', 'teachers', 'pupils'] });
    expect(items[0].items.find((i: { group: string }) => i.group === 'pupils').count).toBeLessThan(items[0].items[0].count);
  });

  it('needs a session', async () => {
    expect(errorOf(await t.app.inject({ method: 'GET', url: '/api/reflection-instruments' })).status).toBe(401);
  });
});

describe('openReflectionRound', () => {
  it('opens a round of the newest version for the chosen groups, in report order', async () => {
    const round = await openRound(s.ict, s.schoolId, { instrumentId: 'ai-readiness', groups: ['teachers', 'leaders'], maxResponsesPerCode: 30 });
    expect(round).toMatchObject({
      schoolId: s.schoolId,
      instrument: { id: 'ai-readiness', version: '2026' },
      sourceKind: 'ai_readiness',
      groups: ['leaders', 'teachers'],
      status: 'open',
      minGroupSize: 5,
      maxResponsesPerCode: 30,
      participation: [
        { group: 'leaders', started: 0, completed: 0 },
        { group: 'teachers', started: 0, completed: 0 },
      ],
      codes: [],
    });
  });

  it('refuses bad input with the field at fault, and writes nothing', async () => {
    const before = (await s.principal.request({ method: 'GET', url: roundsUrl(s.schoolId) })).json().items.length;
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ instrumentId: 'cyber-check' }, 'body.instrumentId'],
      [{ groups: [] }, 'body.groups'],
      [{ groups: ['teachers', 'teachers'] }, 'body.groups'],
      [{ groups: ['school'] }, 'body.groups.0'],
      [{ closesOn: dayFromToday(-1), opensOn: dayFromToday(-5) }, 'body.closesOn'],
      [{ opensOn: dayFromToday(3), closesOn: dayFromToday(1) }, 'body.closesOn'],
      [{ closesOn: '31/12/2026' }, 'body.closesOn'],
      [{ minGroupSize: 4 }, 'body.minGroupSize'],
      [{ maxResponsesPerCode: 0 }, 'body.maxResponsesPerCode'],
      [{ extra: true }, 'body'],
    ];
    for (const [body, field] of cases) {
      const response = await s.principal.request({
        method: 'POST',
        url: roundsUrl(s.schoolId),
        payload: { instrumentId: 'school-reflection', groups: ['teachers'], opensOn: dayFromToday(20), closesOn: dayFromToday(30), ...body },
      });
      const error = errorOf(response);
      expect(error.id, JSON.stringify(body)).toBe('validation_error');
      expect(error.field ?? '', JSON.stringify(body)).toContain(field.split('.').slice(0, 2).join('.'));
    }
    expect((await s.principal.request({ method: 'GET', url: roundsUrl(s.schoolId) })).json().items).toHaveLength(before);
  });

  it('refuses a second round of the same instrument over the same days (409), not of another', async () => {
    const school = await reflectionSchool(t);
    await openRound(school.principal, school.schoolId);
    const clash = await school.principal.request({
      method: 'POST',
      url: roundsUrl(school.schoolId),
      payload: { instrumentId: 'school-reflection', groups: ['teachers'], opensOn: dayFromToday(5), closesOn: dayFromToday(20) },
    });
    expect(errorOf(clash)).toMatchObject({ status: 409, id: 'conflict', field: 'body.opensOn' });
    await openRound(school.principal, school.schoolId, { instrumentId: 'ai-readiness' });
  });

  it('is for principals and ICT coordinators: 401 without session, 403 for a teacher or board admin, 404 for another school', async () => {
    const payload = { instrumentId: 'school-reflection', groups: ['teachers'], opensOn: dayFromToday(40), closesOn: dayFromToday(50) };
    expect(errorOf(await t.app.inject({ method: 'POST', url: roundsUrl(s.schoolId), payload })).status).toBe(401);
    expect(errorOf(await s.teacher.request({ method: 'POST', url: roundsUrl(s.schoolId), payload }))).toMatchObject({ status: 403, id: 'forbidden' });
    expect(errorOf(await s.boardAdmin.request({ method: 'POST', url: roundsUrl(s.schoolId), payload })).status).toBe(403);
    expect(errorOf(await s.outsider.request({ method: 'POST', url: roundsUrl(s.schoolId), payload }))).toMatchObject({ status: 404, id: 'not_found' });
    expect(errorOf(await s.principal.request({ method: 'POST', url: roundsUrl(s.schoolId), payload, csrf: false })).id).toBe('csrf_failed');
  });
});

describe('listReflectionRounds and getReflectionRound', () => {
  it('shows rounds to managers and the board; teachers 403, other schools and unknown rounds 404', async () => {
    const round = await openRound(s.principal, s.schoolId, { instrumentId: 'school-reflection', opensOn: dayFromToday(60), closesOn: dayFromToday(70) });
    expect(round.status).toBe('scheduled');
    const list = await s.boardAdmin.request({ method: 'GET', url: roundsUrl(s.schoolId) });
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((r: ReflectionRoundDto) => r.id)).toContain(round.id);
    expect((await s.ict.request({ method: 'GET', url: roundUrl(s.schoolId, round.id) })).json().id).toBe(round.id);
    expect(errorOf(await s.teacher.request({ method: 'GET', url: roundsUrl(s.schoolId) })).status).toBe(403);
    expect(errorOf(await s.outsider.request({ method: 'GET', url: roundUrl(s.schoolId, round.id) })).status).toBe(404);
    expect(errorOf(await s.principal.request({ method: 'GET', url: roundUrl(s.schoolId, 'no-such-round') }))).toMatchObject({ status: 404, field: 'params.roundId' });
    expect(errorOf(await t.app.inject({ method: 'GET', url: roundUrl(s.schoolId, round.id) })).status).toBe(401);
  });
});

describe('closeReflectionRound and reopenReflectionRound', () => {
  it('closes now, refuses to close twice, reopens to a new last day', async () => {
    const school = await reflectionSchool(t);
    const round = await openRound(school.principal, school.schoolId);
    const closed = await school.ict.request({ method: 'POST', url: `${roundUrl(school.schoolId, round.id)}/close` });
    expect(closed.json()).toMatchObject({ status: 'closed', closedAt: expect.any(String) });
    expect(errorOf(await school.ict.request({ method: 'POST', url: `${roundUrl(school.schoolId, round.id)}/close` }))).toMatchObject({ status: 409, id: 'conflict' });
    const bad = await school.principal.request({ method: 'POST', url: `${roundUrl(school.schoolId, round.id)}/reopen`, payload: { closesOn: 'tomorrow' } });
    expect(errorOf(bad)).toMatchObject({ status: 400, id: 'validation_error' });
    const reopened = await school.principal.request({ method: 'POST', url: `${roundUrl(school.schoolId, round.id)}/reopen`, payload: { closesOn: dayFromToday(21) } });
    expect(reopened.json()).toMatchObject({ status: 'open', closedAt: null, closesOn: dayFromToday(21) });
    expect(errorOf(await school.principal.request({ method: 'POST', url: `${roundUrl(school.schoolId, round.id)}/reopen` }))).toMatchObject({ status: 409 });
  });

  it('is for managers only: 403 for a teacher or board admin, 404 elsewhere, 401 without session', async () => {
    const round = await openRound(s.principal, s.schoolId, { instrumentId: 'school-reflection', opensOn: dayFromToday(80), closesOn: dayFromToday(90) });
    const url = `${roundUrl(s.schoolId, round.id)}/close`;
    expect(errorOf(await s.teacher.request({ method: 'POST', url })).status).toBe(403);
    expect(errorOf(await s.boardAdmin.request({ method: 'POST', url })).status).toBe(403);
    expect(errorOf(await s.outsider.request({ method: 'POST', url })).status).toBe(404);
    expect(errorOf(await t.app.inject({ method: 'POST', url })).status).toBe(401);
    expect(errorOf(await s.outsider.request({ method: 'POST', url: `${roundUrl(s.schoolId, round.id)}/reopen` })).status).toBe(404);
  });
});

describe('class codes', () => {
  it('creates, rotates and revokes codes; a rotated or revoked code no longer opens the round', async () => {
    const school = await reflectionSchool(t);
    const round = await openRound(school.principal, school.schoolId);
    const created = await school.ict.request({ method: 'POST', url: `${roundUrl(school.schoolId, round.id)}/codes`, payload: { label: '6B', maxResponses: 28 } });
    expect(created.statusCode).toBe(201);
    const code = created.json().codes[0];
    expect(code).toMatchObject({ label: '6B', maxResponses: 28, used: 0, revokedAt: null, code: expect.stringMatching(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/) });
    expect(code.url).toMatch(new RegExp(`/reflectie/${code.code}$`));
    expect((await t.app.inject({ method: 'GET', url: `/api/reflection-codes/${code.code.toLowerCase().replace('-', '')}` })).json()).toMatchObject({
      label: '6B',
      round: { id: round.id, status: 'open', instrument: { id: 'school-reflection' } },
    });

    const rotated = (await school.principal.request({ method: 'POST', url: `${roundUrl(school.schoolId, round.id)}/codes/${code.id}/rotate` })).json().codes[0];
    expect(rotated.code).not.toBe(code.code);
    expect(errorOf(await t.app.inject({ method: 'GET', url: `/api/reflection-codes/${code.code}` })).status).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/reflection-codes/${rotated.code}` })).statusCode).toBe(200);

    const revoked = await school.principal.request({ method: 'POST', url: `${roundUrl(school.schoolId, round.id)}/codes/${code.id}/revoke` });
    expect(revoked.json().codes[0].revokedAt).toEqual(expect.any(String));
    expect(errorOf(await t.app.inject({ method: 'GET', url: `/api/reflection-codes/${rotated.code}` })).status).toBe(404);
    expect(errorOf(await t.app.inject({ method: 'POST', url: `/api/reflection-codes/${rotated.code}/responses` })).status).toBe(404);
    expect(errorOf(await school.principal.request({ method: 'POST', url: `${roundUrl(school.schoolId, round.id)}/codes/${code.id}/revoke` })).status).toBe(409);
    expect(errorOf(await school.principal.request({ method: 'POST', url: `${roundUrl(school.schoolId, round.id)}/codes/${code.id}/rotate` })).status).toBe(409);
  });

  it('refuses bad input, rounds without pupils, other schools and teachers', async () => {
    const round = await openRound(s.principal, s.schoolId, { instrumentId: 'ai-readiness', groups: ['leaders', 'teachers'], opensOn: dayFromToday(100), closesOn: dayFromToday(110) });
    const url = `${roundUrl(s.schoolId, round.id)}/codes`;
    expect(errorOf(await s.principal.request({ method: 'POST', url, payload: { label: '  ' } }))).toMatchObject({ status: 400, field: 'body.label' });
    expect(errorOf(await s.principal.request({ method: 'POST', url, payload: { label: '5A', maxResponses: 501 } }))).toMatchObject({ status: 400, field: 'body.maxResponses' });
    expect(errorOf(await s.principal.request({ method: 'POST', url, payload: { label: '5A' } }))).toMatchObject({ status: 409, id: 'conflict' });
    expect(errorOf(await s.teacher.request({ method: 'POST', url, payload: { label: '5A' } })).status).toBe(403);
    expect(errorOf(await s.outsider.request({ method: 'POST', url, payload: { label: '5A' } })).status).toBe(404);
    expect(errorOf(await t.app.inject({ method: 'POST', url, payload: { label: '5A' } })).status).toBe(401);
    expect(errorOf(await s.principal.request({ method: 'POST', url: `${url}/no-such-code/revoke` }))).toMatchObject({ status: 404, field: 'params.codeId' });
  });
});

describe('getReflectionReport', () => {
  it('reports per section and group: noisy counts per scale value and N/A, means from them; a group of 4 shows nothing', async () => {
    const school = await reflectionSchool(exact);
    const round = await openRound(school.principal, school.schoolId);
    const code = await classCode(school.principal, school.schoolId, round.id);
    // Pupils: everything "agree" (option 3 → value 4). Teachers: infrastructure low (option 0 → 1), the rest N/A.
    await pupilsAnswer(exact, code, 6, 3);
    await teachersAnswer(exact, school.schoolId, round.id, 5, (item) => (item.startsWith('infra-') ? 0 : 5));
    // Four leaders: below the threshold.
    for (let i = 0; i < 4; i += 1) await accountAnswers(exact, await exact.user('principal', { schoolId: school.schoolId }), round.id, 4);

    const response = await school.ict.request({ method: 'GET', url: `${roundUrl(school.schoolId, round.id)}/report` });
    expect(response.statusCode).toBe(200);
    const report: ReflectionReport = response.json();
    expect(report.threshold).toBe(5);
    expect(report.groups).toEqual([
      { group: 'leaders', respondents: { count: null, suppressed: true }, awaiting: true },
      { group: 'teachers', respondents: { count: 5, suppressed: false }, awaiting: false },
      { group: 'pupils', respondents: { count: 6, suppressed: false }, awaiting: false },
    ]);
    // The four leaders are in no number, so the total is the two shown groups.
    expect(report.total).toEqual({ count: 11, suppressed: false });
    // 31 statements for teachers, 15 for pupils: one histogram each; leaders none.
    expect(report.noise).toMatchObject({ epsilon: 50, histograms: 31 + 15, publication: 1, errorBound: 0, confidence: 0.9, publishedAt: expect.any(String) });
    const infrastructure = report.sections.find((section) => section.id === 'infrastructure')!;
    const stats = (group: string) => infrastructure.groups.find((g) => g.group === group)!;
    expect(stats('leaders')).toMatchObject({ respondents: { count: null, suppressed: true }, mean: null, notApplicable: null });
    expect(stats('leaders').distribution.every((cell) => cell.count === null)).toBe(true);
    expect(stats('teachers')).toMatchObject({ mean: 1, belowAction: true, notApplicable: 0 });
    expect(stats('teachers').distribution.map((cell) => cell.count)).toEqual([25, 0, 0, 0, 0]);
    expect(stats('pupils')).toMatchObject({ mean: 4, belowAction: false });
    expect(infrastructure.pointForAction).toBe(true);
    expect(infrastructure.gaps).toEqual([{ higher: 'pupils', lower: 'teachers', difference: 3 }]);
    expect(report.pointsForAction).toEqual(['infrastructure']);
    // A section the teachers found not applicable: N/A counted, not in the mean.
    const leadership = report.sections.find((section) => section.id === 'leadership')!;
    const teachers = leadership.groups.find((g) => g.group === 'teachers')!;
    expect(teachers).toMatchObject({ mean: null, notApplicable: 20 });
    // The professional-development section has no pupil statements: pupils are not in it.
    const cpd = report.sections.find((section) => section.id === 'professional-development')!;
    expect(cpd.groups.map((g) => g.group)).toEqual(['leaders', 'teachers', 'all']);
    expect(JSON.stringify(report)).not.toContain(school.principal.userId);
  });

  it('adds a group’s later answers only in batches of the threshold, each batch a new publication', async () => {
    const school = await reflectionSchool(exact);
    const round = await openRound(school.principal, school.schoolId, { groups: ['teachers'] });
    const url = `${roundUrl(school.schoolId, round.id)}/report`;
    await teachersAnswer(exact, school.schoolId, round.id, 4, 4);
    expect(errorOf(await school.principal.request({ method: 'GET', url }))).toMatchObject({ status: 422, id: 'too_few_respondents' });
    await teachersAnswer(exact, school.schoolId, round.id, 1, 4);
    const first: ReflectionReport = (await school.principal.request({ method: 'GET', url })).json();
    expect(first.total.count).toBe(5);
    expect(first.noise.publication).toBe(1);
    // A sixth teacher, with the lowest answers: the report keeps showing the five.
    await teachersAnswer(exact, school.schoolId, round.id, 1, 0);
    const kept: ReflectionReport = (await school.principal.request({ method: 'GET', url })).json();
    expect(kept.total.count).toBe(5);
    expect(kept.groups[0].awaiting).toBe(true);
    expect(kept.sections).toEqual(first.sections);
    expect(kept.noise).toEqual(first.noise);
    await teachersAnswer(exact, school.schoolId, round.id, 4, 0);
    const next: ReflectionReport = (await school.principal.request({ method: 'GET', url })).json();
    expect(next.total.count).toBe(10);
    expect(next.groups[0].awaiting).toBe(false);
    expect(next.sections[0].groups[0].mean).toBe(3);
    expect(next.noise.publication).toBe(2);
  });

  it('exports the same numbers as CSV (semicolons, BOM, decimal commas) in Dutch or English, with the sentence on noise', async () => {
    const school = await reflectionSchool(exact);
    const round = await openRound(school.principal, school.schoolId, { instrumentId: 'ai-readiness', groups: ['teachers'] });
    await teachersAnswer(exact, school.schoolId, round.id, 5, (item) => (item === 'ai-rules' ? 1 : 2));
    const csv = await school.principal.request({ method: 'GET', url: `${roundUrl(school.schoolId, round.id)}/report?format=csv` });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toContain('attachment');
    expect(csv.body.startsWith('\uFEFF')).toBe(true);
    const lines = csv.body.slice(1).trim().split('\r\n');
    expect(lines[0].split(';').slice(0, 7)).toEqual(['Niveau', 'Domein', 'Id', 'Naam', 'Groep', 'Respondenten', 'Gemiddelde']);
    expect(lines).toContain('stelling;ai-vision;ai-rules;Er zijn duidelijke afspraken over wanneer leerlingen AI mogen gebruiken voor schoolwerk.;Leraren;5;2;0;5;0;0;0;0;ja;nee');
    expect(lines.at(-1)).toMatch(/^Elke telling bevat een beetje willekeurige ruis.*gemiddeld 0 af.*hoogstens 0 af.*ε = 50 per tabel, 11 tabellen in publicatie 1\.$/);
    const english = await school.principal.request({ method: 'GET', url: `${roundUrl(school.schoolId, round.id)}/report?format=csv&lang=en` });
    expect(english.body).toContain('Level;Area;Id;Name;Group;Respondents;Mean');
    expect(english.body).toContain('Every count carries a little random noise');
    expect(errorOf(await school.principal.request({ method: 'GET', url: `${roundUrl(school.schoolId, round.id)}/report?format=pdf` })).status).toBe(400);
  });

  it('is for managers and the board: 403 for a teacher, 404 for another school, 401 without session', async () => {
    const round = await openRound(s.principal, s.schoolId, { instrumentId: 'ai-readiness', groups: ['teachers'], opensOn: dayFromToday(120), closesOn: dayFromToday(130) });
    const url = `${roundUrl(s.schoolId, round.id)}/report`;
    expect(errorOf(await s.boardAdmin.request({ method: 'GET', url })).id).toBe('too_few_respondents');
    expect(errorOf(await s.teacher.request({ method: 'GET', url })).status).toBe(403);
    expect(errorOf(await s.outsider.request({ method: 'GET', url })).status).toBe(404);
    expect(errorOf(await t.app.inject({ method: 'GET', url })).status).toBe(401);
    expect(errorOf(await s.principal.request({ method: 'GET', url: `${roundUrl(s.schoolId, 'no-such-round')}/report` }))).toMatchObject({ status: 404, field: 'params.roundId' });
    expect(errorOf(await s.principal.request({ method: 'GET', url: `${url}?lang=fr` }))).toMatchObject({ status: 400, id: 'validation_error' });
  });
});

describe('getReflectionReport with noise (issue 9 finding 3, issue 10 finding 3)', () => {
  it('draws noise once: two reads give the same report and CSV, and four stand-ins after a publication make no new one', async () => {
    const school = await reflectionSchool(t);
    const round = await openRound(school.principal, school.schoolId, { instrumentId: 'ai-readiness', groups: ['teachers', 'pupils'] });
    const code = await classCode(school.principal, school.schoolId, round.id);
    const url = `${roundUrl(school.schoolId, round.id)}/report`;
    await teachersAnswer(t, school.schoolId, round.id, 5, 2);
    await pupilsAnswer(t, code, 5, (item) => (item === 'ai-literacy' ? 1 : 3));
    const first = await school.principal.request({ method: 'GET', url });
    const again = await school.ict.request({ method: 'GET', url });
    expect(again.body).toBe(first.body);
    const csv = (await school.principal.request({ method: 'GET', url: `${url}?format=csv` })).body;
    expect((await school.boardAdmin.request({ method: 'GET', url: `${url}?format=csv` })).body).toBe(csv);
    const published: ReflectionReport = first.json();
    expect(published.noise).toMatchObject({ epsilon: 1, histograms: 11 + 3, expectedError: 0.85, errorBound: 2, confidence: 0.9, publication: 1 });
    expect(published.total).toEqual({ count: 10, suppressed: false });

    // The attacker of the finding holds the class code and posts four responses of their own: fewer than five new.
    await pupilsAnswer(t, code, 4, 0);
    const after: ReflectionReport = (await school.principal.request({ method: 'GET', url })).json();
    expect(after.noise).toEqual(published.noise);
    expect(after.sections).toEqual(published.sections);
    expect(after.groups.find((g) => g.group === 'pupils')).toEqual({ group: 'pupils', respondents: { count: 5, suppressed: false }, awaiting: true });

    // A fifth new pupil: a new publication. The teachers did not change and keep their noise; the pupils' is drawn afresh.
    await pupilsAnswer(t, code, 1, 0);
    const next: ReflectionReport = (await school.principal.request({ method: 'GET', url })).json();
    expect(next.noise.publication).toBe(2);
    expect(next.groups.find((g) => g.group === 'pupils')!.respondents.count).toBe(10);
    const teacherStats = (r: ReflectionReport) => r.sections.flatMap((section) => section.items.map((item) => item.groups.find((g) => g.group === 'teachers')));
    expect(teacherStats(next)).toEqual(teacherStats(published));
    expect((await school.principal.request({ method: 'GET', url })).body).toBe(JSON.stringify(next));
  });

  it('stores a publication as noisy counts only, and publishes a round whose answers joined the report before publications were stored', async () => {
    const school = await reflectionSchool(t);
    const round = await openRound(school.principal, school.schoolId, { instrumentId: 'ai-readiness', groups: ['teachers'] });
    await teachersAnswer(t, school.schoolId, round.id, 5, 2);
    // As the report before publications left it: the five are in the report, and nothing is stored.
    await sql`update reflection_responses set in_report = 1 where round_id = ${round.id} and submitted = 1`.execute(t.app.db.kysely);
    const report: ReflectionReport = (await school.principal.request({ method: 'GET', url: `${roundUrl(school.schoolId, round.id)}/report` })).json();
    expect(report.noise.publication).toBe(1);
    expect(report.groups[0]).toEqual({ group: 'teachers', respondents: { count: 5, suppressed: false }, awaiting: false });
    const stored = await sql<{ number: number; content: string }>`select number, content from reflection_publications where round_id = ${round.id}`.execute(t.app.db.kysely);
    expect(stored.rows).toHaveLength(1);
    const content = JSON.parse(stored.rows[0].content);
    expect(Object.keys(content).sort()).toEqual(['counts', 'epsilon', 'histograms', 'respondents', 'threshold']);
    expect(Object.keys(content.counts['ai-rules'])).toEqual(['teachers']);
  });

  it('publishes once when several readers ask at the same moment', async () => {
    const school = await reflectionSchool(t);
    const round = await openRound(school.principal, school.schoolId, { instrumentId: 'ai-readiness', groups: ['teachers'] });
    await teachersAnswer(t, school.schoolId, round.id, 5, 1);
    const url = `${roundUrl(school.schoolId, round.id)}/report`;
    const readers = [school.principal, school.ict, school.boardAdmin, school.principal, school.ict];
    const bodies = await Promise.all(readers.map(async (reader) => (await reader.request({ method: 'GET', url })).body));
    expect(new Set(bodies).size).toBe(1);
    expect(JSON.parse(bodies[0]).noise.publication).toBe(1);
  });

  it('2 leaders, 30 teachers, 200 pupils: teachers and pupils shown, their counts within the stated error', { timeout: 120_000 }, async () => {
    const school = await reflectionSchool(t);
    const round = await openRound(school.principal, school.schoolId, { instrumentId: 'ai-readiness', maxResponsesPerCode: 200 });
    const code = await classCode(school.principal, school.schoolId, round.id, '1-6', 200);
    // Answers spread over the whole scale and N/A, replayable.
    const choice = (offset: number) => (i: number, item: string) => (i * 7 + item.length * 3 + offset) % 6;
    await accountsAnswerQuickly(t, school.schoolId, round.id, 'principal', 2, choice(1));
    await accountsAnswerQuickly(t, school.schoolId, round.id, 'teacher', 30, choice(2));
    await pupilsAnswerQuickly(t, code, 200, choice(3));
    const report: ReflectionReport = (await school.principal.request({ method: 'GET', url: `${roundUrl(school.schoolId, round.id)}/report` })).json();
    expect(report.groups.map((g) => [g.group, g.respondents.count])).toEqual([
      ['leaders', null],
      ['teachers', 30],
      ['pupils', 200],
    ]);

    const sizes = { teachers: 30, pupils: 200 } as const;
    let cells = 0;
    let within = 0;
    for (const item of report.sections.flatMap((section) => section.items)) {
      for (const group of ['teachers', 'pupils'] as const) {
        const stats = item.groups.find((g) => g.group === group);
        if (!stats) continue;
        const truth = [0, 1, 2, 3, 4, 5].map(
          (option) => Array.from({ length: sizes[group] }, (_, i) => choice(group === 'teachers' ? 2 : 3)(i, item.id)).filter((o) => o === option).length,
        );
        const published = [...stats.distribution.map((cell) => cell.count!), stats.notApplicable!];
        published.forEach((count, cell) => {
          cells += 1;
          // A share is a count over the group's size, so a share within errorBound / size is a count within errorBound.
          if (Math.abs(count / sizes[group] - truth[cell] / sizes[group]) <= report.noise.errorBound / sizes[group]) within += 1;
        });
      }
    }
    expect(cells).toBe((11 + 3) * 6);
    expect(within / cells).toBeGreaterThanOrEqual(report.noise.confidence - 3 * Math.sqrt((0.9 * 0.1) / cells));
  });
});

describe('suggested actions (the policy plan’s sources)', () => {
  it('turns the low statements of the shown report into actions, lowest first, for the round’s own kind only', async () => {
    const school = await reflectionSchool(exact);
    const round = await openRound(school.principal, school.schoolId, { instrumentId: 'ai-readiness', groups: ['teachers'] });
    await teachersAnswer(exact, school.schoolId, round.id, 5, (item) => ({ 'ai-rules': 0, 'ai-data-check': 1 })[item] ?? 3);
    const sources = exact.app.services.reflections.actionSources();
    expect(sources.map((source) => source.kind)).toEqual(['reflection', 'ai_readiness']);
    const ai = sources.find((source) => source.kind === 'ai_readiness')!;
    const actions = await ai.suggestedActions(school.principal.userId, school.schoolId, round.id);
    expect(actions.map((a) => [a.key, a.priority, a.front, a.source])).toEqual([
      ['ai-rules', 1, 'policy', { kind: 'ai_readiness', id: round.id }],
      ['ai-data-check', 2, 'policy', { kind: 'ai_readiness', id: round.id }],
    ]);
    expect(actions[0].title.nl).toContain('Leg per soort opdracht vast');
    const reflection = sources.find((source) => source.kind === 'reflection')!;
    await expect(reflection.suggestedActions(school.principal.userId, school.schoolId, round.id)).rejects.toMatchObject({ id: 'not_found' });
    await expect(ai.suggestedActions((await reflectionSchool(exact)).principal.userId, school.schoolId, round.id)).rejects.toMatchObject({ id: 'not_found' });
    await expect(ai.suggestedActions(school.teacher.userId, school.schoolId, round.id)).rejects.toMatchObject({ id: 'forbidden' });
  });

  it('names the school’s newest round of each kind that has begun', async () => {
    const school = await reflectionSchool(t);
    const [reflection, ai] = t.app.services.reflections.actionSources();
    expect(await ai.latestResult!(school.principal.userId, school.schoolId)).toBeNull();
    await openRound(school.principal, school.schoolId, { instrumentId: 'ai-readiness', opensOn: dayFromToday(5), closesOn: dayFromToday(9) });
    expect(await ai.latestResult!(school.principal.userId, school.schoolId)).toBeNull();
    const round = await openRound(school.principal, school.schoolId, { instrumentId: 'ai-readiness', groups: ['teachers'], closesOn: dayFromToday(4) });
    expect(await ai.latestResult!(school.boardAdmin.userId, school.schoolId)).toMatchObject({ id: round.id, date: round.opensOn, label: { nl: expect.stringContaining('AI-klaar') } });
    expect(await reflection.latestResult!(school.principal.userId, school.schoolId)).toBeNull();
    await expect(ai.latestResult!(s.outsider.userId, school.schoolId)).rejects.toMatchObject({ id: 'not_found' });
  });
});
