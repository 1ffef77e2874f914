import { describe, expect, it } from 'vitest';
import { trainingCsvColumns } from '../../shared/catalogue/api';
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
});
