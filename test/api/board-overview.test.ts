import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { questionnaireFor } from '../../src/shared/scan/instrument';
import { type BoardOverview, boardOverviewSchema } from '../../src/shared/school/board-overview/board-overview';
import { schoolYearOf } from '../../src/shared/school/policy-plan/policy-plan-rules';
import { errorOf, startTestApp, type TestApp, type TestClient } from '../support/test-app';
import { addTeacher, allAnswers, dayFromToday, submitScanAt } from './campaign-fixtures';
import { type SchoolWorld, schoolWorld } from './school-fixtures';

const overviewUrl = (boardId: string) => `/api/boards/${boardId}/overview`;

/** A round in the school with `scans` of its `teachers` teachers submitted now. */
async function roundWith(t: TestApp, principal: TestClient, schoolId: string, teachers: number, scans: number): Promise<string> {
  const ids: string[] = [];
  for (let i = 0; i < teachers; i += 1) ids.push(await addTeacher(t, schoolId));
  const opened = await principal.request({ method: 'POST', url: `/api/schools/${schoolId}/campaigns`, payload: { opensOn: dayFromToday(0), closesOn: dayFromToday(14) } });
  expect(opened.statusCode, opened.body).toBe(201);
  for (const id of ids.slice(0, scans)) await submitScanAt(t, id, new Date().toISOString(), allAnswers(2));
  return opened.json().id;
}

describe('getBoardOverview: the board’s schools side by side', () => {
  let t: TestApp;
  let w: SchoolWorld;
  let otherBoardAdmin: TestClient;

  beforeAll(async () => {
    t = await startTestApp();
    w = await schoolWorld(t);
    await roundWith(t, w.principalA, w.schoolA, 7, 6);
    await roundWith(t, await t.user('principal', { schoolId: w.schoolB }), w.schoolB, 6, 3);
    const otherBoard = await t.app.services.boards.createBoard({ name: 'Scholengroep Elders' });
    const otherSchool = await t.app.services.schools.createSchool({ name: 'Basisschool Elders', educationLevel: 'primary', province: 'limburg', boardId: otherBoard });
    otherBoardAdmin = await t.user('board_admin', { schoolId: otherSchool });
  });
  afterAll(() => t.close());

  const read = async (client: TestClient): Promise<BoardOverview> => {
    const response = await client.request({ method: 'GET', url: overviewUrl(w.boardId) });
    expect(response.statusCode, response.body).toBe(200);
    return boardOverviewSchema.parse(response.json());
  };

  it('shows every school of the board with each column, the round’s published levels included', async () => {
    const overview = await read(w.boardAdmin);
    expect(overview.boardId).toBe(w.boardId);
    expect(overview.schools.map((school) => school.schoolId).sort()).toEqual([w.schoolA, w.schoolB].sort());
    const a = overview.schools.find((school) => school.schoolId === w.schoolA)!;
    // Seven teachers, the world's teacher and the ICT coordinator are invited; six scanned.
    expect(a.digisnap).toMatchObject({ status: 'open', threshold: 5, participation: { invited: 9, completed: 6 } });
    expect(a.digisnap!.report!.respondents).toBe(6);
    expect(a.digisnap!.report!.bands.map((band) => band.band)).toEqual(['A', 'B', 'C']);
    expect(a.trainingBudget.schoolYear).toMatch(/^\d{4}-\d{4}$/);
    expect(a.ictPark).toMatchObject({ devices: 0 });
    expect(a.funding).not.toBeNull();
    expect(a.cyberCheck).toBeNull();
    expect(a.policyPlan).toEqual({ current: false, periodFrom: null, periodTo: null, goals: 0, actions: 0, overdue: 0 });
  });

  it('hides the participation and the levels of a school with fewer scans than the threshold', async () => {
    const b = (await read(w.boardAdmin)).schools.find((school) => school.schoolId === w.schoolB)!;
    expect(b.digisnap).toMatchObject({ participation: null, report: null, threshold: 5 });
    expect(JSON.stringify(b.digisnap)).not.toContain('"completed"');
  });

  it('counts a submitted cyber check and a current policy plan', async () => {
    const { cyberChecks, instruments } = t.app.services;
    const { check } = await cyberChecks.start(w.principalA.userId, w.schoolA);
    for (const item of questionnaireFor(instruments.latest(check.instrumentId)!, 'school').sections.flatMap((section) => section.items)) {
      await cyberChecks.answer(w.principalA.userId, w.schoolA, check.id, item.id, 1);
    }
    await cyberChecks.submit(w.principalA.userId, w.schoolA, check.id);
    const year = schoolYearOf(dayFromToday(0));
    const policy = await w.principalA.request({
      method: 'PUT',
      url: `/api/schools/${w.schoolA}/policy-plan`,
      payload: { vision: 'Samen digitaal sterker.', periodFrom: year, periodTo: year, version: 0 },
    });
    expect(policy.statusCode, policy.body).toBe(200);
    const goal = await w.principalA.request({ method: 'POST', url: `/api/schools/${w.schoolA}/policy-plan/goals`, payload: { term: 'short', text: 'Elke klas een digitaal project' } });
    expect(goal.statusCode, goal.body).toBe(201);
    const a = (await read(w.boardAdmin)).schools.find((school) => school.schoolId === w.schoolA)!;
    expect(a.policyPlan).toMatchObject({ current: true, goals: 1, periodFrom: year });
    expect(a.cyberCheck!.actions).toBeGreaterThan(0);
    expect(a.cyberCheck!.meanMaturity).toBeCloseTo(1, 5);
  });

  it('refuses another board’s admin, the school’s principal and teacher (403), and anonymous callers (401)', async () => {
    for (const client of [otherBoardAdmin, w.principalA, w.teacherA, w.principalOther]) {
      expect(errorOf(await client.request({ method: 'GET', url: overviewUrl(w.boardId) }))).toMatchObject({ status: 403, id: 'forbidden' });
    }
    expect(errorOf(await t.app.inject({ method: 'GET', url: overviewUrl(w.boardId) }))).toMatchObject({ status: 401, id: 'unauthenticated' });
  });

  it('opens any board’s overview to a platform admin for support, with the same figures and privacy gate, audited', async () => {
    const admin = await t.user('admin');
    const [asBoard, asAdmin] = [await read(w.boardAdmin), await read(admin)];
    expect(asAdmin).toEqual(asBoard);
    expect(asAdmin.schools.find((school) => school.schoolId === w.schoolB)!.digisnap).toMatchObject({ participation: null, report: null });
    const audit = await t.app.db.kysely.selectFrom('audit_log').select(['actor_id', 'subject']).where('action', '=', 'board_overview_read_by_admin').execute();
    expect(audit).toEqual([{ actor_id: admin.userId, subject: w.boardId }]);
    expect(errorOf(await admin.request({ method: 'GET', url: overviewUrl('no-such-board') }))).toMatchObject({ status: 404, field: 'params.boardId' });
  });

  it('refuses a centre analyst and a provider: support reads are the platform admin’s', async () => {
    for (const role of ['centre_analyst', 'provider'] as const) {
      const client = await t.user(role);
      expect(errorOf(await client.request({ method: 'GET', url: overviewUrl(w.boardId) })), role).toMatchObject({ status: 403, id: 'forbidden' });
    }
  });

  it('does not find a board that does not exist, and refuses a malformed id', async () => {
    expect(errorOf(await w.boardAdmin.request({ method: 'GET', url: overviewUrl('no-such-board') }))).toMatchObject({ status: 404, id: 'not_found', field: 'params.boardId' });
    expect(errorOf(await w.boardAdmin.request({ method: 'GET', url: overviewUrl('x'.repeat(101)) }))).toMatchObject({ status: 400, id: 'validation_error' });
  });
});
