import { describe, expect, it } from 'vitest';
import type { CentreFronts } from '../../shared/centre/fronts';
import { OPEN_DATA_LICENCE } from '../../shared/centre/open-data';
import type { FrontsNeeds } from './fronts.needs';
import { FrontsService } from './fronts.service';
import { type OpenDataset, openDatasets } from './open-data.registry';
import { OPEN_DATA_MAX_AGE_MS, OpenDataService } from './open-data.service';

const stemFront: CentreFronts['stem'] = {
  source: { module: 'stem', asOf: '2024-2025' },
  indicators: [{ indicator: 'stem_share', name: { nl: 'STEM; "aandeel"', en: 'STEM share' }, year: '2024-2025', value: 0.31, target: { value: 0.35, deadlineYear: '2029-2030' } }],
};

function counted(rows: OpenDataset['rows']): OpenDataset & { reads: () => number } {
  let reads = 0;
  return {
    id: 'test-set',
    title: { nl: 'Test', en: 'Test' },
    description: { nl: 'Test', en: 'Test' },
    period: { nl: 'Nu', en: 'Now' },
    privacyRule: { nl: 'Geen', en: 'None' },
    sourceModule: 'stem',
    columns: [
      { id: 'b', type: 'text', title: { nl: 'B', en: 'B' }, definition: { nl: 'B', en: 'B' } },
      { id: 'a', type: 'number', title: { nl: 'A', en: 'A' }, definition: { nl: 'A', en: 'A' } },
    ],
    rows: () => {
      reads++;
      return rows();
    },
    reads: () => reads,
  };
}

describe('OpenDataService', () => {
  it('describes every dataset with the free reuse licence and its links', () => {
    const service = new OpenDataService([counted(async () => [])]);
    const [description] = service.list().datasets;
    expect(description.licence).toEqual(OPEN_DATA_LICENCE);
    expect(description.links).toEqual({ json: '/api/open-data/test-set?format=json', csv: '/api/open-data/test-set?format=csv' });
  });

  it('writes the columns in the description’s order, empty for null, with a BOM and semicolons', async () => {
    const service = new OpenDataService(
      [
        counted(async () => [
          { a: 1.5, b: 'x;y' },
          { a: null, b: 'z' },
        ]),
      ],
      { now: () => Date.parse('2026-12-07T10:00:00Z') },
    );
    const { fileName, csv } = await service.csv('test-set');
    expect(fileName).toBe('test-set-2026-12-07.csv');
    expect(csv).toBe('\uFEFFb;a\r\n"x;y";1.5\r\nz;\r\n');
  });

  it('reads the rows once per max age, concurrent readers sharing the read', async () => {
    let now = 0;
    const dataset = counted(async () => [{ a: 1, b: 'x' }]);
    const service = new OpenDataService([dataset], { now: () => now });
    await Promise.all([service.dataset('test-set'), service.dataset('test-set')]);
    now = OPEN_DATA_MAX_AGE_MS - 1;
    await service.dataset('test-set');
    expect(dataset.reads()).toBe(1);
    now = OPEN_DATA_MAX_AGE_MS;
    await service.dataset('test-set');
    expect(dataset.reads()).toBe(2);
  });

  it('does not keep a failed read', async () => {
    let fail = true;
    const service = new OpenDataService([
      counted(async () => {
        if (fail) throw new Error('down');
        return [];
      }),
    ]);
    await expect(service.dataset('test-set')).rejects.toThrow('down');
    fail = false;
    await expect(service.dataset('test-set')).resolves.toMatchObject({ rows: [] });
  });

  it('answers not_found naming the id for a dataset it does not list', async () => {
    const service = new OpenDataService([]);
    await expect(service.dataset('nope')).rejects.toMatchObject({ id: 'not_found', field: 'params.id' });
  });

  it('refuses two datasets with one id', () => {
    expect(() => new OpenDataService([counted(async () => []), counted(async () => [])])).toThrow('share an id');
  });
});

describe('the registry', () => {
  const needs = { stem: { version: async () => 1, headline: async () => stemFront } } as unknown as FrontsNeeds;
  const datasets = openDatasets({
    fronts: new FrontsService(needs),
    stem: needs.stem,
    picture: {
      picture: async () => {
        throw new Error('not read here');
      },
    },
    needsOffer: { publishedCells: async () => [] },
    followUp: {
      publishedProgress: async () => {
        throw new Error('not read here');
      },
    },
  });

  it('lists datasets with unique ids that fit a URL, each column defined in both languages', () => {
    const ids = datasets.map((dataset) => dataset.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const dataset of datasets) {
      expect(dataset.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      for (const column of dataset.columns) expect(column.definition.nl && column.definition.en).toBeTruthy();
    }
  });

  it('publishes the STEM headline as one row per indicator', async () => {
    const stem = datasets.find((dataset) => dataset.id === 'stem-indicatoren')!;
    expect(await stem.rows()).toEqual([
      { indicator: 'stem_share', name_nl: 'STEM; "aandeel"', name_en: 'STEM share', school_year: '2024-2025', value: 0.31, target: 0.35, target_year: '2029-2030' },
    ]);
  });
});
