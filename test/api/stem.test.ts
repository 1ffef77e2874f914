import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stemImportReportSchema, stemIndicatorListSchema, stemIndicatorsSchema, stemSeriesSchema } from '../../src/shared/stem/api';
import { errorOf, startTestApp, type TestApp, type TestClient } from '../support/test-app';
import { importStem, knownCounts, STEM_HEADER, stemCsv } from './stem-fixtures';

describe('STEM monitor API', () => {
  let t: TestApp;
  let analyst: TestClient;

  beforeAll(async () => {
    t = await startTestApp();
    analyst = await t.user('centre_analyst');
  });
  afterAll(() => t.close());

  const get = async (url: string) => t.app.inject({ method: 'GET', url });
  const indicators = async (query: string) => stemIndicatorsSchema.parse((await get(`/api/stem/indicators?${query}`)).json());
  const year3 = async (query: string) => (await indicators(query)).indicators.find((value) => value.indicator === 'secondary_year3_stem_share')!;

  it('answers anyone without an account, before any import: the definitions, and no data for a year', async () => {
    const list = stemIndicatorListSchema.parse((await get('/api/stem/definitions')).json());
    expect(list.years).toEqual([]);
    expect(list.indicators).toHaveLength(9);
    expect(list.indicators.find((indicator) => indicator.id === 'secondary_grade23_stem_share')?.targets).toEqual([
      expect.objectContaining({ value: 0.4025, deadlineYear: '2030-2031', verified: false }),
    ]);
    const empty = await indicators('year=2018-2019');
    expect(empty.source).toBeNull();
    expect(empty.indicators.every((value) => value.total.status === 'no_data' && value.groups === null)).toBe(true);
  });

  it('imports a counts CSV of an analyst (BOM, semicolons) and computes the shares, hiding a cell under 5', async () => {
    const response = await importStem(analyst, `\uFEFF${stemCsv(knownCounts)}`);
    expect(response.statusCode).toBe(200);
    expect(stemImportReportSchema.parse(response.json())).toEqual({
      dryRun: false,
      rows: 10,
      years: [
        { year: '2010-2011', rows: 4, pupils: 1000 },
        { year: '2018-2019', rows: 6, pupils: 1000 },
      ],
    });
    expect((await year3('year=2018-2019')).total).toEqual({ status: 'shown', hidden: false, numerator: 361, denominator: 1000, share: 0.361 });
    const byProvince = await year3('year=2018-2019&breakdown=province');
    expect(byProvince.groups?.find((group) => group.key === 'antwerpen')?.value).toMatchObject({ numerator: 358, denominator: 900 });
    expect(byProvince.groups?.find((group) => group.key === 'limburg')?.value).toEqual({ status: 'hidden', hidden: true, numerator: null, denominator: null, share: null });
    expect(byProvince.groups?.find((group) => group.key === 'brussel')?.value.status).toBe('no_data');
    expect((await indicators('year=2018-2019')).source).toBe('csv');
  });

  it('gives the series with the change against the 2010-2011 baseline in percentage points', async () => {
    const series = stemSeriesSchema.parse((await get('/api/stem/series?indicator=secondary_year3_stem_share')).json());
    expect(series.baseline).toEqual({ year: '2010-2011', total: expect.objectContaining({ share: 0.335 }) });
    expect(series.years.map((year) => [year.year, year.total.share, year.changeFromBaselinePp])).toEqual([
      ['2010-2011', 0.335, 0],
      ['2018-2019', 0.361, 2.6],
    ]);
    expect(series.published).toContainEqual(expect.objectContaining({ year: '2010-2011', value: 0.335, group: null }));
    // An indicator with a target: no counts for it yet, so no distance either.
    const grade23 = stemSeriesSchema.parse((await get('/api/stem/series?indicator=secondary_grade23_stem_share&breakdown=gender')).json());
    expect(grade23.years).toEqual([]);
    expect(grade23.targets).toEqual([expect.objectContaining({ fromYear: null, distancePp: null, yearlyPacePp: null })]);
  });

  it('replaces a school year on a new import and leaves the others, sums school-level lines, and reads commas', async () => {
    const header = 'school_number,school_year,level,moment,programme_type,province,stem_category,gender,count';
    const lines = [
      '101,2018-2019,secondary,year3_inflow,aso,antwerpen,stem,f,200',
      '102,2018-2019,secondary,year3_inflow,aso,antwerpen,stem,f,100',
      '101,2018-2019,secondary,year3_inflow,aso,antwerpen,non_stem,m,700',
    ];
    expect((await importStem(analyst, stemCsv(lines, header))).statusCode).toBe(200);
    expect((await year3('year=2018-2019')).total).toMatchObject({ numerator: 300, denominator: 1000 });
    expect((await year3('year=2010-2011')).total).toMatchObject({ numerator: 335, denominator: 1000 });
    const list = stemIndicatorListSchema.parse((await get('/api/stem/definitions')).json());
    expect(list.years).toEqual([
      { year: '2010-2011', source: 'csv' },
      { year: '2018-2019', source: 'csv' },
    ]);
  });

  it('checks only on a dry run: the report, and nothing written', async () => {
    const response = await importStem(analyst, stemCsv(['2018-2019;secondary;year3_inflow;aso;antwerpen;stem;f;999']), '?dryRun=true');
    expect(response.json()).toEqual({ dryRun: true, rows: 1, years: [{ year: '2018-2019', rows: 1, pupils: 999 }] });
    expect((await year3('year=2018-2019')).total).toMatchObject({ numerator: 300, denominator: 1000 });
  });

  it('refuses a file with bad lines whole, naming every line and field, and writes nothing', async () => {
    const csv = stemCsv([
      '2018-2019;secondary;year3_inflow;aso;antwerpen;stem;f;10',
      '2018-2019;secondary;year3_inflow;aso;antwerpen;stemm;f;10',
      '2018-2019;secondary;year3_inflow;aso;antwerpen;non_stem;f;-3',
      '2018/19;secondary;year3_inflow;aso;antwerpen;stem;m;10',
      '2018-2019;secondary;year3_inflow;aso;antwerpen;stem;f;12',
      '2018-2019;higher;year3_inflow;aso;antwerpen;stem;f;10',
      '2018-2019;secondary;grade23;aso;henegouwen;stem;q;ten',
    ]);
    const response = await importStem(analyst, csv);
    expect(errorOf(response)).toMatchObject({ status: 422, id: 'import_rejected' });
    expect(response.json().error.details.map((detail: { field: string }) => detail.field)).toEqual([
      'line 3: stem_category',
      'line 4: count',
      'line 5: school_year',
      'line 6: count',
      'line 7: moment',
      'line 7: programme_type',
      'line 8: province',
      'line 8: gender',
      'line 8: count',
    ]);
    const messages = response
      .json()
      .error.details.map((detail: { message: string }) => detail.message)
      .join('\n');
    expect(messages).toMatch(/line 5: school_year: “2018\/19” is not a school year; write it as 2018-2019/);
    expect(messages).toMatch(/line 6: count: The same school year, .* as line 2/);
    expect(messages).toMatch(/line 7: moment: “year3_inflow” is not a moment of higher; expected inflow, diploma/);
    expect(messages).toMatch(/line 4: count: -3 is negative/);
    expect((await year3('year=2018-2019')).total).toMatchObject({ numerator: 300, denominator: 1000 });
  });

  it('refuses a header without the columns, and an empty file', async () => {
    const response = await importStem(analyst, 'school_year;level;count\n2018-2019;secondary;4\n');
    expect(errorOf(response)).toMatchObject({ status: 422, id: 'import_rejected' });
    expect(response.json().error.details[0].message).toMatch(/lacks moment, programme_type, province, stem_category, gender/);
    expect(errorOf(await importStem(analyst, `${STEM_HEADER}\n`))).toMatchObject({ status: 422, id: 'import_rejected' });
  });

  it('lets only analysts and admins import: 401 without a session, 403 for a principal, a teacher or a provider, 403 without the CSRF header', async () => {
    const csv = stemCsv(['2018-2019;secondary;year3_inflow;aso;antwerpen;stem;f;10']);
    const anonymous = await t.app.inject({ method: 'POST', url: '/api/stem/counts/import', payload: csv, headers: { 'content-type': 'text/csv' } });
    expect(errorOf(anonymous)).toMatchObject({ status: 401, id: 'unauthenticated' });
    const schoolId = await t.app.services.schools.createSchool({ name: 'STEM-school', educationLevel: 'secondary', province: 'limburg', network: 'go' });
    for (const client of [await t.user('principal', { schoolId }), await t.user('teacher'), await t.user('provider')])
      expect(errorOf(await importStem(client, csv))).toMatchObject({ status: 403, id: 'forbidden' });
    const noCsrf = await analyst.request({ method: 'POST', url: '/api/stem/counts/import?dryRun=true', payload: csv, headers: { 'content-type': 'text/csv' }, csrf: false });
    expect(errorOf(noCsrf)).toMatchObject({ status: 403, id: 'csrf_failed' });
    expect((await importStem(await t.user('admin'), csv, '?dryRun=true')).statusCode).toBe(200);
  });

  it('answers 400 on a bad year or breakdown and 404 on an unknown indicator', async () => {
    expect(errorOf(await get('/api/stem/indicators?year=2018/19'))).toMatchObject({ status: 400, id: 'validation_error' });
    expect(errorOf(await get('/api/stem/indicators?year=2018-2020'))).toMatchObject({ status: 400, id: 'validation_error' });
    expect(errorOf(await get('/api/stem/indicators?year=2018-2019&breakdown=shoe_size'))).toMatchObject({ status: 400, id: 'validation_error' });
    expect(errorOf(await get('/api/stem/indicators'))).toMatchObject({ status: 400, id: 'validation_error' });
    expect(errorOf(await get('/api/stem/series?indicator=nope'))).toMatchObject({ status: 404, id: 'not_found', field: 'indicator' });
  });
});
