import { randomBytes } from 'node:crypto';
import { DigisnapRepository } from '../../src/server/digisnap/digisnap.repository';
import { DigisnapService } from '../../src/server/digisnap/digisnap.service';
import { AuditRepository } from '../../src/server/platform/audit/audit.repository';
import type { Background } from '../../src/shared/digisnap/api';
import { competenceList } from '../../src/shared/digisnap/framework';
import { brusselsDate } from '../../src/shared/school/campaign/campaign';
import { TEST_PASSWORD, type TestApp, type TestClient } from '../support/test-app';

/** Test data for campaigns, made with the real services: schools, teams, and scans submitted at a chosen time. */

export const DAY = 86_400_000;

/** A date (YYYY-MM-DD, Brussels) `days` from today. */
export const dayFromToday = (days: number) => brusselsDate(new Date(Date.now() + days * DAY));
/** An instant `days` from now, ISO-8601 UTC. */
export const instantFromNow = (days: number) => new Date(Date.now() + days * DAY).toISOString();

export interface School {
  id: string;
  principal: TestClient;
  ict: TestClient;
  teacherIds: string[];
}

export async function createSchool(t: TestApp, options: { teachers: number; level?: string; name?: string }): Promise<School> {
  const id = await t.app.services.schools.createSchool({
    name: options.name ?? `School ${randomBytes(3).toString('hex')}`,
    educationLevel: options.level ?? 'primary',
    province: 'antwerpen',
  });
  const [principal, ict] = [await t.user('principal', { schoolId: id }), await t.user('ict_coordinator', { schoolId: id })];
  const teacherIds: string[] = [];
  for (let i = 0; i < options.teachers; i += 1) teacherIds.push(await addTeacher(t, id));
  await memberSince(t, id, [principal.userId, ict.userId], instantFromNow(-400));
  return { id, principal, ict, teacherIds };
}

/**
 * A teacher account in the school, without a session (their scans are made through the service).
 * Its membership is dated `since` (a year back by default), so scans the test places in the past
 * were taken as a member; a scan counts for a school only from the time its teacher joined.
 */
export async function addTeacher(t: TestApp, schoolId: string, since: string | null = instantFromNow(-400)): Promise<string> {
  const email = `teacher-${randomBytes(5).toString('hex')}@school.test`;
  const { userId } = await t.app.services.auth.createAccount({ email, password: TEST_PASSWORD, role: 'teacher', schoolId });
  if (since !== null) await memberSince(t, schoolId, [userId], since);
  return userId;
}

/** Dates these members' memberships of the school (test setup through the table: nothing in the API back-dates a membership). */
export async function memberSince(t: Pick<TestApp, 'app'>, schoolId: string, userIds: readonly string[], since: string): Promise<void> {
  await t.app.db.kysely
    .updateTable('memberships')
    .set({ created_at: since })
    .where('school_id', '=', schoolId)
    .where('user_id', 'in', [...userIds])
    .execute();
}

/** The statement chosen for competence `index` (0–21); 0–5, where 0 = A1, 2 = B1, 4 = C1, 5 = C2 (one statement per level). */
export type AnswerPattern = (index: number) => number;
export const allAnswers =
  (option: number): AnswerPattern =>
  () =>
    option;

/**
 * Takes and submits a whole scan for the teacher, as if at `at`, through DigisnapService with its
 * clock fixed to that time (started, answered and submitted then). Any running app will do: the
 * API tests' and the browser tests'.
 */
export async function submitScanAt(t: Pick<TestApp, 'app'>, userId: string, at: string, answers: AnswerPattern, background: Background = {}): Promise<void> {
  const digisnap = new DigisnapService(new DigisnapRepository(t.app.db.kysely), t.app.services.frameworks, new AuditRepository(t.app.db.kysely), () => at);
  const { scan } = await digisnap.startScan(userId);
  const codes = competenceList(digisnap.currentFramework()).map((c) => c.code);
  for (const [i, code] of codes.entries()) await digisnap.answerItem(userId, scan.id, code, answers(i));
  if (Object.keys(background).length > 0) await digisnap.answerBackground(userId, scan.id, background);
  await digisnap.submitScan(userId, scan.id);
}

/** Starts a scan and leaves it in progress. */
export async function startScanAt(t: TestApp, userId: string, at: string): Promise<void> {
  const digisnap = new DigisnapService(new DigisnapRepository(t.app.db.kysely), t.app.services.frameworks, new AuditRepository(t.app.db.kysely), () => at);
  const { scan } = await digisnap.startScan(userId);
  await digisnap.answerItem(userId, scan.id, '1.1', 1);
}

export const campaignsUrl = (schoolId: string) => `/api/schools/${schoolId}/campaigns`;

/**
 * Opens a campaign through the API as the given manager; returns its body. The API refuses a
 * first day in the past, so a campaign the test wants to have opened earlier is opened today
 * and its first day then moved back in the table, as if it had been opened on that day.
 */
export async function openCampaign(client: TestClient, schoolId: string, body: Record<string, unknown> = { opensOn: dayFromToday(-10), closesOn: dayFromToday(7) }) {
  const today = dayFromToday(0);
  const backdated = typeof body.opensOn === 'string' && body.opensOn < today;
  const response = await client.request({ method: 'POST', url: campaignsUrl(schoolId), payload: backdated ? { ...body, opensOn: today } : body });
  if (response.statusCode !== 201) throw new Error(`openCampaign: ${response.statusCode} ${response.body}`);
  if (!backdated) return response.json();
  const db = client.app.db.kysely;
  await db
    .updateTable('campaigns')
    .set({ opens_on: body.opensOn as string })
    .where('id', '=', response.json().id)
    .execute();
  return { ...response.json(), opensOn: body.opensOn };
}

export const reportUrl = (schoolId: string, campaignId: string, query = '') => `${campaignsUrl(schoolId)}/${campaignId}/report${query}`;

// ---------------------------------------------------------------- checking a report as an attacker would

/**
 * What a published report must never hold, as a list of findings (empty when it is safe): a mean,
 * a score or a sum of scores anywhere (from a mean and the number of respondents the sum follows,
 * and sums subtract exactly to one teacher), a count that is not a whole number of people, or a
 * share outside 0–100. Small counts are fine: every count carries noise.
 */
export function reportLeaks(report: any): string[] {
  const leaks: string[] = [];
  const visit = (value: unknown, path: string) => {
    if (Array.isArray(value)) value.forEach((v, i) => visit(v, `${path}[${i}]`));
    else if (value && typeof value === 'object') {
      for (const [key, v] of Object.entries(value)) {
        if (/mean|score|sum|points|total/i.test(key)) leaks.push(`${path}.${key}: a mean or score is published`);
        if (key === 'count' && v !== null && !(Number.isInteger(v) && (v as number) >= 0)) leaks.push(`${path}.count: ${v} is not a number of people`);
        if (key === 'share' && v !== null && !((v as number) >= 0 && (v as number) <= 100)) leaks.push(`${path}.share: ${v} is no percentage`);
        visit(v, `${path}.${key}`);
      }
    }
  };
  visit(report, 'report');
  return leaks;
}

/** A report without what changes from one request to the next, for comparing two states. */
export function reportTables(report: any) {
  const { campaign: _campaign, state: _state, note: _note, ...tables } = report;
  return tables;
}
