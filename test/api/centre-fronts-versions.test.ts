import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PolicyPlanTables } from '../../src/server/school/policy-plan/policy-plan.repository';
import { type CentreFronts, centreFrontsSchema } from '../../src/shared/centre/fronts';
import { competenceList } from '../../src/shared/digisnap/framework';
import { brusselsDate } from '../../src/shared/platform/brussels-time';
import { schoolYearOf } from '../../src/shared/school/policy-plan/policy-plan-rules';
import { createTestDatabase } from '../support/dialects';
import { afterRecheck } from '../support/recheck';
import { login, startTestAppOn, type TestApp, type TestClient } from '../support/test-app';
import { addDevice } from './infra-fixtures';
import { type SchoolWorld, schoolWorld } from './school-fixtures';
import { importStem, knownCounts, stemCsv } from './stem-fixtures';

/**
 * The centre's other fronts are kept per their source modules' versions (triggers bump them): a
 * change shows at the next read, in the server that made it and in another on the same database,
 * not after a minute.
 */
describe('the centre’s fronts follow their modules’ data', () => {
  let first: TestApp;
  let second: TestApp;
  let w: SchoolWorld;
  let analysts: TestClient[];

  beforeAll(async () => {
    const database = await createTestDatabase({ file: true });
    first = await startTestAppOn(database);
    second = await startTestAppOn(database);
    w = await schoolWorld(first);
    const analyst = await first.user('centre_analyst');
    analysts = [analyst, await login(second.app, analyst.email, analyst.password, analyst.userId)];
  });
  afterAll(async () => {
    await second.app.close();
    await first.close();
  });

  const fronts = (client: TestClient) =>
    afterRecheck(async (): Promise<CentreFronts> => {
      const response = await client.request({ method: 'GET', url: '/api/centre/overview' });
      expect(response.statusCode).toBe(200);
      return centreFrontsSchema.parse(response.json().fronts);
    });

  /** Both servers' fronts, one after the other: each read moves the one clock of the test. */
  const both = async () => [await fronts(analysts[0]), await fronts(analysts[1])];

  it('shows a device, a policy plan and a STEM import at both servers’ next read', async () => {
    const before = await both();
    expect(before.map((one) => [one.ictPark.devices, one.policyPlans.withCurrentPlan, one.stem.source.asOf])).toEqual([
      [0, 0, null],
      [0, 0, null],
    ]);

    await addDevice(w.ictA, w.schoolA, { assetTag: 'VER-1' });
    expect((await both()).map((one) => one.ictPark.devices)).toEqual([1, 1]);

    const year = schoolYearOf(brusselsDate(new Date()));
    await first.app.db.kysely
      .withTables<PolicyPlanTables>()
      .insertInto('policy_plans')
      .values({ school_id: w.schoolB, vision: 'Digitaal sterk', period_from: year, period_to: year, version: 1, updated_by: null, updated_at: new Date().toISOString() })
      .execute();
    expect((await both()).map((one) => one.policyPlans.withCurrentPlan)).toEqual([1, 1]);

    expect((await importStem(analysts[1], stemCsv(knownCounts))).statusCode).toBe(200);
    expect((await both()).map((one) => one.stem.source.asOf)).toEqual(['2018-2019', '2018-2019']);
  });

  it('moves the scans’ version when scans are imported as submitted, on both databases', async () => {
    const before = await first.app.services.flandersPicture.scansVersion();
    const teacher = await first.user('teacher', { schoolId: w.schoolA });
    const answers = Object.fromEntries(competenceList(first.app.services.digisnap.currentFramework()).map((competence) => [competence.code, 2]));
    await first.app.services.digisnap.importSubmittedScans([{ userId: teacher.userId, answers, submittedAt: new Date().toISOString() }]);
    expect(await second.app.services.flandersPicture.scansVersion()).toBeGreaterThan(before);
  });
});
