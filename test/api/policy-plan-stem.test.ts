import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { goalSchema, policyPlanSchema } from '../../src/shared/school/policy-plan/policy-plan';
import { errorOf, startTestApp, type TestApp, type TestClient } from '../support/test-app';
import { readXlsx } from '../support/xlsx-reader';
import { createSchool, type School } from './campaign-fixtures';

const INDICATOR = 'secondary_grade23_stem_share';
const goalsUrl = (schoolId: string, rest = '') => `/api/schools/${schoolId}/policy-plan/goals${rest}`;

/** One line of 2nd and 3rd grade counts. */
const line = (province: string, category: 'stem' | 'non_stem', gender: 'f' | 'm', count: number) => ({
  year: '2024-2025',
  level: 'secondary' as const,
  moment: 'grade23' as const,
  programmeType: 'aso',
  province,
  category,
  domain: null,
  gender,
  count,
  schoolNumber: '',
});

/** 2024-2025: Antwerp 300 of 1,000 pupils in STEM (30%), Limburg 500 of 1,000: Flanders 800 of 2,000 (40%). */
const counts = [
  line('antwerpen', 'stem', 'f', 100),
  line('antwerpen', 'stem', 'm', 200),
  line('antwerpen', 'non_stem', 'f', 400),
  line('antwerpen', 'non_stem', 'm', 300),
  line('limburg', 'stem', 'f', 200),
  line('limburg', 'stem', 'm', 300),
  line('limburg', 'non_stem', 'f', 250),
  line('limburg', 'non_stem', 'm', 250),
];

describe('a policy plan goal linked to a STEM indicator', () => {
  let t: TestApp;
  let school: School;
  let other: School;
  let teacher: TestClient;
  let board: TestClient;
  let goalId: string;

  const send = (client: TestClient, method: 'POST' | 'PATCH', rest: string, payload: Record<string, unknown>, schoolId = school.id) =>
    client.request({ method, url: goalsUrl(schoolId, rest), payload });
  const plan = (client: TestClient, query = '') => client.request({ method: 'GET', url: `/api/schools/${school.id}/policy-plan${query}` });

  beforeAll(async () => {
    t = await startTestApp();
    // In Antwerp (the fixtures' province).
    school = await createSchool(t, { teachers: 0, level: 'secondary' });
    other = await createSchool(t, { teachers: 0, level: 'secondary' });
    teacher = await t.user('teacher', { schoolId: school.id });
    board = await t.user('board_admin', { schoolId: school.id });
  });
  afterAll(() => t.close());

  it('links a goal to an indicator without counts yet: the figure names it and has no year', async () => {
    const response = await send(school.principal, 'POST', '', { term: 'long', text: 'Meer meisjes in STEM', stemIndicator: INDICATOR });
    expect(response.statusCode).toBe(201);
    const goal = goalSchema.parse(response.json());
    goalId = goal.id;
    expect(goal.stemFigure).toMatchObject({ indicator: INDICATOR, year: null, province: 'antwerpen', provinceValue: null, flanders: null });
    expect(goal.stemFigure?.name.nl).toMatch(/STEM/);
  });

  it("shows the latest year's value for the school's province and Flanders, to every member", async () => {
    await t.app.services.stem.importLines(counts, 'demo', { dryRun: false, actorId: null });
    for (const reader of [teacher, board, school.ict]) {
      const read = policyPlanSchema.parse((await plan(reader)).json());
      expect(read.stemIndicators.map((indicator) => indicator.id)).toContain(INDICATOR);
      expect(read.goals[0].stemFigure).toMatchObject({
        year: '2024-2025',
        province: 'antwerpen',
        provinceValue: { status: 'shown', numerator: 300, denominator: 1000, share: 0.3 },
        flanders: { status: 'shown', numerator: 800, denominator: 2000, share: 0.4 },
      });
    }
  });

  it('carries the figure into the CSV and the XLSX, in both languages', async () => {
    const csv = (await plan(teacher, '?format=csv')).body;
    expect(csv).toMatch(/\r\ndoel;Lange termijn;;Meer meisjes in STEM;;;;;;;;;STEM-[^;]+: Antwerpen 30% · Vlaanderen 40% \(2024-2025\)\r\n/);
    const english = (await plan(teacher, '?format=csv&lang=en')).body;
    expect(english).toContain(';STEM pupils in the 2nd and 3rd grade: Antwerp 30% · Flanders 40% (2024-2025)\r\n');
    const book = readXlsx((await plan(board, '?format=xlsx')).rawPayload);
    expect(book.sheets.Doelen[0].map((cell) => cell?.value)).toEqual(['termijn', 'doel', 'succescriterium', 'stem_indicator']);
    expect(book.sheets.Doelen[1][3]?.value).toMatch(/Antwerpen 30% · Vlaanderen 40% \(2024-2025\)$/);
  });

  it('unlinks with null, and refuses an unknown indicator naming the field, changing nothing', async () => {
    expect(errorOf(await send(school.principal, 'PATCH', `/${goalId}`, { stemIndicator: 'no_such_indicator' }))).toMatchObject({
      status: 400,
      id: 'validation_error',
      field: 'body.stemIndicator',
    });
    expect(errorOf(await send(school.principal, 'POST', '', { term: 'short', text: 'x', stemIndicator: 'no_such_indicator' }))).toMatchObject({
      status: 400,
      field: 'body.stemIndicator',
    });
    expect(errorOf(await send(school.principal, 'POST', '', { term: 'short', text: 'x', stemIndicator: '' }))).toMatchObject({ status: 400, field: 'body.stemIndicator' });
    const after = policyPlanSchema.parse((await plan(school.principal)).json());
    expect(after.goals).toHaveLength(1);
    expect(after.goals[0].stemFigure?.indicator).toBe(INDICATOR);
    const unlinked = await send(school.ict, 'PATCH', `/${goalId}`, { stemIndicator: null });
    expect(unlinked.json().stemFigure).toBeNull();
    expect((await send(school.ict, 'PATCH', `/${goalId}`, { stemIndicator: INDICATOR })).json().stemFigure.year).toBe('2024-2025');
  });

  it('lets only editors link, members of the school only: no session 401, teacher and board 403, another school 404', async () => {
    const body = { stemIndicator: null };
    expect(errorOf(await t.app.inject({ method: 'PATCH', url: goalsUrl(school.id, `/${goalId}`), payload: body }))).toMatchObject({ status: 401 });
    expect(errorOf(await send(teacher, 'PATCH', `/${goalId}`, body))).toMatchObject({ status: 403 });
    expect(errorOf(await send(board, 'PATCH', `/${goalId}`, body))).toMatchObject({ status: 403 });
    expect(errorOf(await send(other.principal, 'PATCH', `/${goalId}`, body))).toMatchObject({ status: 404 });
    expect(errorOf(await send(other.principal, 'PATCH', `/${goalId}`, body, other.id))).toMatchObject({ status: 404 });
    expect((await plan(school.principal)).json().goals[0].stemFigure.indicator).toBe(INDICATOR);
  });
});
