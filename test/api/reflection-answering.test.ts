import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReflectionResponseDto } from '../../src/shared/school/reflection/reflection';
import { errorOf, startTestApp, type TestApp } from '../support/test-app';
import { dayFromToday } from './campaign-fixtures';
import { accountAnswers, answerAll, classCode, openRound, pupilsAnswer, type ReflectionSchool, reflectionSchool, roundUrl, startAsAccount } from './reflection-fixtures';

/** Answering a round: leaders and teachers from their account, pupils with a class code; and what stays anonymous. */

let t: TestApp;
let s: ReflectionSchool;
let roundId: string;
let code: string;

const responseUrl = (token: string) => `/api/reflection-responses/${token}`;
const get = (token: string) => t.app.inject({ method: 'GET', url: responseUrl(token) });
const answer = (token: string, item: string, payload: unknown) => t.app.inject({ method: 'PUT', url: `${responseUrl(token)}/answers/${item}`, payload: payload as object });
const startPupil = (c: string) => t.app.inject({ method: 'POST', url: `/api/reflection-codes/${c}/responses` });

beforeAll(async () => {
  t = await startTestApp();
  s = await reflectionSchool(t);
  roundId = (await openRound(s.principal, s.schoolId)).id;
  code = await classCode(s.principal, s.schoolId, roundId, '3B', 8);
});
afterAll(() => t.close());

describe('pupils with a class code', () => {
  it('start without an account, see only the statements worded for pupils, answer one by one, submit', async () => {
    const started = await startPupil(code);
    expect(started.statusCode).toBe(201);
    const { token, response } = started.json() as { token: string; response: ReflectionResponseDto };
    expect(token.length).toBeGreaterThan(30);
    expect(response).toMatchObject({ group: 'pupils', submitted: false, answers: {}, round: { id: roundId, status: 'open' } });
    const items = response.questionnaire.sections.flatMap((section) => section.items);
    expect(items.find((item) => item.id === 'infra-internet')!.statement.nl).toBe('Het internet op school werkt goed wanneer we het in de les nodig hebben.');
    expect(items.map((item) => item.id)).not.toContain('cpd-needs');
    expect(response.questionnaire.sections.map((section) => section.id)).not.toContain('professional-development');
    // Five scale steps and "not applicable" last.
    expect(items[0].options.map((option) => option.value ?? 'n/a')).toEqual([1, 2, 3, 4, 5, 'n/a']);
    expect(response.progress).toEqual({ answered: 0, total: items.length });

    const saved = await answer(token, items[0].id, { option: 5 });
    expect(saved.json()).toMatchObject({ answers: { [items[0].id]: 5 }, progress: { answered: 1 } });
    expect((await answer(token, items[0].id, { option: 2 })).json().answers[items[0].id]).toBe(2);

    const incomplete = await t.app.inject({ method: 'POST', url: `${responseUrl(token)}/submit` });
    expect(errorOf(incomplete)).toMatchObject({ status: 422, id: 'scan_incomplete', field: `answers.${items[1].id}` });
    expect(incomplete.json().error.details).toHaveLength(items.length - 1);

    await answerAll(t, token, 3);
    const submitted = await t.app.inject({ method: 'POST', url: `${responseUrl(token)}/submit` });
    expect(submitted.json()).toMatchObject({ submitted: true, progress: { answered: items.length } });
    // Idempotent, and nothing changes afterwards.
    expect((await t.app.inject({ method: 'POST', url: `${responseUrl(token)}/submit` })).json().submitted).toBe(true);
    expect(errorOf(await answer(token, items[0].id, { option: 0 }))).toMatchObject({ status: 409, id: 'scan_submitted' });
    expect((await get(token)).json().answers[items[0].id]).toBe(3);
  });

  it('refuses bad answers with the field at fault', async () => {
    const { token } = (await startPupil(code)).json();
    expect(errorOf(await answer(token, 'no-such-item', { option: 1 }))).toMatchObject({ status: 400, field: 'params.item' });
    // A statement pupils do not answer is no statement of theirs.
    expect(errorOf(await answer(token, 'cpd-needs', { option: 1 }))).toMatchObject({ status: 400, field: 'params.item' });
    expect(errorOf(await answer(token, 'infra-internet', { option: 6 }))).toMatchObject({ status: 400, field: 'body.option' });
    expect(errorOf(await answer(token, 'infra-internet', { option: -1 }))).toMatchObject({ status: 400, field: 'body.option' });
    expect(errorOf(await answer(token, 'infra-internet', { option: 'agree' }))).toMatchObject({ status: 400, id: 'validation_error' });
    expect(errorOf(await answer(token, 'infra-internet', {})).status).toBe(400);
    expect((await get(token)).json().answers).toEqual({});
  });

  it('finds no response, code or round behind a wrong token or code', async () => {
    expect(errorOf(await get('not-a-token'))).toMatchObject({ status: 404, id: 'not_found' });
    expect(errorOf(await answer('not-a-token', 'infra-internet', { option: 1 })).status).toBe(404);
    expect(errorOf(await t.app.inject({ method: 'POST', url: `${responseUrl('not-a-token')}/submit` })).status).toBe(404);
    expect(errorOf(await t.app.inject({ method: 'GET', url: '/api/reflection-codes/ABCD-EFGH' })).status).toBe(404);
    expect(errorOf(await startPupil('ABCD'))).toMatchObject({ status: 404, field: 'params.code' });
  });

  it('admit at most the code’s number of pupils, so a leaked code cannot flood the round', async () => {
    const small = await classCode(s.principal, s.schoolId, roundId, '3C', 2);
    expect((await startPupil(small)).statusCode).toBe(201);
    expect((await startPupil(small)).statusCode).toBe(201);
    expect(errorOf(await startPupil(small))).toMatchObject({ status: 409, id: 'class_code_full' });
    const round = (await s.principal.request({ method: 'GET', url: roundUrl(s.schoolId, roundId) })).json();
    expect(round.codes.find((c: { label: string }) => c.label === '3C')).toMatchObject({ used: 2, maxResponses: 2 });
  });

  it('cannot start, answer or submit once the round is closed; a revoked code finds nothing', async () => {
    const school = await reflectionSchool(t);
    const round = await openRound(school.principal, school.schoolId, { instrumentId: 'ai-readiness' });
    const pupilCode = await classCode(school.principal, school.schoolId, round.id);
    const { token } = (await startPupil(pupilCode)).json();
    await answerAll(t, token, 1);
    await school.principal.request({ method: 'POST', url: `${roundUrl(school.schoolId, round.id)}/close` });
    expect((await t.app.inject({ method: 'GET', url: `/api/reflection-codes/${pupilCode}` })).json().round.status).toBe('closed');
    expect(errorOf(await startPupil(pupilCode))).toMatchObject({ status: 409, id: 'round_not_open' });
    expect(errorOf(await answer(token, 'ai-rules', { option: 2 }))).toMatchObject({ status: 409, id: 'round_not_open' });
    expect(errorOf(await t.app.inject({ method: 'POST', url: `${responseUrl(token)}/submit` }))).toMatchObject({ status: 409, id: 'round_not_open' });
    expect((await get(token)).json()).toMatchObject({ submitted: false, round: { status: 'closed' } });

    const codeId = (await school.principal.request({ method: 'GET', url: roundUrl(school.schoolId, round.id) })).json().codes[0].id;
    await school.principal.request({ method: 'POST', url: `${roundUrl(school.schoolId, round.id)}/codes/${codeId}/revoke` });
    expect(errorOf(await startPupil(pupilCode))).toMatchObject({ status: 404, id: 'not_found' });
  });

  it('cannot start before the round opens', async () => {
    const school = await reflectionSchool(t);
    const round = await openRound(school.principal, school.schoolId, { opensOn: dayFromToday(3), closesOn: dayFromToday(10) });
    const later = await classCode(school.principal, school.schoolId, round.id);
    expect(errorOf(await startPupil(later))).toMatchObject({ status: 409, id: 'round_not_open' });
    expect(errorOf(await school.teacher.request({ method: 'POST', url: `/api/reflection-rounds/${round.id}/responses` })).id).toBe('round_not_open');
  });
});

describe('leaders and teachers from their account', () => {
  it('lists open rounds for the caller’s group and how far they got', async () => {
    const school = await reflectionSchool(t);
    const round = await openRound(school.principal, school.schoolId, { groups: ['teachers', 'pupils'] });
    const mine = async (client: typeof school.teacher) => (await client.request({ method: 'GET', url: '/api/me/reflections' })).json().items;
    expect(await mine(school.teacher)).toEqual([
      expect.objectContaining({
        roundId: round.id,
        schoolId: school.schoolId,
        group: 'teachers',
        status: 'not_started',
        instrument: expect.objectContaining({ id: 'school-reflection' }),
      }),
    ]);
    // Leaders do not take part in this round.
    expect(await mine(school.principal)).toEqual([]);
    const token = await startAsAccount(school.teacher, round.id);
    expect((await mine(school.teacher))[0].status).toBe('started');
    await answerAll(t, token, 2);
    await school.teacher.request({ method: 'POST', url: `${responseUrl(token)}/submit` });
    expect((await mine(school.teacher))[0].status).toBe('completed');
    expect(errorOf(await t.app.inject({ method: 'GET', url: '/api/me/reflections' })).status).toBe(401);
  });

  it('answer in the group their roles give; another school finds nothing; a group not taking part gets 403', async () => {
    const started = await s.ict.request({ method: 'POST', url: `/api/reflection-rounds/${roundId}/responses` });
    expect(started.statusCode).toBe(201);
    expect(started.json().response.group).toBe('leaders');
    expect((await s.teacher.request({ method: 'POST', url: `/api/reflection-rounds/${roundId}/responses` })).json().response.group).toBe('teachers');
    expect(errorOf(await s.outsider.request({ method: 'POST', url: `/api/reflection-rounds/${roundId}/responses` }))).toMatchObject({ status: 404 });
    expect(errorOf(await s.teacher.request({ method: 'POST', url: '/api/reflection-rounds/no-such-round/responses' })).status).toBe(404);
    expect(errorOf(await t.app.inject({ method: 'POST', url: `/api/reflection-rounds/${roundId}/responses` })).status).toBe(401);
    const teachersOnly = await openRound(s.principal, s.schoolId, { instrumentId: 'ai-readiness', groups: ['teachers'] });
    expect(errorOf(await s.principal.request({ method: 'POST', url: `/api/reflection-rounds/${teachersOnly.id}/responses` }))).toMatchObject({ status: 403 });
  });

  it('submit once: a second response of the same account is refused, nothing of it counts', async () => {
    const school = await reflectionSchool(t);
    const round = await openRound(school.principal, school.schoolId, { instrumentId: 'ai-readiness', groups: ['teachers'] });
    // Two responses started (e.g. two devices); the first submitted wins.
    const first = await startAsAccount(school.teacher, round.id);
    const second = await startAsAccount(school.teacher, round.id);
    await answerAll(t, first, 4);
    await answerAll(t, second, 0);
    expect((await school.teacher.request({ method: 'POST', url: `${responseUrl(first)}/submit` })).statusCode).toBe(200);
    expect(errorOf(await school.teacher.request({ method: 'POST', url: `${responseUrl(second)}/submit` }))).toMatchObject({ status: 409, id: 'already_answered' });
    expect((await get(second)).json().submitted).toBe(false);
    expect(errorOf(await school.teacher.request({ method: 'POST', url: `/api/reflection-rounds/${round.id}/responses` }))).toMatchObject({ status: 409, id: 'already_answered' });
    // Retrying the first submit is fine.
    expect((await school.teacher.request({ method: 'POST', url: `${responseUrl(first)}/submit` })).json().submitted).toBe(true);
    const participation = (await school.principal.request({ method: 'GET', url: roundUrl(school.schoolId, round.id) })).json().participation;
    expect(participation).toEqual([{ group: 'teachers', started: 1, completed: 1 }]);
  });

  it('needs the session of the account that started it to submit', async () => {
    const school = await reflectionSchool(t);
    const round = await openRound(school.principal, school.schoolId, { instrumentId: 'ai-readiness', groups: ['leaders', 'teachers'] });
    const token = await startAsAccount(school.teacher, round.id);
    await answerAll(t, token, 2);
    expect(errorOf(await t.app.inject({ method: 'POST', url: `${responseUrl(token)}/submit` }))).toMatchObject({ status: 401, id: 'unauthenticated' });
    // A session without its CSRF token is not used.
    expect(errorOf(await school.teacher.request({ method: 'POST', url: `${responseUrl(token)}/submit`, csrf: false })).status).toBe(401);
    // Another account of the school, in another group, may not submit it.
    await startAsAccount(school.principal, round.id);
    expect(errorOf(await school.principal.request({ method: 'POST', url: `${responseUrl(token)}/submit` }))).toMatchObject({ status: 403 });
    expect((await school.teacher.request({ method: 'POST', url: `${responseUrl(token)}/submit` })).json().submitted).toBe(true);
  });
});

describe('anonymity', () => {
  it('stores responses without any link to an account, class code or time', async () => {
    const tables = await t.app.db.kysely.introspection.getTables();
    const columns = (name: string) =>
      tables
        .find((table) => table.name === name)!
        .columns.map((column) => column.name)
        .sort();
    expect(columns('reflection_responses')).toEqual(['id', 'in_report', 'respondent_group', 'round_id', 'submitted', 'token_hash']);
    expect(columns('reflection_answers')).toEqual(['item_id', 'option_index', 'response_id']);
    // The participation record knows the account, and nothing of a response.
    expect(columns('reflection_participations')).toEqual(['completed', 'respondent_group', 'round_id', 'user_id']);
  });

  // PostgreSQL keeps rows in a heap; its physical order is only for those with raw database access.
  it.skipIf(Boolean(process.env.TEST_DATABASE_URL))('keeps no order of arrival in SQLite that could pair a participation with its response', async () => {
    const { rows } = await sql<{ name: string; sql: string }>`select name, sql from sqlite_master where name in ('reflection_responses', 'reflection_participations')`.execute(
      t.app.db.kysely,
    );
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(row.sql, row.name).toMatch(/without rowid\s*$/i);
  });

  it('keeps only the hash of a token, and no API answer names a respondent', async () => {
    const school = await reflectionSchool(t);
    const round = await openRound(school.principal, school.schoolId, { instrumentId: 'ai-readiness', groups: ['teachers', 'pupils'] });
    const teachers = await Promise.all(Array.from({ length: 5 }, () => t.user('teacher', { schoolId: school.schoolId })));
    const tokens: string[] = [];
    for (const teacher of teachers) tokens.push(await accountAnswers(t, teacher, round.id, 3));
    await pupilsAnswer(t, await classCode(school.principal, school.schoolId, round.id), 5, 2);

    const stored = await sql<{ token_hash: string }>`select token_hash from reflection_responses where round_id = ${round.id}`.execute(t.app.db.kysely);
    expect(stored.rows).toHaveLength(10);
    for (const token of tokens) expect(stored.rows.map((row) => row.token_hash)).not.toContain(token);

    const bodies = [
      (await school.principal.request({ method: 'GET', url: roundUrl(school.schoolId, round.id) })).body,
      (await school.principal.request({ method: 'GET', url: `${roundUrl(school.schoolId, round.id)}/report` })).body,
      (await school.principal.request({ method: 'GET', url: `${roundUrl(school.schoolId, round.id)}/report?format=csv` })).body,
      ...(await Promise.all(tokens.map(async (token) => (await get(token)).body))),
    ];
    for (const body of bodies) {
      for (const teacher of teachers) {
        expect(body).not.toContain(teacher.userId);
        expect(body).not.toContain(teacher.email);
      }
    }
    const report = JSON.parse(bodies[1]);
    expect(report.groups.map((g: { respondents: { count: number } }) => g.respondents.count)).toEqual([5, 5]);
    const audit = await sql<{ details: string | null }>`select details from audit_log`.execute(t.app.db.kysely);
    for (const row of audit.rows) for (const token of tokens) expect(row.details ?? '').not.toContain(token);
  });
});
