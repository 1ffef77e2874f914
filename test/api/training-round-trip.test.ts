import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTrainingCsv } from '../../src/server/catalogue/training-csv';
import { type TrainingInput, trainingInputSchema } from '../../src/shared/catalogue/api';
import { startTestApp, type TestApp, type TestClient } from '../support/test-app';
import { trainingArbitrary } from '../support/training-arbitrary';
import { providerAccount } from './catalogue-fixtures';

/**
 * Finding 11 of issue 9: every export imports back unchanged. Generated trainings are created
 * through the API, exported, imported back (dry run, then for real by another provider) and
 * exported again: the same trainings each time.
 */
describe('training export → import round trip (property)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const exportOf = async (client: TestClient) => {
    const response = await client.request({ method: 'GET', url: '/api/provider/trainings/export' });
    expect(response.statusCode).toBe(200);
    return response.body;
  };
  /** The trainings a CSV holds, in a fixed order (the export orders by last change). */
  const trainingsIn = async (csv: string) => {
    const { items, problems } = await readTrainingCsv(csv);
    expect(problems).toEqual([]);
    return sorted(items.map((item) => trainingInputSchema.parse(item.raw)));
  };
  const sorted = (trainings: TrainingInput[]) => trainings.map((training) => JSON.stringify(training)).sort();
  /** As stored: level steps come back ordered by competence. */
  const asStored = (training: TrainingInput): TrainingInput => ({ ...training, levelSteps: [...training.levelSteps].sort((a, b) => a.competence.localeCompare(b.competence)) });

  it('exports what was entered and imports it back unchanged', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(trainingArbitrary, { minLength: 1, maxLength: 4 }), async (trainings) => {
        const { client: first } = await providerAccount(t);
        for (const training of trainings) {
          const created = await first.request({ method: 'POST', url: '/api/trainings', payload: training });
          expect(created.statusCode, created.body).toBe(201);
        }
        const csv = await exportOf(first);
        expect(await trainingsIn(csv)).toEqual(sorted(trainings.map(asStored)));

        const upload = (client: TestClient, dryRun: boolean) =>
          client.request({ method: 'POST', url: `/api/trainings/import?dryRun=${dryRun}`, headers: { 'content-type': 'text/csv' }, payload: csv });
        const dryRun = await upload(first, true);
        expect(dryRun.statusCode, dryRun.body).toBe(200);
        expect(dryRun.json()).toEqual({ imported: trainings.length, errors: [] });

        const { client: second } = await providerAccount(t);
        expect((await upload(second, false)).json()).toEqual({ imported: trainings.length, errors: [] });
        expect(await trainingsIn(await exportOf(second))).toEqual(await trainingsIn(csv));
      }),
      { numRuns: 12 },
    );
  });

  it('refuses a duration the export cannot write (0.001 hours), naming the field, and stores an empty accreditation as none', async () => {
    const { client } = await providerAccount(t);
    const [training] = fc.sample(trainingArbitrary, { numRuns: 1, seed: 1 });
    const refused = await client.request({ method: 'POST', url: '/api/trainings', payload: { ...training, durationHours: 0.001 } });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error).toMatchObject({ id: 'validation_error', field: 'body.durationHours' });
    // An empty accreditation is stored as none, which is how the CSV reads an empty cell back.
    const blank = await client.request({ method: 'POST', url: '/api/trainings', payload: { ...training, accreditation: '' } });
    expect(blank.statusCode).toBe(201);
    expect(blank.json().accreditation).toBeNull();
  });
});
