import { randomBytes } from 'node:crypto';
import type { ReflectionResponseDto, ReflectionRoundDto } from '../../src/shared/school/reflection/reflection';
import type { TestApp, TestClient } from '../support/test-app';
import { dayFromToday } from './campaign-fixtures';

/** Test data for reflection rounds, made through the API as a school and its respondents would. */

export interface ReflectionSchool {
  schoolId: string;
  principal: TestClient;
  ict: TestClient;
  teacher: TestClient;
  boardAdmin: TestClient;
  /** The principal of another school. */
  outsider: TestClient;
}

export async function reflectionSchool(t: TestApp): Promise<ReflectionSchool> {
  const suffix = randomBytes(3).toString('hex');
  const school = (name: string) => t.app.services.schools.createSchool({ name: `${name} ${suffix}`, educationLevel: 'secondary', province: 'limburg' });
  const schoolId = await school('Sint-Jan Berchmans');
  const other = await school('Atheneum Zuid');
  return {
    schoolId,
    principal: await t.user('principal', { schoolId }),
    ict: await t.user('ict_coordinator', { schoolId }),
    teacher: await t.user('teacher', { schoolId }),
    boardAdmin: await t.user('board_admin', { schoolId }),
    outsider: await t.user('principal', { schoolId: other }),
  };
}

export const roundsUrl = (schoolId: string) => `/api/schools/${schoolId}/reflections`;
export const roundUrl = (schoolId: string, roundId: string) => `${roundsUrl(schoolId)}/${roundId}`;

export async function openRound(client: TestClient, schoolId: string, body: Record<string, unknown> = {}): Promise<ReflectionRoundDto> {
  const response = await client.request({
    method: 'POST',
    url: roundsUrl(schoolId),
    payload: { instrumentId: 'school-reflection', groups: ['leaders', 'teachers', 'pupils'], opensOn: dayFromToday(0), closesOn: dayFromToday(14), ...body },
  });
  if (response.statusCode !== 201) throw new Error(`openRound: ${response.statusCode} ${response.body}`);
  return response.json();
}

/** A class code for the round; returns it as shown (XXXX-XXXX). */
export async function classCode(client: TestClient, schoolId: string, roundId: string, label = '5A', maxResponses?: number): Promise<string> {
  const response = await client.request({ method: 'POST', url: `${roundUrl(schoolId, roundId)}/codes`, payload: { label, ...(maxResponses ? { maxResponses } : {}) } });
  if (response.statusCode !== 201) throw new Error(`classCode: ${response.statusCode} ${response.body}`);
  const round: ReflectionRoundDto = response.json();
  return round.codes.find((code) => code.label === label && code.revokedAt === null)!.code;
}

/** The option for a statement: an index, or chosen per statement. */
export type Choice = number | ((itemId: string) => number);

/** Answers every statement of a response through the API. */
export async function answerAll(t: TestApp, token: string, choice: Choice): Promise<ReflectionResponseDto> {
  let response = (await t.app.inject({ method: 'GET', url: `/api/reflection-responses/${token}` })).json() as ReflectionResponseDto;
  for (const item of response.questionnaire.sections.flatMap((section) => section.items)) {
    const option = typeof choice === 'number' ? choice : choice(item.id);
    const saved = await t.app.inject({ method: 'PUT', url: `/api/reflection-responses/${token}/answers/${item.id}`, payload: { option } });
    if (saved.statusCode !== 200) throw new Error(`answer ${item.id}: ${saved.statusCode} ${saved.body}`);
    response = saved.json();
  }
  return response;
}

/** `count` pupils each start with the class code, answer everything and submit. */
export async function pupilsAnswer(t: TestApp, code: string, count: number, choice: Choice): Promise<void> {
  for (let i = 0; i < count; i += 1) {
    const started = await t.app.inject({ method: 'POST', url: `/api/reflection-codes/${code}/responses` });
    if (started.statusCode !== 201) throw new Error(`pupil start: ${started.statusCode} ${started.body}`);
    const { token } = started.json();
    await answerAll(t, token, choice);
    const submitted = await t.app.inject({ method: 'POST', url: `/api/reflection-responses/${token}/submit` });
    if (submitted.statusCode !== 200) throw new Error(`pupil submit: ${submitted.statusCode} ${submitted.body}`);
  }
}

/** An account starts a response in the round; returns its token. */
export async function startAsAccount(client: TestClient, roundId: string): Promise<string> {
  const started = await client.request({ method: 'POST', url: `/api/reflection-rounds/${roundId}/responses` });
  if (started.statusCode !== 201) throw new Error(`start: ${started.statusCode} ${started.body}`);
  return started.json().token;
}

/** The account answers everything and submits with its session. */
export async function accountAnswers(t: TestApp, client: TestClient, roundId: string, choice: Choice): Promise<string> {
  const token = await startAsAccount(client, roundId);
  await answerAll(t, token, choice);
  const submitted = await client.request({ method: 'POST', url: `/api/reflection-responses/${token}/submit` });
  if (submitted.statusCode !== 200) throw new Error(`submit: ${submitted.statusCode} ${submitted.body}`);
  return token;
}

/** `count` new teachers of the school answer and submit. */
export async function teachersAnswer(t: TestApp, schoolId: string, roundId: string, count: number, choice: Choice): Promise<TestClient[]> {
  const teachers: TestClient[] = [];
  for (let i = 0; i < count; i += 1) {
    const teacher = await t.user('teacher', { schoolId });
    await accountAnswers(t, teacher, roundId, choice);
    teachers.push(teacher);
  }
  return teachers;
}

/**
 * Many respondents quickly, through the service the routes call (no HTTP round trip per answer):
 * `count` pupils with the class code, each answering statement by statement with `choice(i, item)`.
 */
export async function pupilsAnswerQuickly(t: TestApp, code: string, count: number, choice: (i: number, itemId: string) => number): Promise<void> {
  const { reflections } = t.app.services;
  for (let i = 0; i < count; i += 1) {
    const { token, response } = await reflections.startPupilResponse(code);
    for (const item of response.questionnaire.sections.flatMap((section) => section.items)) await reflections.answer(token, item.id, choice(i, item.id));
    await reflections.submit(token, null);
  }
}

/** `count` new accounts with `role` in the school answer through the service, as `pupilsAnswerQuickly`. */
export async function accountsAnswerQuickly(
  t: TestApp,
  schoolId: string,
  roundId: string,
  role: 'teacher' | 'principal',
  count: number,
  choice: (i: number, itemId: string) => number,
): Promise<void> {
  const { reflections, auth } = t.app.services;
  for (let i = 0; i < count; i += 1) {
    const { userId } = await auth.createAccount({ email: `${role}-${randomBytes(4).toString('hex')}@school.test`, password: 'correct-horse-battery', role, schoolId });
    const { token, response } = await reflections.startAccountResponse(userId, roundId);
    for (const item of response.questionnaire.sections.flatMap((section) => section.items)) await reflections.answer(token, item.id, choice(i, item.id));
    await reflections.submit(token, userId);
  }
}
