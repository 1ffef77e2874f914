import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InfraTables } from '../../src/server/infra/infra.tables';
import { ParkVersions } from '../../src/server/infra/park-versions';
import { PupilCountRepository } from '../../src/server/infra/pupil-count.repository';
import type { CyberCheckTables } from '../../src/server/school/cyber-check/cyber-check.repository';
import type { PolicyPlanTables } from '../../src/server/school/policy-plan/policy-plan.repository';
import { centreFrontsSchema } from '../../src/shared/centre/fronts';
import { addMonths } from '../../src/shared/infra/device-types';
import { brusselsDate } from '../../src/shared/platform/brussels-time';
import { schoolYearOf } from '../../src/shared/school/policy-plan/policy-plan-rules';
import { startTestApp, type TestApp } from '../support/test-app';
import { addDevice } from './infra-fixtures';
import { classCode, openRound, pupilsAnswerQuickly, reflectionSchool } from './reflection-fixtures';
import { type SchoolWorld, schoolWorld } from './school-fixtures';
import { importStem, knownCounts, stemCsv } from './stem-fixtures';

/** Each module's answer to the centre's fronts need, on data made by hand, and the overview that shows them. */
describe('the centre’s other fronts', () => {
  let t: TestApp;
  let w: SchoolWorld;
  const today = brusselsDate(new Date());
  /** The school module's own tables, which the app's handle does not type. */
  const db = () => t.app.db.kysely.withTables<PolicyPlanTables & CyberCheckTables>();

  beforeAll(async () => {
    t = await startTestApp({}, { privacyEpsilon: 50 });
    w = await schoolWorld(t);
  });
  afterAll(() => t.close());

  it('sums the ICT park over every school: computers per 100 pupils by main level, ages', async () => {
    expect(await t.app.services.indicators.flandersFront()).toMatchObject({ source: { module: 'infra', asOf: today }, schools: 0, devices: 0, averageAgeYears: null });
    await addDevice(w.ictA, w.schoolA, { assetTag: 'FR-1', purchaseDate: addMonths(today, -12) });
    await addDevice(w.ictA, w.schoolA, { assetTag: 'FR-2', purchaseDate: addMonths(today, -12 * 5) });
    await addDevice(w.ictA, w.schoolA, { assetTag: 'FR-3', purchaseDate: addMonths(today, -24), type: 'printer', modelName: 'LaserJet' });
    const kysely = t.app.db.kysely.withTables<InfraTables>();
    await new PupilCountRepository(kysely, new ParkVersions(kysely, t.app.db)).setCounts(
      w.schoolA,
      [{ group: 'primary_1_4', countingDay: '2020-02-01', pupils: 40 }],
      null,
      new Date().toISOString(),
    );
    const front = await t.app.services.indicators.flandersFront();
    expect(front).toMatchObject({ schools: 1, devices: 3, devicesPer100Pupils: { primary: 5, secondary: null }, youngerThanFourYears: 2 / 3 });
    expect(front.averageAgeYears).toBeCloseTo(8 / 3, 1);
  });

  it('sums each funding scheme’s budget and spending over the schools that have one', async () => {
    const funding = await t.app.services.funding.flandersFront();
    expect(funding.source).toEqual({ module: 'infra', asOf: today });
    expect(funding.schemes.length).toBeGreaterThan(0);
    const budgeted = funding.schemes.filter((scheme) => scheme.schools > 0);
    expect(budgeted.length).toBeGreaterThan(0);
    for (const scheme of budgeted) expect(scheme).toMatchObject({ schools: 1, spentCents: 0, spentShare: 0 });
  });

  it('counts the schools whose policy plan covers the current school year', async () => {
    const year = schoolYearOf(today);
    const [from] = year.split('-').map(Number);
    const plan = (schoolId: string, periodFrom: string, periodTo: string, vision = 'Digitaal sterk') =>
      db()
        .insertInto('policy_plans')
        .values({ school_id: schoolId, vision, period_from: periodFrom, period_to: periodTo, version: 1, updated_by: null, updated_at: new Date().toISOString() })
        .execute();
    await plan(w.schoolA, year, `${from + 2}-${from + 3}`);
    await plan(w.schoolB, `${from - 3}-${from - 2}`, `${from - 1}-${from}`);
    await plan(w.other, year, year, '');
    const front = await t.app.services.policyPlan.flandersFront();
    expect(front).toEqual({ source: { module: 'school', asOf: today }, schools: 3, withCurrentPlan: 1, share: 1 / 3 });
  });

  it('gives cyber-check maturity per topic only from five schools, each with its latest check', async () => {
    const check = async (schoolId: string, submittedAt: string, atTarget: boolean) => {
      const id = `check-${schoolId}-${submittedAt}`;
      await db()
        .insertInto('cyber_checks')
        .values({
          id,
          school_id: schoolId,
          instrument_id: 'cyber-check',
          instrument_version: '2026',
          status: 'submitted',
          started_at: submittedAt,
          started_by: null,
          updated_at: submittedAt,
          updated_by: null,
          submitted_at: submittedAt,
          submitted_by: null,
        })
        .execute();
      if (atTarget)
        for (const item_id of ['personal-accounts', 'strong-passwords', 'mfa-remote'])
          await db().insertInto('cyber_check_answers').values({ check_id: id, item_id, option_index: 5, answered_at: submittedAt, answered_by: null }).execute();
    };
    const schools = [w.schoolA, w.schoolB, w.other];
    for (const schoolId of schools) await check(schoolId, '2026-01-10T10:00:00.000Z', false);
    const few = await t.app.services.cyberChecks.flandersFront();
    expect(few.schools).toBe(3);
    expect(few.topics.every((topic) => topic.maturity === null)).toBe(true);
    for (const name of ['Vier', 'Vijf']) schools.push(await t.app.services.schools.createSchool({ name: `${name} cyber`, educationLevel: 'primary', province: 'limburg' }));
    for (const schoolId of schools.slice(3)) await check(schoolId, '2026-01-10T10:00:00.000Z', false);
    // School A's later check replaces its first: three of the four password measures at target.
    await check(w.schoolA, '2026-03-01T10:00:00.000Z', true);
    const front = await t.app.services.cyberChecks.flandersFront();
    expect(front.schools).toBe(5);
    expect(front.source.asOf).toBe('2026-03-01');
    const topic = (id: string) => front.topics.find((one) => one.topic === id)!.maturity;
    expect(topic('passwords')).toBeCloseTo(0.75 / 5, 5);
    expect(topic('backups')).toBe(0);
  });

  it('adds up reflection areas from the gate’s publications only, never an area under five respondents', async () => {
    const school = await reflectionSchool(t);
    const round = await openRound(school.principal, school.schoolId, { groups: ['pupils'] });
    const code = await classCode(school.principal, school.schoolId, round.id);
    await pupilsAnswerQuickly(t, code, 4, () => 3);
    // Four pupils: the gate publishes nothing, so the centre has nothing.
    expect((await school.ict.request({ method: 'GET', url: `/api/schools/${school.schoolId}/reflections/${round.id}/report` })).statusCode).toBe(422);
    expect(await t.app.services.reflections.flandersFront()).toMatchObject({ rounds: 0, areas: [] });
    await pupilsAnswerQuickly(t, code, 2, () => 3);
    expect((await school.ict.request({ method: 'GET', url: `/api/schools/${school.schoolId}/reflections/${round.id}/report` })).statusCode).toBe(200);
    const front = await t.app.services.reflections.flandersFront();
    expect(front.rounds).toBe(1);
    expect(front.areas.length).toBeGreaterThan(0);
    for (const area of front.areas) {
      expect(area.respondents === null || area.respondents >= 5).toBe(true);
      if (area.respondents !== null) expect(area.respondents).toBe(6);
    }
  });

  it('heads the STEM front with each indicator’s latest value and its furthest target', async () => {
    const analyst = await t.user('centre_analyst');
    expect((await importStem(analyst, stemCsv(knownCounts))).statusCode).toBe(200);
    const stem = await t.app.services.stem.headline();
    expect(stem.source).toEqual({ module: 'stem', asOf: '2018-2019' });
    const share = stem.indicators.find((indicator) => indicator.year === '2018-2019' && indicator.value !== null);
    expect(share).toBeDefined();
    expect(stem.indicators.some((indicator) => indicator.target !== null)).toBe(true);
  });

  it('shows every front in the centre’s overview, each with its source', async () => {
    const analyst = await t.user('centre_analyst');
    const response = await analyst.request({ method: 'GET', url: '/api/centre/overview' });
    expect(response.statusCode).toBe(200);
    const fronts = centreFrontsSchema.parse(response.json().fronts);
    expect(Object.values(fronts).map((front) => front.source.module)).toEqual(['infra', 'infra', 'school', 'school', 'school', 'stem']);
  });
});
