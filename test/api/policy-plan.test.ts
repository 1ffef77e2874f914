import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { teamReportSuggestions } from '../../src/shared/school/campaign/team-report-actions';
import { actionSchema, goalSchema, policyPlanSchema, policySuggestionsSchema, visionSchema } from '../../src/shared/school/policy-plan/policy-plan';
import { errorOf, startTestApp, type TestApp, type TestClient } from '../support/test-app';
import { readXlsx } from '../support/xlsx-reader';
import { type AnswerPattern, createSchool, dayFromToday, instantFromNow, openCampaign, reportUrl, type School, submitScanAt } from './campaign-fixtures';

const planUrl = (schoolId: string, rest = '') => `/api/schools/${schoolId}/policy-plan${rest}`;

/**
 * 25 teachers in five groups of five, each group on one option (A1 … C1) everywhere, except in
 * competence 2.1 (index 4), where groups 2 and 3 answer A2 and A1: there the report shows its A
 * cells (10 and 10) and so a share at B or above of 20%, the lowest of all.
 */
const patternOf =
  (group: number): AnswerPattern =>
  (index) =>
    index === 4 && group === 2 ? 1 : index === 4 && group === 3 ? 0 : group;

describe('ICT policy plan', () => {
  let t: TestApp;
  let school: School;
  let other: School;
  let campaignId: string;
  let otherCampaignId: string;
  let teacher: TestClient;
  let board: TestClient;

  const get = (client: TestClient, schoolId = school.id, rest = '') => client.request({ method: 'GET', url: planUrl(schoolId, rest) });
  const send = (client: TestClient, method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', rest: string, payload?: unknown, schoolId = school.id) =>
    client.request({ method, url: planUrl(schoolId, rest), ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) });
  const actionCount = async () => (await get(school.principal)).json().actions.length as number;

  beforeAll(async () => {
    t = await startTestApp();
    school = await createSchool(t, { teachers: 25 });
    for (const [i, id] of school.teacherIds.entries()) await submitScanAt(t, id, instantFromNow(-2), patternOf(Math.floor(i / 5)));
    campaignId = (await openCampaign(school.principal, school.id)).id;
    teacher = await t.user('teacher', { schoolId: school.id });
    board = await t.user('board_admin', { schoolId: school.id });
    other = await createSchool(t, { teachers: 0 });
    otherCampaignId = (await openCampaign(other.principal, other.id)).id;
  });
  afterAll(() => t.close());

  describe('getPolicyPlan and savePolicyVision', () => {
    it('shows an empty plan at version 0 to every member; only principals and ICT coordinators may edit', async () => {
      const response = await get(school.principal);
      expect(response.statusCode).toBe(200);
      const plan = policyPlanSchema.parse(response.json());
      expect(plan).toMatchObject({ schoolId: school.id, vision: '', periodFrom: null, version: 0, goals: [], actions: [], canEdit: true });
      expect(plan.summary.total).toEqual({ total: 0, overdue: 0, byStatus: { planned: 0, in_progress: 0, done: 0, dropped: 0 } });
      expect((await get(school.ict)).json().canEdit).toBe(true);
      expect((await get(teacher)).json()).toMatchObject({ canEdit: false, version: 0 });
      expect((await get(board)).json()).toMatchObject({ canEdit: false });
    });

    it('saves the vision against the version read, and refuses a stale save with conflict', async () => {
      const first = await send(school.principal, 'PUT', '', { vision: 'Elke leerling digitaal weerbaar.', periodFrom: '2026-2027', periodTo: '2028-2029', version: 0 });
      expect(first.statusCode).toBe(200);
      expect(visionSchema.parse(first.json())).toMatchObject({ version: 1, periodFrom: '2026-2027', periodTo: '2028-2029', updatedBy: { userId: school.principal.userId } });

      // The coordinator and the principal both read version 1; the coordinator saves first.
      const coordinator = await send(school.ict, 'PUT', '', { vision: 'Versie van de coördinator.', periodFrom: '2026-2027', periodTo: '2028-2029', version: 1 });
      expect(coordinator.json()).toMatchObject({ version: 2, vision: 'Versie van de coördinator.' });
      const stale = await send(school.principal, 'PUT', '', { vision: 'Versie van de directeur.', periodFrom: '2026-2027', periodTo: '2028-2029', version: 1 });
      expect(errorOf(stale)).toEqual({ status: 409, id: 'conflict', field: 'body.version' });
      expect(stale.json().error.message).toContain('version 2');
      expect(errorOf(await send(school.principal, 'PUT', '', { vision: 'Nieuw plan?', periodFrom: '2026-2027', periodTo: '2028-2029', version: 0 }))).toMatchObject({ status: 409 });
      expect((await get(teacher)).json()).toMatchObject({ vision: 'Versie van de coördinator.', version: 2 });
    });

    it('refuses bad input naming the field, and writes nothing', async () => {
      const save = (body: Record<string, unknown>) => send(school.principal, 'PUT', '', { vision: 'x', periodFrom: '2026-2027', periodTo: '2027-2028', version: 2, ...body });
      expect(errorOf(await save({ periodFrom: '2026-2028' }))).toMatchObject({ status: 400, id: 'validation_error', field: 'body.periodFrom' });
      expect(errorOf(await save({ periodTo: '2025-2026' }))).toMatchObject({ status: 400, field: 'body.periodTo' });
      expect(errorOf(await save({ periodTo: '2033-2034' }))).toMatchObject({ status: 400, field: 'body.periodTo' });
      expect(errorOf(await save({ vision: 'x'.repeat(10_001) }))).toMatchObject({ status: 400, field: 'body.vision' });
      expect(errorOf(await save({ version: -1 }))).toMatchObject({ status: 400, field: 'body.version' });
      expect(errorOf(await save({ extra: true }))).toMatchObject({ status: 400, field: 'body.extra' });
      expect((await get(school.principal)).json()).toMatchObject({ version: 2, periodTo: '2028-2029' });
    });

    it('is for members only: no session 401, a teacher or board admin may not save (403), another school 404', async () => {
      const body = { vision: 'x', periodFrom: '2026-2027', periodTo: '2027-2028', version: 2 };
      expect(errorOf(await t.app.inject({ method: 'GET', url: planUrl(school.id) }))).toMatchObject({ status: 401, id: 'unauthenticated' });
      expect(errorOf(await t.app.inject({ method: 'PUT', url: planUrl(school.id), payload: body }))).toMatchObject({ status: 401 });
      expect(errorOf(await send(teacher, 'PUT', '', body))).toMatchObject({ status: 403, id: 'forbidden' });
      expect(errorOf(await send(board, 'PUT', '', body))).toMatchObject({ status: 403, id: 'forbidden' });
      expect(errorOf(await get(other.principal))).toMatchObject({ status: 404, id: 'not_found' });
      expect(errorOf(await send(other.principal, 'PUT', '', body))).toMatchObject({ status: 404 });
    });
  });

  describe('goals', () => {
    it('adds, changes and removes goals, shown short term first', async () => {
      const long = await send(school.ict, 'POST', '/goals', { term: 'long', text: 'Elke klas werkt met een digitaal leerplatform.' });
      expect(long.statusCode).toBe(201);
      const short = goalSchema.parse(
        (await send(school.principal, 'POST', '/goals', { term: 'short', text: 'ICT-werkgroep opstarten', successCriterion: 'Vier leden, maandelijks overleg' })).json(),
      );
      expect(short).toMatchObject({ term: 'short', successCriterion: 'Vier leden, maandelijks overleg' });
      expect((await get(teacher)).json().goals.map((g: { term: string }) => g.term)).toEqual(['short', 'long']);

      const changed = await send(school.principal, 'PATCH', `/goals/${long.json().id}`, { term: 'medium', successCriterion: null });
      expect(changed.json()).toMatchObject({ term: 'medium', text: 'Elke klas werkt met een digitaal leerplatform.', successCriterion: null });

      const removed = await send(school.principal, 'DELETE', `/goals/${long.json().id}`);
      expect(removed.statusCode).toBe(204);
      expect(errorOf(await send(school.principal, 'DELETE', `/goals/${long.json().id}`))).toMatchObject({ status: 404, field: 'params.goalId' });
      expect((await get(school.principal)).json().goals.map((g: { id: string }) => g.id)).toEqual([short.id]);
    });

    it('refuses bad input and strangers', async () => {
      const goalId = (await get(school.principal)).json().goals[0].id;
      expect(errorOf(await send(school.principal, 'POST', '/goals', { term: 'someday', text: 'x' }))).toMatchObject({ status: 400, field: 'body.term' });
      expect(errorOf(await send(school.principal, 'POST', '/goals', { term: 'short', text: '   ' }))).toMatchObject({ status: 400, field: 'body.text' });
      expect(errorOf(await send(school.principal, 'PATCH', `/goals/${goalId}`, { text: 'x'.repeat(501) }))).toMatchObject({ status: 400, field: 'body.text' });
      expect(errorOf(await send(teacher, 'POST', '/goals', { term: 'short', text: 'x' }))).toMatchObject({ status: 403 });
      expect(errorOf(await send(teacher, 'DELETE', `/goals/${goalId}`))).toMatchObject({ status: 403 });
      // Another school's principal: the school is not found; their own school has no such goal.
      expect(errorOf(await send(other.principal, 'PATCH', `/goals/${goalId}`, { text: 'x' }))).toMatchObject({ status: 404, field: 'schoolId' });
      expect(errorOf(await send(other.principal, 'PATCH', `/goals/${goalId}`, { text: 'x' }, other.id))).toMatchObject({ status: 404, field: 'params.goalId' });
      expect(errorOf(await t.app.inject({ method: 'POST', url: planUrl(school.id, '/goals'), payload: { term: 'short', text: 'x' } }))).toMatchObject({ status: 401 });
    });
  });

  describe('actions', () => {
    it('adds an action with a team member as owner, a competence as target and a goal; an old deadline is overdue', async () => {
      const goalId = (await get(school.principal)).json().goals[0].id;
      const response = await send(school.principal, 'POST', '/actions', {
        title: 'Vorming over auteursrecht voor het hele team',
        description: 'Met de pedagogische begeleiding',
        owner: { kind: 'member', userId: school.ict.userId },
        deadline: dayFromToday(-3),
        front: 'skills',
        target: { kind: 'digcompedu_competence', code: '2.3' },
        goalId,
      });
      expect(response.statusCode).toBe(201);
      const action = actionSchema.parse(response.json());
      expect(action).toMatchObject({ status: 'planned', overdue: true, goalId, source: null, owner: { kind: 'member', userId: school.ict.userId } });
      expect(action.target).toMatchObject({ kind: 'digcompedu_competence', code: '2.3', label: { en: expect.stringMatching(/protecting and sharing/i) } });

      const plan = (await get(teacher)).json();
      expect(plan.summary.fronts.find((f: { front: string }) => f.front === 'skills')).toMatchObject({ total: 1, overdue: 1 });
      expect(plan.summary.withoutOwner).toBe(0);
    });

    it('changes only the fields given: status done is no longer overdue, the target stays', async () => {
      const [action] = (await get(school.principal)).json().actions;
      const done = await send(school.ict, 'PATCH', `/actions/${action.id}`, { status: 'done' });
      expect(done.json()).toMatchObject({ status: 'done', overdue: false, target: action.target, title: action.title });
      const named = await send(school.ict, 'PATCH', `/actions/${action.id}`, { owner: { kind: 'name', name: 'ICT-werkgroep' }, deadline: null, goalId: null });
      expect(named.json()).toMatchObject({ owner: { kind: 'name', name: 'ICT-werkgroep' }, deadline: null, goalId: null, target: action.target });
    });

    it('unlinks the actions of a removed goal and keeps them', async () => {
      const goal = (await send(school.principal, 'POST', '/goals', { term: 'medium', text: 'Tijdelijk doel' })).json();
      const action = (await send(school.principal, 'POST', '/actions', { title: 'Hoort bij een tijdelijk doel', front: 'policy', goalId: goal.id })).json();
      await send(school.principal, 'DELETE', `/goals/${goal.id}`);
      expect((await get(school.principal)).json().actions.find((a: { id: string }) => a.id === action.id)).toMatchObject({ goalId: null });
      await send(school.principal, 'DELETE', `/actions/${action.id}`);
    });

    it('refuses bad input naming the field, and writes nothing', async () => {
      const before = await actionCount();
      const add = (body: Record<string, unknown>) => send(school.principal, 'POST', '/actions', { title: 'Nieuwe actie', front: 'infrastructure', ...body });
      expect(errorOf(await add({ title: '' }))).toMatchObject({ status: 400, field: 'body.title' });
      expect(errorOf(await add({ front: 'everything' }))).toMatchObject({ status: 400, field: 'body.front' });
      expect(errorOf(await add({ status: 'maybe' }))).toMatchObject({ status: 400, field: 'body.status' });
      expect(errorOf(await add({ deadline: '31/12/2026' }))).toMatchObject({ status: 400, field: 'body.deadline' });
      expect(errorOf(await add({ owner: { kind: 'name', name: ' ' } }))).toMatchObject({ status: 400, field: 'body.owner.name' });
      expect(errorOf(await add({ owner: { kind: 'member', userId: other.principal.userId } }))).toMatchObject({ status: 404, field: 'body.owner.userId' });
      expect(errorOf(await add({ target: { kind: 'digcompedu_competence', code: '9.9' } }))).toMatchObject({ status: 400, field: 'body.target.code' });
      expect(errorOf(await add({ target: { kind: 'instrument_item', code: 'x' } }))).toMatchObject({ status: 400, field: 'body.target.kind' });
      expect(errorOf(await add({ goalId: 'no-such-goal' }))).toMatchObject({ status: 404, field: 'body.goalId' });
      expect(await actionCount()).toBe(before);
    });

    it('lets members read but only editors change; another school’s action is not found', async () => {
      const [action] = (await get(school.principal)).json().actions;
      expect(errorOf(await send(teacher, 'POST', '/actions', { title: 'x', front: 'skills' }))).toMatchObject({ status: 403 });
      expect(errorOf(await send(teacher, 'PATCH', `/actions/${action.id}`, { status: 'dropped' }))).toMatchObject({ status: 403 });
      expect(errorOf(await send(board, 'DELETE', `/actions/${action.id}`))).toMatchObject({ status: 403 });
      expect(errorOf(await send(other.principal, 'PATCH', `/actions/${action.id}`, { status: 'dropped' }, other.id))).toMatchObject({ status: 404, field: 'params.actionId' });
      expect(errorOf(await send(other.principal, 'DELETE', `/actions/${action.id}`))).toMatchObject({ status: 404 });
      expect(errorOf(await t.app.inject({ method: 'DELETE', url: planUrl(school.id, `/actions/${action.id}`) }))).toMatchObject({ status: 401 });
      expect((await get(school.principal)).json().actions.find((a: { id: string }) => a.id === action.id).status).toBe('done');

      const removed = await send(school.ict, 'DELETE', `/actions/${action.id}`);
      expect(removed.statusCode).toBe(204);
      expect(errorOf(await send(school.ict, 'DELETE', `/actions/${action.id}`))).toMatchObject({ status: 404, field: 'params.actionId' });
    });
  });

  describe('actions from the team report', () => {
    const suggestionsUrl = (id: string, kind = 'team_report') => `/suggestions?kind=${kind}&id=${id}`;

    it('names the newest campaign with a report as the team report source', async () => {
      const sources = (await get(school.principal, school.id, '/sources')).json();
      expect(sources.items.find((s: { kind: string }) => s.kind === 'team_report')).toMatchObject({ latest: { id: campaignId, date: expect.any(String) } });
      expect(errorOf(await get(teacher, school.id, '/sources'))).toMatchObject({ status: 403 });
    });

    it('suggests what the report shows: its priority area and the competence with the lowest share at B or above', async () => {
      const response = await get(school.principal, school.id, suggestionsUrl(campaignId));
      expect(response.statusCode).toBe(200);
      const suggestions = policySuggestionsSchema.parse(response.json());
      const report = (await school.principal.request({ method: 'GET', url: reportUrl(school.id, campaignId) })).json();
      expect(suggestions.items.map((s) => s.key)).toEqual(teamReportSuggestions(report).map((s) => s.key));
      expect(suggestions.items[0]).toMatchObject({ key: `priority-area-${report.priorityArea.number}`, priority: 1, front: 'skills', taken: false });
      expect(suggestions.items.find((s) => s.target.kind === 'digcompedu_competence')).toMatchObject({ key: 'competence-2.1', why: { en: expect.stringContaining('20%') } });
    });

    it('creates actions from chosen suggestions once: asking again creates nothing', async () => {
      const priorityKey: string = (await get(school.principal, school.id, suggestionsUrl(campaignId))).json().items[0].key;
      const body = { source: { kind: 'team_report', id: campaignId }, keys: ['competence-2.1', priorityKey], language: 'nl', deadline: dayFromToday(60) };
      const first = await send(school.ict, 'POST', '/actions/from-suggestions', body);
      expect(first.statusCode).toBe(201);
      expect(first.json().skipped).toEqual([]);
      const created = first.json().created.map((a: unknown) => actionSchema.parse(a));
      expect(created.map((a: { source: { key: string } }) => a.source.key).sort()).toEqual([...body.keys].sort());
      const competence = created.find((a: { source: { key: string } }) => a.source.key === 'competence-2.1');
      expect(competence).toMatchObject({ front: 'skills', status: 'planned', deadline: dayFromToday(60), source: { kind: 'team_report', id: campaignId }, target: { code: '2.1' } });
      expect(competence.title).toMatch(/^Groeien in competentie 2\.1/);

      const again = await send(school.principal, 'POST', '/actions/from-suggestions', { ...body, keys: [...body.keys, ...body.keys] });
      expect(again.statusCode).toBe(201);
      expect(again.json()).toEqual({ created: [], skipped: body.keys });
      const plan = (await get(school.principal)).json();
      expect(plan.actions.filter((a: { source: { id: string } | null }) => a.source?.id === campaignId)).toHaveLength(2);
      const marked = (await get(school.principal, school.id, suggestionsUrl(campaignId))).json().items;
      expect(
        marked
          .filter((s: { taken: boolean }) => s.taken)
          .map((s: { key: string }) => s.key)
          .sort(),
      ).toEqual([...body.keys].sort());
    });

    it('is all or nothing: an unknown key rejects the request and nothing is written', async () => {
      const before = await actionCount();
      const free = (await get(school.principal, school.id, suggestionsUrl(campaignId))).json().items.find((s: { taken: boolean }) => !s.taken);
      const keys = [free?.key ?? 'competence-2.1', 'no-such-suggestion'];
      const response = await send(school.principal, 'POST', '/actions/from-suggestions', { source: { kind: 'team_report', id: campaignId }, keys });
      expect(errorOf(response)).toMatchObject({ status: 400, id: 'validation_error', field: 'body.keys.1' });
      expect(await actionCount()).toBe(before);
      expect(errorOf(await send(school.principal, 'POST', '/actions/from-suggestions', { source: { kind: 'team_report', id: campaignId }, keys: [] }))).toMatchObject({
        status: 400,
        field: 'body.keys',
      });
      expect(errorOf(await send(school.principal, 'POST', '/actions/from-suggestions', { source: { kind: 'survey', id: campaignId }, keys: ['x'] }))).toMatchObject({
        status: 400,
        field: 'body.source.kind',
      });
    });

    it('does not find a result of another school, nor one the caller may not read', async () => {
      expect(errorOf(await get(school.principal, school.id, suggestionsUrl(otherCampaignId)))).toMatchObject({ status: 404, field: 'querystring.id' });
      expect(
        errorOf(await send(school.principal, 'POST', '/actions/from-suggestions', { source: { kind: 'team_report', id: otherCampaignId }, keys: ['priority-area-1'] })),
      ).toMatchObject({
        status: 404,
        field: 'body.source.id',
      });
      expect(errorOf(await get(other.principal, school.id, suggestionsUrl(campaignId)))).toMatchObject({ status: 404, field: 'schoolId' });
      expect(errorOf(await get(teacher, school.id, suggestionsUrl(campaignId)))).toMatchObject({ status: 403 });
      expect(errorOf(await get(school.principal, school.id, '/suggestions?kind=team_report'))).toMatchObject({ status: 400, field: 'querystring.id' });
      expect(errorOf(await get(school.principal, school.id, suggestionsUrl('no-such-check', 'cyber_check')))).toMatchObject({ status: 404, field: 'querystring.id' });
    });

    it('passes on that a report with too few respondents has nothing to suggest', async () => {
      expect(errorOf(await get(other.principal, other.id, suggestionsUrl(otherCampaignId)))).toMatchObject({ status: 422, id: 'too_few_respondents' });
    });
  });

  it('documents every operation in the OpenAPI document', async () => {
    const document = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const operations = Object.entries(document.paths as Record<string, Record<string, { operationId: string; tags: string[] }>>)
      .filter(([path]) => path.includes('/policy-plan'))
      .flatMap(([, methods]) => Object.values(methods));
    expect(operations.map((o) => o.operationId).sort()).toEqual([
      'addPolicyAction',
      'addPolicyActionsFromSuggestions',
      'addPolicyGoal',
      'changePolicyAction',
      'changePolicyGoal',
      'getPolicyPlan',
      'listPolicySources',
      'listPolicySuggestions',
      'removePolicyAction',
      'removePolicyGoal',
      'savePolicyVision',
    ]);
    expect(operations.every((o) => o.tags.includes('policy-plan'))).toBe(true);
  });

  describe('downloads', () => {
    it('exports the plan as CSV with Dutch or English headers', async () => {
      const response = await get(teacher, school.id, '?format=csv');
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
      expect(response.headers['content-disposition']).toMatch(/ict-beleidsplan-\d{4}-\d{2}-\d{2}\.csv/);
      expect(response.body.startsWith('\uFEFF')).toBe(true);
      const lines = response.body.slice(1).trim().split('\r\n');
      expect(lines[0]).toBe('onderdeel;termijn;front;titel;toelichting;trekker;deadline;status;over_tijd;doel;werkt_aan;bron;stem_indicator');
      expect(lines[1]).toBe('visie;2026-2027 – 2028-2029;;Versie van de coördinator.;;;;;;;;;');
      expect(lines).toContain('doel;Korte termijn;;ICT-werkgroep opstarten;Vier leden, maandelijks overleg;;;;;;;;');
      const action = lines.find((line) => line.includes('competentie 2.1'))!;
      expect(action.split(';')).toEqual(expect.arrayContaining(['actie', 'ICT-vaardigheden', 'Gepland', 'nee', 'Digisnap-directierapport']));
      const english = (await get(school.principal, school.id, '?format=csv&lang=en')).body;
      expect(english.slice(1).split('\r\n')[0]).toBe('part;term;front;title;details;owner;deadline;status;overdue;goal;works_on;source;stem_indicator');
      expect(english).toContain('ICT skills');
    });

    it('exports the plan as XLSX: a sheet each for vision, goals and actions', async () => {
      const response = await get(board, school.id, '?format=xlsx');
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      const book = readXlsx(response.rawPayload);
      expect(book.sheetNames).toEqual(['Visie', 'Doelen', 'Acties']);
      expect(book.sheets.Visie[1][1]?.value).toBe('Versie van de coördinator.');
      expect(book.sheets.Doelen.slice(1).map((row) => row[1]?.value)).toEqual(['ICT-werkgroep opstarten']);
      const plan = (await get(board)).json();
      expect(book.sheets.Acties).toHaveLength(plan.actions.length + 1);
      expect(book.sheets.Acties[0].map((c) => c?.value)).toEqual(['titel', 'toelichting', 'front', 'doel', 'trekker', 'deadline', 'status', 'over_tijd', 'werkt_aan', 'bron']);
    });

    it('refuses an unknown format and strangers', async () => {
      expect(errorOf(await get(school.principal, school.id, '?format=pdf'))).toMatchObject({ status: 400, field: 'querystring.format' });
      expect(errorOf(await get(other.principal, school.id, '?format=csv'))).toMatchObject({ status: 404 });
    });
  });
});
