import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schoolReportSchema } from '../../src/shared/school/campaign/report';
import { errorOf, startTestApp, type TestApp, type TestClient } from '../support/test-app';
import { type AnswerPattern, allAnswers, createSchool, dayFromToday, instantFromNow, openCampaign, reportLeaks, reportUrl, type School, submitScanAt } from './campaign-fixtures';

/** Option 1 (A2) everywhere but area 6 (competences 18–22), where option 0 (A1): the weakest area by mean. */
const weakInArea6: AnswerPattern = (i) => (i >= 17 ? 0 : 1);

/** 15 teachers: 5 in band A (A2), 5 in B (B1), 5 in C (C1); 3 of B and 3 of C say they have 0–5 years of experience. */
async function teamOfFifteen(t: TestApp, school: School, at: string) {
  for (const [i, id] of school.teacherIds.entries()) {
    const group = Math.floor(i / 5);
    const pattern = [weakInArea6, allAnswers(2), allAnswers(4)][group];
    await submitScanAt(t, id, at, pattern, group > 0 && i % 5 < 3 ? { experience: '0_5' } : {});
  }
}

/** Submits one scan per teacher: the first `a` at A2, the next `b` at B1, the rest at C1. */
async function bandScans(t: TestApp, school: School, at: string, a: number, b: number) {
  for (const [i, id] of school.teacherIds.entries()) await submitScanAt(t, id, at, allAnswers(i < a ? 1 : i < a + b ? 2 : 4));
}

const cell = (count: number, share: number) => ({ count, share });

describe('getSchoolReport', () => {
  let t: TestApp;
  let school: School;
  let campaignId: string;
  let teacher: TestClient;
  let outsider: School;

  beforeAll(async () => {
    t = await startTestApp();
    school = await createSchool(t, { teachers: 15, name: 'VBS De Linde' });
    await teamOfFifteen(t, school, instantFromNow(-2));
    campaignId = (await openCampaign(school.principal, school.id)).id;
    teacher = await t.user('teacher', { schoolId: school.id });
    outsider = await createSchool(t, { teachers: 0 });
  });
  afterAll(() => t.close());

  it('reports per area, per competence and per band, with the KD aims from the framework file (how far the team is from each) and a priority area', async () => {
    const response = await school.principal.request({ method: 'GET', url: reportUrl(school.id, campaignId) });
    expect(response.statusCode).toBe(200);
    const report = schoolReportSchema.parse(response.json());
    expect(report).toMatchObject({
      campaign: { id: campaignId, schoolId: school.id, schoolName: 'VBS De Linde', frameworkVersion: '2026.1' },
      threshold: 5,
      state: 'current',
      note: null,
      respondents: 15,
      noise: { epsilon: 1, expectedError: 0.85, bound: 2, confidence: 0.9 },
    });
    expect(Object.keys(report)).not.toContain('meanTotal');
    expect(report.overall.bands).toEqual([
      { band: 'A', ...cell(5, 33.3) },
      { band: 'B', ...cell(5, 33.3) },
      { band: 'C', ...cell(5, 33.3) },
    ]);
    // Small cells are shown, not hidden: the noise protects them. The test app draws no noise.
    expect(report.overall.levels.map((l) => l.count)).toEqual([0, 5, 5, 0, 5, 0]);
    expect(report.overall.bOrAbove).toEqual(cell(10, 66.7));
    expect(report.norms.map((n) => [n.id, n.aim, n.value, n.gap, n.status])).toEqual([
      ['every_teacher_at_least_b', 100, 66.7, 33.3, 'to_go'],
      ['some_c_in_every_school', 1, 5, 0, 'reached'],
    ]);
    expect(report.areas).toHaveLength(6);
    const area6 = report.areas.find((a) => a.number === 6)!;
    expect(area6.name.nl).toMatch(/digitale competenties/i);
    expect(area6.bands.map((b) => b.count)).toEqual([5, 5, 5]);
    expect(Object.keys(area6)).not.toContain('meanShare');
    expect(report.priorityArea).toMatchObject({ number: 6, basis: 'largest_share_at_a', shareAtA: 33.3 });

    const competence = (code: string) => report.competences.find((c) => c.code === code)!;
    expect(report.competences).toHaveLength(22);
    // Every level of the row, small and zero cells included, and no mean item score.
    expect(competence('1.1').levels).toEqual([
      { level: 'A1', ...cell(0, 0) },
      { level: 'A2', ...cell(5, 33.3) },
      { level: 'B1', ...cell(5, 33.3) },
      { level: 'B2', ...cell(0, 0) },
      { level: 'C1', ...cell(5, 33.3) },
      { level: 'C2', ...cell(0, 0) },
    ]);
    expect(competence('1.1').bands.map((b) => b.count)).toEqual([5, 5, 5]);
    expect(competence('6.1').levels.map((l) => l.count)).toEqual([5, 0, 5, 0, 5, 0]);
    expect(report.growth).toBeNull();
    expect(report.comparisons).toEqual({ flanders: null, sameLevel: null });
    expect(reportLeaks(report)).toEqual([]);
  });

  it('breaks down by background as answer × band, small groups shown', async () => {
    const report = (await school.ict.request({ method: 'GET', url: reportUrl(school.id, campaignId) })).json();
    const experience = report.breakdowns.find((b: { question: string }) => b.question === 'experience');
    const group = (value: string) => experience.groups.find((g: { value: string }) => g.value === value);
    expect(experience.groups.map((g: { value: string }) => g.value)).toEqual(['0_5', '6_10', '11_20', '21_plus', 'not_answered']);
    // 6 teachers with 0–5 years: 3 at B and 3 at C, shown (with noise in production; the test server draws none).
    expect(group('0_5').respondents).toEqual(cell(6, 40));
    expect(group('not_answered').respondents).toEqual(cell(9, 60));
    expect(group('0_5').bands).toEqual([
      { band: 'A', ...cell(0, 0) },
      { band: 'B', ...cell(3, 50) },
      { band: 'C', ...cell(3, 50) },
    ]);
    expect(group('0_5').label).toEqual({ nl: '0 tot 5 jaar', en: '0 to 5 years' });
    expect(reportLeaks(report)).toEqual([]);
  });

  it('is read by the ICT coordinator and the board admin as well, the same stored report', async () => {
    const board = await t.user('board_admin', { schoolId: school.id });
    const a = (await school.ict.request({ method: 'GET', url: reportUrl(school.id, campaignId) })).json();
    const b = (await board.request({ method: 'GET', url: reportUrl(school.id, campaignId) })).json();
    expect(b).toEqual(a);
  });

  it('exports the same tables as CSV: semicolons, BOM, decimal commas, Dutch or English headers', async () => {
    const response = await school.principal.request({ method: 'GET', url: reportUrl(school.id, campaignId, '?format=csv') });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toMatch(/attachment; filename="digisnap-directierapport-.*\.csv"/);
    const text = response.body;
    expect(text.startsWith('\uFEFFtabel;onderdeel;categorie;aantal;aandeel_pct;verborgen\r\n')).toBe(true);
    const lines = text.slice(1).trim().split('\r\n');
    expect(lines).toContain('team;VBS De Linde;respondenten;15;;nee');
    expect(lines).toContain('team;VBS De Linde;B of hoger;10;66,7;nee');
    expect(lines).toContain('competentie;1.1 Organisatorische communicatie;B1;5;33,3;nee');
    expect(lines).toContain('competentie;1.1 Organisatorische communicatie;A1;0;0;nee');
    expect(lines.some((l) => l.startsWith('team;ruis;') && l.includes('willekeurige ruis') && l.includes('0,85'))).toBe(true);
    expect(lines.some((l) => l.startsWith('achtergrond;Hoeveel jaar ervaring heb je in het onderwijs?: 0 tot 5 jaar;respondenten;6;40;nee'))).toBe(true);
    expect(lines.every((l) => l.split(';').length === 6 || l.includes('"'))).toBe(true);
    const english = await school.principal.request({ method: 'GET', url: reportUrl(school.id, campaignId, '?format=csv&lang=en') });
    expect(english.body.startsWith('\uFEFFtable;part;category;count;share_pct;suppressed\r\n')).toBe(true);
    expect(english.body).toContain('random noise');
    expect(english.body).toContain('area;6 Facilitating Learners');
  });

  it('refuses bad input, naming the field', async () => {
    expect(errorOf(await school.principal.request({ method: 'GET', url: reportUrl(school.id, campaignId, '?format=pdf') }))).toMatchObject({
      status: 400,
      id: 'validation_error',
      field: 'querystring.format',
    });
    expect(errorOf(await school.principal.request({ method: 'GET', url: reportUrl(school.id, campaignId, '?lang=fr') }))).toMatchObject({ status: 400, field: 'querystring.lang' });
    expect(errorOf(await school.principal.request({ method: 'GET', url: reportUrl(school.id, 'nope') }))).toMatchObject({ status: 404, field: 'params.campaignId' });
  });

  it('is no one else’s: teachers 403, other schools and the admin 404, and it needs a session', async () => {
    const admin = await t.user('admin');
    expect(errorOf(await teacher.request({ method: 'GET', url: reportUrl(school.id, campaignId) }))).toMatchObject({ status: 403, id: 'forbidden' });
    expect(errorOf(await outsider.principal.request({ method: 'GET', url: reportUrl(school.id, campaignId) }))).toMatchObject({ status: 404 });
    expect(errorOf(await outsider.principal.request({ method: 'GET', url: reportUrl(outsider.id, campaignId) }))).toMatchObject({ status: 404 });
    expect(errorOf(await admin.request({ method: 'GET', url: reportUrl(school.id, campaignId) }))).toMatchObject({ status: 404 });
    expect(errorOf(await t.app.inject({ method: 'GET', url: reportUrl(school.id, campaignId) }))).toMatchObject({ status: 401 });
  });

  it('answers 422 too_few_respondents under the campaign’s own threshold', async () => {
    const s = await createSchool(t, { teachers: 7 });
    for (const id of s.teacherIds) await submitScanAt(t, id, instantFromNow(-1), allAnswers(2));
    const campaign = await openCampaign(s.principal, s.id, { opensOn: dayFromToday(-5), closesOn: dayFromToday(5), minGroupSize: 8 });
    const response = await s.principal.request({ method: 'GET', url: reportUrl(s.id, campaign.id) });
    expect(errorOf(response)).toMatchObject({ status: 422, id: 'too_few_respondents' });
    expect(response.json().error.message).toContain('8');
    expect((await s.principal.request({ method: 'GET', url: `/api/schools/${s.id}/campaigns/${campaign.id}` })).json().report).toEqual({ available: false, publishedAt: null });
  });
});

describe('getSchoolReport over time', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('shows growth since the previous campaign in the share at B or above', async () => {
    const s = await createSchool(t, { teachers: 20 });
    const first = await openCampaign(s.principal, s.id, { opensOn: dayFromToday(-20), closesOn: dayFromToday(0) });
    await bandScans(t, s, instantFromNow(-15), 10, 5);
    await s.principal.request({ method: 'POST', url: `/api/schools/${s.id}/campaigns/${first.id}/close` });
    const second = await openCampaign(s.principal, s.id, { opensOn: dayFromToday(1), closesOn: dayFromToday(10) });
    await bandScans(t, s, instantFromNow(2), 5, 10);

    const report = (await s.principal.request({ method: 'GET', url: reportUrl(s.id, second.id) })).json();
    expect(report.overall.bOrAbove).toEqual(cell(15, 75));
    expect(report.growth.previousCampaignId).toBe(first.id);
    expect(report.growth.overall).toEqual({ previous: 50, current: 75, change: 25 });
    expect(report.growth.areas).toHaveLength(6);
    expect(report.growth.areas[0]).toEqual({ number: 1, previous: 50, current: 75, change: 25 });
    // The first campaign's report was published on the way and reads the same.
    const earlier = (await s.ict.request({ method: 'GET', url: reportUrl(s.id, first.id) })).json();
    expect(earlier.overall.bOrAbove).toEqual(cell(10, 50));
    expect(earlier.growth).toBeNull();
  });
});

describe('getSchoolReport beside other schools', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('compares with 3 or more other schools only, level by level, each by its published report', async () => {
    const primary = [];
    for (let i = 0; i < 3; i += 1) {
      const other = await createSchool(t, { teachers: 6, level: 'primary' });
      const campaign = await openCampaign(other.principal, other.id);
      await bandScans(t, other, instantFromNow(-1), 2, 2);
      expect((await other.principal.request({ method: 'GET', url: reportUrl(other.id, campaign.id) })).statusCode).toBe(200);
      primary.push(other);
    }
    const own = await createSchool(t, { teachers: 5, level: 'primary' });
    const campaign = await openCampaign(own.principal, own.id);
    await bandScans(t, own, instantFromNow(-1), 0, 5);
    const report = (await own.principal.request({ method: 'GET', url: reportUrl(own.id, campaign.id) })).json();
    // 18 teachers in 3 schools: 6 at A, 6 at B, 6 at C.
    const expected = { schools: 3, bOrAbove: 67, areas: expect.any(Array) };
    expect(report.comparisons.flanders).toEqual(expected);
    expect(report.comparisons.sameLevel).toEqual({ ...expected, educationLevel: 'primary' });
    expect(report.comparisons.flanders.areas[0]).toEqual({
      number: 1,
      bands: [
        { band: 'A', share: 33 },
        { band: 'B', share: 33 },
        { band: 'C', share: 33 },
      ],
      bOrAbove: 67,
    });

    // A secondary school joins Flanders: Flanders minus primary would be that one school, so Flanders goes.
    const secondary = await createSchool(t, { teachers: 6, level: 'secondary' });
    const secondaryCampaign = await openCampaign(secondary.principal, secondary.id);
    await bandScans(t, secondary, instantFromNow(-1), 2, 2);
    const secondaryReport = (await secondary.principal.request({ method: 'GET', url: reportUrl(secondary.id, secondaryCampaign.id) })).json();
    // Beside the secondary school: 4 others, none of its level.
    expect(secondaryReport.comparisons).toEqual({ flanders: expect.objectContaining({ schools: 4 }), sameLevel: null });
    const another = await createSchool(t, { teachers: 5, level: 'primary' });
    const anotherCampaign = await openCampaign(another.principal, another.id);
    await bandScans(t, another, instantFromNow(-1), 0, 5);
    const anotherReport = (await another.principal.request({ method: 'GET', url: reportUrl(another.id, anotherCampaign.id) })).json();
    expect(anotherReport.comparisons.flanders).toBeNull();
    expect(anotherReport.comparisons.sameLevel).toMatchObject({ schools: 4, educationLevel: 'primary' });
  });
});
