import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPEN_DATA_LICENCE, openDatasetListSchema, openDatasetSchema } from '../../src/shared/centre/open-data';
import { errorOf, startTestApp, type TestApp } from '../support/test-app';
import { importStem, knownCounts, stemCsv } from './stem-fixtures';

describe('open data', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
    expect((await importStem(await t.user('centre_analyst'), stemCsv(knownCounts))).statusCode).toBe(200);
  });
  afterAll(() => t.close());

  const get = (url: string) => t.app.inject({ method: 'GET', url });

  describe('listOpenDatasets', () => {
    it('lists every dataset to anyone, each with its description, licence and download links', async () => {
      const response = await get('/api/open-data');
      expect(response.statusCode).toBe(200);
      const { datasets } = openDatasetListSchema.parse(response.json());
      expect(datasets.map((dataset) => dataset.id)).toEqual([
        'digisnap-deelname',
        'digisnap-niveaus',
        'noden-en-aanbod',
        'stem-indicatoren',
        'ict-park',
        'ict-financiering',
        'ict-beleidsplannen',
        'cybercheck-maturiteit',
        'schoolreflectie-per-domein',
        'opvolging-na-digisnap',
      ]);
      for (const dataset of datasets) {
        expect(dataset.licence).toEqual(OPEN_DATA_LICENCE);
        expect(dataset.links.csv).toBe(`/api/open-data/${dataset.id}?format=csv`);
      }
    });

    it('answers a logged-in user the same', async () => {
      const teacher = await t.user('teacher');
      expect((await teacher.request({ method: 'GET', url: '/api/open-data' })).json()).toEqual((await get('/api/open-data')).json());
    });
  });

  describe('getOpenDataset', () => {
    it('sends JSON by default: the description, when it was made, and the rows', async () => {
      const response = await get('/api/open-data/stem-indicatoren');
      expect(response.statusCode).toBe(200);
      const dataset = openDatasetSchema.parse(response.json());
      expect(dataset).toMatchObject({ id: 'stem-indicatoren', sourceModule: 'stem', licence: OPEN_DATA_LICENCE });
      expect(Date.parse(dataset.generatedAt)).not.toBeNaN();
      expect(dataset.rows.length).toBeGreaterThan(0);
      for (const row of dataset.rows) expect(Object.keys(row)).toEqual(dataset.columns.map((column) => column.id));
      expect(dataset.rows.some((row) => row.school_year === '2018-2019' && typeof row.value === 'number')).toBe(true);
    });

    it('sends CSV as the exports do: semicolons, UTF-8 with a BOM, the column ids as header, a dated file name', async () => {
      const response = await get('/api/open-data/ict-beleidsplannen?format=csv');
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(response.headers['content-disposition']).toMatch(/^attachment; filename="ict-beleidsplannen-\d{4}-\d{2}-\d{2}\.csv"/);
      const [header, row] = response.body.split('\r\n');
      expect(header).toBe('\uFEFFas_of;schools;with_current_plan;share');
      expect(row).toMatch(/^\d{4}-\d{2}-\d{2};0;0;$/);
    });

    it('answers an unknown dataset 404 naming the id', async () => {
      expect(errorOf(await get('/api/open-data/geen-dataset'))).toMatchObject({ status: 404, id: 'not_found', field: 'params.id' });
      expect(errorOf(await get('/api/open-data/Geen_Dataset'))).toMatchObject({ status: 400, id: 'validation_error', field: 'params.id' });
    });

    it('refuses a format it does not write with 400 naming the field', async () => {
      expect(errorOf(await get('/api/open-data/ict-park?format=xlsx'))).toMatchObject({ status: 400, id: 'validation_error', field: 'querystring.format' });
    });
  });
});
