import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, startTestApp, type TestApp } from '../support/test-app';
import { readXlsx, type XlsxBook } from '../support/xlsx-reader';
import { allAnswers, createSchool, dayFromToday, instantFromNow, openCampaign, reportUrl, type School, submitScanAt } from './campaign-fixtures';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The row of a sheet whose part and category columns read as given. */
function rowOf(book: XlsxBook, sheet: string, part: string, category: string) {
  const row = book.sheets[sheet].find((r) => r[1]?.value === part && r[2]?.value === category);
  if (!row) throw new Error(`no row ${part} / ${category} in ${sheet}`);
  return row;
}

describe('getSchoolReport as XLSX', () => {
  let t: TestApp;
  let school: School;
  let campaignId: string;

  beforeAll(async () => {
    t = await startTestApp();
    school = await createSchool(t, { teachers: 15, name: 'VBS De Linde' });
    // 5 at A2, 5 at B1, 5 at C1; 3 of the last ten say 0–5 years of experience: a group too small to show.
    for (const [i, id] of school.teacherIds.entries()) {
      await submitScanAt(t, id, instantFromNow(-2), allAnswers([1, 2, 4][Math.floor(i / 5)]), i >= 5 && i % 5 < 3 && i < 10 ? { experience: '0_5' } : {});
    }
    campaignId = (await openCampaign(school.principal, school.id)).id;
  });
  afterAll(() => t.close());

  it('downloads one sheet per table, with numbers as numbers, shares as percentages, small cells shown and the noise stated', async () => {
    const response = await school.principal.request({ method: 'GET', url: reportUrl(school.id, campaignId, '?format=xlsx') });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe(XLSX);
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="digisnap-directierapport-\d{4}-\d{2}-\d{2}\.xlsx"/);
    const book = readXlsx(response.rawPayload);
    expect(book.sheetNames).toEqual(['Team', 'Domeinen', 'Competenties', 'Achtergrond']);
    expect(book.sheets.Domeinen[0].map((c) => c?.value)).toEqual(['tabel', 'onderdeel', 'categorie', 'aantal', 'aandeel_pct', 'verborgen']);

    const respondents = rowOf(book, 'Team', 'VBS De Linde', 'respondenten');
    expect(respondents[3]).toEqual({ value: 15, format: '0' });
    const bPlus = rowOf(book, 'Team', 'VBS De Linde', 'B of hoger');
    expect(bPlus.slice(3, 5)).toEqual([
      { value: 10, format: '0' },
      { value: 0.667, format: '0.0%' },
    ]);
    expect(bPlus[5]?.value).toBe('nee');
    const noiseNote = book.sheets.Team.find((r) => r[1]?.value === 'ruis');
    expect(String(noiseNote?.[2]?.value)).toMatch(/willekeurige ruis.*9 op 10 aantallen wijken hoogstens 2 af/);

    const shownLevel = rowOf(book, 'Competenties', '1.1 Organisatorische communicatie', 'B1');
    expect(shownLevel.slice(3, 6)).toEqual([
      { value: 5, format: '0' },
      { value: 0.333, format: '0.0%' },
      { value: 'nee', format: null },
    ]);
    // A level nobody is at shows 0, not hidden: the noise, not suppression, protects small cells.
    const zeroLevel = rowOf(book, 'Competenties', '1.1 Organisatorische communicatie', 'B2');
    expect(zeroLevel.slice(3, 6).map((c) => c?.value)).toEqual([0, 0, 'nee']);
    const smallGroup = rowOf(book, 'Achtergrond', 'Hoeveel jaar ervaring heb je in het onderwijs?: 0 tot 5 jaar', 'respondenten');
    expect(smallGroup[3]).toEqual({ value: 3, format: '0' });
  });

  it('holds the same lines as the CSV', async () => {
    const csv = (await school.principal.request({ method: 'GET', url: reportUrl(school.id, campaignId, '?format=csv') })).body;
    const book = readXlsx((await school.ict.request({ method: 'GET', url: reportUrl(school.id, campaignId, '?format=xlsx') })).rawPayload);
    const csvLines = csv.slice(1).trim().split('\r\n').slice(1);
    const sheetRows = book.sheetNames.flatMap((name) => book.sheets[name].slice(1));
    expect(sheetRows).toHaveLength(csvLines.length);
    expect(sheetRows.map((r) => r[0]?.value)).toEqual(csvLines.map((l) => l.split(';')[0]));
  });

  it('speaks English with lang=en', async () => {
    const response = await school.principal.request({ method: 'GET', url: reportUrl(school.id, campaignId, '?format=xlsx&lang=en') });
    const book = readXlsx(response.rawPayload);
    expect(book.sheetNames).toEqual(['Team', 'Areas', 'Competences', 'Background']);
    expect(book.sheets.Areas[0].map((c) => c?.value)).toEqual(['table', 'part', 'category', 'count', 'share_pct', 'suppressed']);
    expect(rowOf(book, 'Competences', '1.1 Organisational communication', 'B2')[3]?.value).toBe(0);
  });

  it('refuses an unknown format, naming the field', async () => {
    expect(errorOf(await school.principal.request({ method: 'GET', url: reportUrl(school.id, campaignId, '?format=xls') }))).toMatchObject({
      status: 400,
      id: 'validation_error',
      field: 'querystring.format',
    });
  });

  it('needs a session and a role in the school: 401 without, 403 for a teacher, 404 for another school', async () => {
    const url = reportUrl(school.id, campaignId, '?format=xlsx');
    expect(errorOf(await t.app.inject({ method: 'GET', url }))).toMatchObject({ status: 401 });
    const teacher = await t.user('teacher', { schoolId: school.id });
    expect(errorOf(await teacher.request({ method: 'GET', url }))).toMatchObject({ status: 403, id: 'forbidden' });
    const outsider = await createSchool(t, { teachers: 0 });
    expect(errorOf(await outsider.principal.request({ method: 'GET', url }))).toMatchObject({ status: 404 });
    expect(errorOf(await outsider.principal.request({ method: 'GET', url: reportUrl(outsider.id, campaignId, '?format=xlsx') }))).toMatchObject({ status: 404 });
  });

  it('answers 422 too_few_respondents rather than a workbook for a small team', async () => {
    const small = await createSchool(t, { teachers: 4 });
    for (const id of small.teacherIds) await submitScanAt(t, id, instantFromNow(-1), allAnswers(2));
    const campaign = await openCampaign(small.principal, small.id, { opensOn: dayFromToday(-5), closesOn: dayFromToday(5) });
    const response = await small.principal.request({ method: 'GET', url: reportUrl(small.id, campaign.id, '?format=xlsx') });
    expect(errorOf(response)).toMatchObject({ status: 422, id: 'too_few_respondents' });
    expect(response.headers['content-type']).toMatch(/^application\/json/);
  });
});
