import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import writeExcelFile from 'write-excel-file/node';
import { trainingCsvColumns } from '../../src/shared/catalogue/api';
import { errorOf, startTestApp, type TestApp, type TestClient } from '../support/test-app';
import { providerAccount, trainingInput } from './catalogue-fixtures';

const header = trainingCsvColumns.join(';');
const goodLines = [
  'Coöperatief leren;Samen leren met digitale middelen.;"Dag 1: kennismaking; dag 2: oefenen.\nMet koffie.";klassikaal;nl;lager, buitengewoon;leraar, ict-coördinator;"3.3 A2>B1, 2.2 A1>A2";3,5;12,50;ja;Kerkstraat 1;9000;Gent;Oost-Vlaanderen;ABC-123;https://opleider.test/cooperatief;gepubliceerd',
  'Evalueren online;Formatief evalueren met quizzen en rubrics.;;zelfstudie online;en;secundair;leraar;4.1 B1>B2;2;0;nee;;;;;;https://opleider.test/evalueren;concept',
];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** A workbook whose first sheet holds the header and these rows, numbers as numbers, as a spreadsheet saves it. */
const workbookOf = (rows: Array<Array<string | number>>) =>
  writeExcelFile([
    trainingCsvColumns.map((value) => ({ value })),
    ...rows.map((cells) => cells.map((value) => (typeof value === 'number' ? { value, type: Number } : { value }))),
  ]).toBuffer();
const csvOf = (lines: string[], withBom = true) => `${withBom ? '\uFEFF' : ''}${[header, ...lines].join('\r\n')}\r\n`;

describe('importTrainings and exportTrainings', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const importCsv = (client: TestClient, text: string, query = '') =>
    client.request({ method: 'POST', url: `/api/trainings/import${query}`, headers: { 'content-type': 'text/csv; charset=utf-8' }, payload: text });
  const count = async (client: TestClient) => (await client.request({ method: 'GET', url: '/api/provider/trainings' })).json().items.length;

  it('imports a Belgian CSV (BOM, semicolons, decimal commas, Dutch values) and exports it back unchanged', async () => {
    const { client } = await providerAccount(t);
    const imported = await importCsv(client, csvOf(goodLines));
    expect(imported.statusCode, imported.body).toBe(200);
    expect(imported.json()).toEqual({ imported: 2, errors: [] });

    const list = (await client.request({ method: 'GET', url: '/api/provider/trainings' })).json().items;
    const cooperative = list.find((i: { title: string }) => i.title === 'Coöperatief leren');
    const detail = (await client.request({ method: 'GET', url: `/api/trainings/${cooperative.id}` })).json();
    expect(detail).toMatchObject({
      description: 'Dag 1: kennismaking; dag 2: oefenen.\nMet koffie.',
      kind: 'in_person',
      educationLevels: ['primary', 'special_needs'],
      audiences: ['teacher', 'ict_coordinator'],
      levelSteps: [
        { competence: '2.2', from: 'A1', to: 'A2' },
        { competence: '3.3', from: 'A2', to: 'B1' },
      ],
      durationHours: 3.5,
      priceEuro: 12.5,
      payableFromIctBudget: true,
      location: { address: 'Kerkstraat 1', postalCode: '9000', city: 'Gent', province: 'oost-vlaanderen' },
      accreditation: 'ABC-123',
      status: 'published',
    });

    const exported = await client.request({ method: 'GET', url: '/api/provider/trainings/export' });
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-type']).toContain('text/csv');
    expect(exported.headers['content-disposition']).toMatch(/attachment; filename="opleidingen-.*\.csv"/);
    expect(exported.body.startsWith(`\uFEFF${header}\r\n`)).toBe(true);
    expect(exported.body).toContain(';3,5;12,50;ja;');

    // Round trip: the export imports into another provider and exports to the very same file.
    const { client: other } = await providerAccount(t);
    expect((await importCsv(other, exported.body)).json()).toEqual({ imported: 2, errors: [] });
    const sortLines = (csv: string) => csv.split('\r\n').sort();
    expect(sortLines((await other.request({ method: 'GET', url: '/api/provider/trainings/export' })).body)).toEqual(sortLines(exported.body));
  });

  it('reads a file without BOM, with points as decimals and English codes', async () => {
    const { client } = await providerAccount(t);
    const line = 'Blended leren;Een blended traject voor het hele team.;;blended;nl;primary;teacher;1.4 A1>B1;1.5;99.95;yes;;;;;;https://opleider.test/blended;published';
    expect((await importCsv(client, csvOf([line], false))).json()).toEqual({ imported: 1, errors: [] });
    const item = (await client.request({ method: 'GET', url: '/api/provider/trainings' })).json().items[0];
    expect(item).toMatchObject({ kind: 'blended', durationHours: 1.5, priceEuro: 99.95, payableFromIctBudget: true, status: 'published' });
  });

  it('rejects a file with bad lines, naming every bad line and field, and imports nothing', async () => {
    const { client } = await providerAccount(t);
    const bad = [
      goodLines[0],
      'Fout 1;Een samenvatting die lang genoeg is.;;circus;nl;lager;leraar;3.3 A2>B1;2;abc;nee;;;;;;https://opleider.test/a;concept',
      'Fout 2;Een samenvatting die lang genoeg is.;;klassikaal;nl;lager;leraar;3.3 B1>A2;2;10;misschien;Straat 1;90;Gent;Gent;;geen-link;concept',
      ';Kort;;klassikaal;nl;;leraar;9.9 A1>A2;2;10;nee;;;;;;https://opleider.test/b;concept',
      goodLines[1],
    ];
    const response = await importCsv(client, csvOf(bad));
    expect(errorOf(response)).toMatchObject({ status: 422, id: 'import_rejected' });
    const fields = response.json().error.details.map((d: { field: string }) => d.field);
    expect([...fields].sort()).toEqual(
      [
        // The description of line 2 spans two lines of the file, so the next record starts on line 4.
        'line 4: vorm',
        'line 4: prijs_euro',
        'line 5: competenties',
        'line 5: ict_budget',
        'line 5: provincie',
        'line 5: postcode',
        'line 5: link',
        'line 6: titel',
        'line 6: samenvatting',
        'line 6: onderwijsniveaus',
        'line 6: competenties',
      ].sort(),
    );
    const lines = fields.map((f: string) => Number(/^line (\d+)/.exec(f)![1]));
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
    expect(response.json().error.details[0].message).toMatch(/^line \d: \w+: /);
    expect(await count(client)).toBe(0);
  });

  it('reports a file of many bad lines quickly, listing the first 1,000 problems and counting the rest', async () => {
    const { client } = await providerAccount(t);
    const badLine = 'Fout;Een samenvatting die lang genoeg is.;;circus;nl;lager;leraar;3.3 A2>B1;2;10;nee;;;;;;https://opleider.test/a;concept';
    const response = await importCsv(client, csvOf(Array.from({ length: 5_000 }, () => badLine)), '?dryRun=true');
    expect(errorOf(response)).toMatchObject({ status: 422, id: 'import_rejected' });
    const { message, details } = response.json().error;
    expect(message).toBe('5000 problem(s) on 5000 line(s); nothing was imported');
    expect(details).toHaveLength(1001);
    expect(details[0].field).toBe('line 2: vorm');
    expect(details[1000]).toEqual({
      field: 'bestand',
      message: 'bestand: 4000 more problem(s) not listed; fix the ones above and upload again',
      code: 'more_problems',
      params: { more: 4000 },
    });
  });

  it('names a missing column, and an empty file', async () => {
    const { client } = await providerAccount(t);
    const withoutPrice = trainingCsvColumns.filter((c) => c !== 'prijs_euro').join(';');
    const response = await importCsv(client, `${withoutPrice}\r\nx\r\n`);
    expect(errorOf(response)).toMatchObject({ status: 422, id: 'import_rejected' });
    expect(response.json().error.details.map((d: { field: string }) => d.field)).toEqual(['line 1: prijs_euro']);
    expect(response.json().error.details).toHaveLength(1);
    expect(errorOf(await importCsv(client, `\uFEFF${header}\r\n`))).toMatchObject({ status: 422, id: 'import_rejected' });
    expect(errorOf(await importCsv(client, ''))).toMatchObject({ status: 400, id: 'validation_error' });
  });

  it('imports an .xlsx workbook sent as its bytes, checking first with ?dryRun=true', async () => {
    const { client } = await providerAccount(t);
    const importXlsx = (file: Buffer | string, query = '') =>
      client.request({ method: 'POST', url: `/api/trainings/import${query}`, headers: { 'content-type': XLSX }, payload: file });
    const row = (title: string, price: number | string) => [
      title,
      'Samen leren met digitale middelen.',
      '',
      'klassikaal',
      'nl',
      'lager',
      'leraar',
      '3.3 A2>B1',
      3.5,
      price,
      'ja',
      '',
      '',
      '',
      '',
      '',
      'https://opleider.test/x',
      'concept',
    ];
    const file = await workbookOf([row('Uit Excel', 12.5), row('Ook uit Excel', 0)]);
    expect((await importXlsx(file, '?dryRun=true')).json()).toEqual({ imported: 2, errors: [] });
    expect(await count(client)).toBe(0);
    const imported = await importXlsx(file);
    expect(imported.statusCode, imported.body).toBe(200);
    expect(imported.json()).toEqual({ imported: 2, errors: [] });
    const list = (await client.request({ method: 'GET', url: '/api/provider/trainings' })).json().items;
    expect(list.find((i: { title: string }) => i.title === 'Uit Excel')).toMatchObject({ durationHours: 3.5, priceEuro: 12.5 });

    const bad = await importXlsx(await workbookOf([row('Fout', 'veel')]));
    expect(errorOf(bad)).toMatchObject({ status: 422, id: 'import_rejected' });
    expect(bad.json().error.details.map((d: { field: string }) => d.field)).toEqual(['line 2: prijs_euro']);
    const notAZip = await importXlsx(csvOf(goodLines));
    expect(errorOf(notAZip)).toMatchObject({ status: 422, id: 'import_rejected' });
    expect(notAZip.json().error.details).toEqual([
      { field: 'line 1: bestand', message: 'line 1: bestand: The file is not a readable XLSX workbook: it is not an .xlsx file', code: 'file_unreadable', params: { format: 'xlsx' } },
    ]);
    expect(await count(client)).toBe(2);
  });

  it('refuses a body of another content type with a stable error', async () => {
    const { client } = await providerAccount(t);
    for (const contentType of ['text/plain', 'application/vnd.ms-excel', 'multipart/form-data; boundary=x']) {
      const response = await client.request({ method: 'POST', url: '/api/trainings/import', headers: { 'content-type': contentType }, payload: csvOf(goodLines) });
      expect(errorOf(response)).toMatchObject({ status: 400, id: 'validation_error', field: 'body' });
      expect(response.json().error.message).toContain('or the JSON as application/json');
    }
    expect(await count(client)).toBe(0);
  });

  it('documents the CSV, .xlsx and JSON bodies in OpenAPI, each with its own schema', async () => {
    const document = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const { content } = document.paths['/api/trainings/import'].post.requestBody;
    expect(Object.keys(content)).toEqual(['text/csv', 'application/csv', XLSX, 'application/json']);
    expect(content[XLSX].schema).toMatchObject({ type: 'string', format: 'binary' });
    expect(content['text/csv'].schema).toMatchObject({ type: 'string' });
    expect(Object.keys(document.paths['/api/schools/{schoolId}/roster'].post.requestBody.content)).toEqual(['text/csv', 'application/csv', XLSX]);
  });

  it('checks only, writing nothing, with ?dryRun=true', async () => {
    const { client } = await providerAccount(t);
    expect((await importCsv(client, csvOf(goodLines), '?dryRun=true')).json()).toEqual({ imported: 2, errors: [] });
    expect(await count(client)).toBe(0);
  });

  it('imports JSON too, all or nothing, naming the item and field', async () => {
    const { client } = await providerAccount(t);
    const bad = await client.request({
      method: 'POST',
      url: '/api/trainings/import',
      payload: { trainings: [trainingInput(), { ...trainingInput(), priceEuro: 'gratis' }, { ...trainingInput(), title: '' }] },
    });
    expect(errorOf(bad)).toMatchObject({ status: 422, id: 'import_rejected' });
    expect(bad.json().error.details.map((d: { field: string }) => d.field)).toEqual(['body.trainings.1.priceEuro', 'body.trainings.2.title']);
    expect(await count(client)).toBe(0);
    const good = await client.request({ method: 'POST', url: '/api/trainings/import', payload: { trainings: [trainingInput(), trainingInput({ title: 'Tweede' })] } });
    expect(good.json()).toEqual({ imported: 2, errors: [] });
    expect(await count(client)).toBe(2);
  });

  it('is for providers and admins only', async () => {
    const teacher = await t.user('teacher');
    expect(errorOf(await importCsv(teacher, csvOf(goodLines)))).toMatchObject({ status: 403, id: 'forbidden' });
    expect(errorOf(await teacher.request({ method: 'GET', url: '/api/provider/trainings/export' }))).toMatchObject({ status: 403 });
    expect(errorOf(await t.app.inject({ method: 'POST', url: '/api/trainings/import', headers: { 'content-type': 'text/csv' }, payload: csvOf(goodLines) }))).toMatchObject({
      status: 401,
    });
    expect(errorOf(await t.app.inject({ method: 'GET', url: '/api/provider/trainings/export' }))).toMatchObject({ status: 401 });
    const admin = await t.user('admin');
    expect(errorOf(await importCsv(admin, csvOf(goodLines)))).toMatchObject({ status: 400, field: 'query.providerId' });
    const { providerId } = await providerAccount(t);
    expect((await importCsv(admin, csvOf(goodLines), `?providerId=${providerId}`)).json()).toEqual({ imported: 2, errors: [] });
    const { client: other } = await providerAccount(t);
    expect(errorOf(await importCsv(other, csvOf(goodLines), `?providerId=${providerId}`))).toMatchObject({ status: 403 });
  });
});
