import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { trainingArbitrary } from '../../../test/support/training-arbitrary';
import { trainingCsvColumns, trainingInputSchema } from '../../shared/catalogue/api';
import { formatBelgianNumber, parseBelgianNumber, readTrainingCsv, writeTrainingCsv } from './training-csv';

describe('training CSV', () => {
  it('reads Belgian and plain decimals, and refuses what is not a number', async () => {
    expect(parseBelgianNumber('12,50')).toBe(12.5);
    expect(parseBelgianNumber('1.234,50')).toBe(1234.5);
    expect(parseBelgianNumber('€ 9,99')).toBe(9.99);
    expect(parseBelgianNumber('12.5')).toBe(12.5);
    expect(parseBelgianNumber('gratis')).toBe(0);
    expect(parseBelgianNumber('twaalf')).toBeUndefined();
    expect(formatBelgianNumber(12.5, 'price')).toBe('12,50');
    expect(formatBelgianNumber(3.5, 'plain')).toBe('3,5');
  });

  it('recognises a comma-separated file by its header', async () => {
    const header = trainingCsvColumns.join(',');
    const { items, problems } = await readTrainingCsv(`${header}\nTitel,Een lange samenvatting.,,blended,nl,lager,leraar,3.1 A2>B1,2,0,nee,,,,,,https://x.be,concept\n`);
    expect(problems).toEqual([]);
    expect(items[0].raw).toMatchObject({ kind: 'blended', levelSteps: [{ competence: '3.1', from: 'A2', to: 'B1' }], location: null });
  });

  it('writes what it reads', async () => {
    const csv = writeTrainingCsv([
      {
        title: 'Titel; met puntkomma',
        summary: 'Een "samenvatting" van tien tekens.',
        description: 'Regel 1\nRegel 2',
        kind: 'in_person',
        language: 'nl',
        educationLevels: ['primary', 'special_needs'],
        audiences: ['ict_coordinator'],
        levelSteps: [{ competence: '3.1', from: 'A2', to: 'B1' }],
        durationHours: 1.5,
        priceEuro: 19.99,
        payableFromIctBudget: true,
        location: { address: 'Markt 1', postalCode: '8000', city: 'Brugge', province: 'west-vlaanderen' },
        accreditation: null,
        url: 'https://x.be',
        status: 'published',
      },
    ]);
    const { items, problems } = await readTrainingCsv(csv);
    expect(problems).toEqual([]);
    expect(items[0].raw).toMatchObject({
      title: 'Titel; met puntkomma',
      summary: 'Een "samenvatting" van tien tekens.',
      description: 'Regel 1\nRegel 2',
      educationLevels: ['primary', 'special_needs'],
      audiences: ['ict_coordinator'],
      durationHours: 1.5,
      priceEuro: 19.99,
      location: { province: 'west-vlaanderen' },
      status: 'published',
    });
  });

  it('reads back every export unchanged (property: any valid trainings → CSV → the same trainings)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(trainingArbitrary, { minLength: 1, maxLength: 5 }), async (trainings) => {
        const { items, problems } = await readTrainingCsv(writeTrainingCsv(trainings));
        expect(problems).toEqual([]);
        expect(items.map((item) => trainingInputSchema.parse(item.raw))).toEqual(trainings);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses durations finer than the export writes (0.001 hours was exported as 0)', () => {
    const issues = (durationHours: number) => trainingInputSchema.shape.durationHours.safeParse(durationHours).error?.issues.map((i) => i.message);
    expect(issues(0.001)).toEqual(['Give the hours with at most two decimals']);
    expect(issues(1.005)).toEqual(['Give the hours with at most two decimals']);
    expect(issues(0.01)).toBeUndefined();
    expect(issues(12.34)).toBeUndefined();
    expect(trainingInputSchema.shape.priceEuro.safeParse(12.345).success).toBe(false);
  });
});
