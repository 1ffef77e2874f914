import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XLSX_MEDIA_TYPE } from '../../src/shared/platform/endpoint';
import { errorOf, startTestApp, type TestApp, type TestClient } from '../support/test-app';
import { readXlsx } from '../support/xlsx-reader';
import { addDevice, devicesInFull, devicesUrl, importDevices } from './infra-fixtures';
import { type SchoolWorld, schoolWorld } from './school-fixtures';

/** Snipe-IT's asset import columns, as its own sample files write them: commas, quotes around text with commas. */
const snipeHeader =
  'Company,Name,Asset Tag,Category,Supplier,Manufacturer,Location,Order Number,Model,Model Number,Serial Number,Purchase Date,Purchase Cost,Status,Warranty Months,Notes';
const snipeLines = [
  'Basisschool,Laptop 1,SN-0001,Laptops,"Signpost, Brugge",Lenovo,Hoofdgebouw,PO-77,ThinkPad L13,21FG,PF11,2022-08-30,"1,049.00",Deployed,36,"Leraar, 3de leerjaar"',
  'Basisschool,Chromebook 1,SN-0002,Chromebooks,Signpost,Acer,Hoofdgebouw,PO-77,Chromebook 314,CB314,NXAT1,08/30/2022,299.99,Ready to Deploy,24,',
  'Basisschool,Beamer,SN-0003,Projectors,,Epson,Turnzaal,,,EB-W06,X5Y,,,Out for Repair,,Lamp kapot',
  'Basisschool,Switch,SN-0004,Networking,,Cisco,Serverlokaal,,CBS250,,FOC123,2019-01-10,410,Archived,,',
];

const ownHeader =
  'inventarisnummer;serienummer;fabrikant;model;type;levensduur_maanden;aankoopdatum;prijs_euro;leverancier;bestelnummer;financiering;verwerving;einde_contract;garantie_maanden;campus;lokaal;status;notities';

describe('ICT park: import and export', () => {
  let t: TestApp;
  let w: SchoolWorld;

  beforeAll(async () => {
    t = await startTestApp();
    w = await schoolWorld(t);
  });
  afterAll(() => t.close());

  async function freshSchool(): Promise<{ id: string; ict: TestClient }> {
    const id = await t.app.services.schools.createSchool({ name: `Importschool ${Math.random()}`, educationLevel: 'primary', province: 'antwerpen', network: 'go' });
    return { id, ict: await t.user('ict_coordinator', { schoolId: id }) };
  }
  const all = devicesInFull;

  it('moves a Snipe-IT export over in one step: commas, quoted commas, US dates and amounts, statuses and categories', async () => {
    const s = await freshSchool();
    const response = await importDevices(s.ict, s.id, `${[snipeHeader, ...snipeLines].join('\n')}\n`);
    expect(response.json()).toEqual({ imported: 4, format: 'snipe-it', errors: [] });
    const devices = await all(s.ict, s.id);
    const byTag = new Map(devices.map((d) => [d.assetTag, d]));
    expect(byTag.get('SN-0001')).toMatchObject({
      state: 'in_use',
      priceCents: 104_900,
      supplier: 'Signpost, Brugge',
      notes: 'Leraar, 3de leerjaar',
      campus: 'Hoofdgebouw',
      orderNumber: 'PO-77',
      warrantyEndsOn: '2025-08-30',
      model: { manufacturer: 'Lenovo', name: 'ThinkPad L13', type: 'laptop' },
    });
    expect(byTag.get('SN-0002')).toMatchObject({ state: 'in_stock', purchaseDate: '2022-08-30', priceCents: 29_999, model: { type: 'chromebook' } });
    expect(byTag.get('SN-0003')).toMatchObject({ state: 'in_repair', model: { name: 'EB-W06', type: 'projector' } });
    expect(byTag.get('SN-0004')).toMatchObject({ state: 'to_refurbish', model: { type: 'network', expectedLifeMonths: 84 } });
  });

  it('reads a BOM, semicolons and old Mac line ends (CR only), and detects our own format', async () => {
    const s = await freshSchool();
    const lines = [
      ownHeader,
      'T-1;;Apple;iPad 9;tablet;;01/09/2021;"1.299,50";;;digisprong;bought;;24;Noord;A0.1;in_use;"Klas 5; kast 2"',
      'T-2;;Apple;iPad 9;tablet;48;2021-09-01;349;;;parents;leased;2025-08-31;;Noord;;;',
    ];
    const response = await importDevices(s.ict, s.id, `\uFEFF${lines.join('\r')}\r`);
    expect(response.json()).toMatchObject({ imported: 2, format: 'digisprong' });
    const [t1, t2] = await all(s.ict, s.id);
    expect(t1).toMatchObject({ assetTag: 'T-1', purchaseDate: '2021-09-01', priceCents: 129_950, notes: 'Klas 5; kast 2', state: 'in_use', room: 'A0.1' });
    expect(t2).toMatchObject({ assetTag: 'T-2', acquisition: 'leased', leaseEndsOn: '2025-08-31', fundingSource: 'parents', state: 'in_stock' });
  });

  it('rejects the whole file, naming every bad line and column, and writes nothing', async () => {
    const s = await freshSchool();
    await addDevice(s.ict, s.id, { assetTag: 'TAKEN' });
    const lines = [
      ownHeader,
      'OK-1;;HP;ProBook;laptop;;;;;;;;;;;;;',
      'BAD-1;;HP;ProBook;toaster;;31/02/2022;veel;;;lottery;;;;;;;',
      ';;HP;;laptop;;;;;;;leased;;;;;disposed;',
      'OK-1;;HP;ProBook;laptop;;;;;;;;;;;;;',
      'TAKEN;;HP;ProBook;laptop;;;;;;;;;;;;;',
    ];
    const response = await importDevices(s.ict, s.id, lines.join('\n'));
    expect(errorOf(response)).toMatchObject({ status: 422, id: 'import_rejected' });
    const where = response.json().error.details.map((d: { field: string }) => d.field);
    expect(where).toEqual(
      expect.arrayContaining([
        'line 3: type',
        'line 3: aankoopdatum',
        'line 3: prijs_euro',
        'line 3: financiering',
        'line 4: inventarisnummer',
        'line 4: model',
        'line 4: einde_contract',
        'line 4: status',
        'line 5: inventarisnummer',
        'line 6: inventarisnummer',
      ]),
    );
    expect(where.some((field: string) => field.startsWith('line 2:'))).toBe(false);
    expect((await all(s.ict, s.id)).map((d) => d.assetTag)).toEqual(['TAKEN']);
  });

  it('checks only with ?dryRun=true, and names a missing column or an unknown header', async () => {
    const s = await freshSchool();
    const dry = await importDevices(s.ict, s.id, [snipeHeader, snipeLines[0]].join('\n'), '?dryRun=true');
    expect(dry.json()).toEqual({ imported: 1, format: 'snipe-it', errors: [] });
    expect(await all(s.ict, s.id)).toEqual([]);

    const unknown = await importDevices(s.ict, s.id, 'naam,prijs\nx,1\n');
    expect(errorOf(unknown)).toMatchObject({ status: 422, id: 'import_rejected' });
    expect(unknown.json().error.details[0].field).toBe('line 1: bestand');
    const noManufacturer = await importDevices(s.ict, s.id, 'Asset Tag,Model\nX-1,ThinkPad\n');
    expect(noManufacturer.json().error.details.map((d: { field: string }) => d.field)).toEqual(['line 1: manufacturer']);
    // Named explicitly, a Snipe-IT header read as ours misses our columns.
    const forced = await importDevices(s.ict, s.id, [snipeHeader, snipeLines[0]].join('\n'), '?format=digisprong');
    expect(forced.json().error.details.map((d: { field: string }) => d.field)).toContain('line 1: inventarisnummer');
    expect(errorOf(await importDevices(s.ict, s.id, ownHeader))).toMatchObject({ status: 422, id: 'import_rejected' });
    expect(errorOf(await importDevices(s.ict, s.id, '{}', '', 'application/json'))).toMatchObject({ status: 400, id: 'validation_error', field: 'body' });
    expect(errorOf(await importDevices(s.ict, s.id, ownHeader, '?format=glpi'))).toMatchObject({ status: 400, id: 'validation_error' });
  });

  it('exports CSV and XLSX that import back as the same devices, with formula-like text escaped', async () => {
    const s = await freshSchool();
    await addDevice(s.ict, s.id, { assetTag: '=HYPERLINK("http://x")', notes: '+32 3 123 45 67', supplier: '@leverancier', room: '-A1+B1' });
    await addDevice(s.ict, s.id, { assetTag: 'PLAIN-1', acquisition: 'rented', leaseEndsOn: '2027-06-30', priceCents: 123_456, notes: 'Regel 1\nRegel 2; "quoted"' }, 'in_repair');
    await addDevice(s.ict, s.id, {
      assetTag: 'PLAIN-2',
      purchaseDate: null,
      warrantyMonths: null,
      priceCents: null,
      fundingSource: null,
      serial: null,
      type: 'interactive_whiteboard',
      modelName: 'Board 86"',
      manufacturer: 'Promethean',
      expectedLifeMonths: 96,
    });
    const before = await all(s.ict, s.id);

    const csv = await s.ict.request({ method: 'GET', url: `${devicesUrl(s.id)}/export` });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toMatch(/attachment; filename="toestellen-.*\.csv"/);
    expect(csv.body.startsWith(`\uFEFF${ownHeader}\r\n`)).toBe(true);
    expect(csv.body).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(csv.body).toContain(";'+32 3 123 45 67");
    expect(csv.body).toContain(";'@leverancier;");
    expect(csv.body).toContain(";'-A1+B1;");
    expect(csv.body).not.toMatch(/(^|;)[=+@]/m);

    const xlsx = await s.ict.request({ method: 'GET', url: `${devicesUrl(s.id)}/export?format=xlsx` });
    expect(xlsx.headers['content-type']).toContain(XLSX_MEDIA_TYPE);
    const book = readXlsx(xlsx.rawPayload);
    const sheet = book.sheets[book.sheetNames[0]];
    expect(sheet[0]?.map((c) => c?.value)).toEqual(ownHeader.split(';'));
    expect(sheet.flat().some((cell) => typeof cell?.value === 'string' && /^[=+@]/.test(cell.value))).toBe(false);

    const comparable = (devices: typeof before) => devices.map(({ id, schoolId, createdAt, updatedAt, model, ...rest }) => ({ ...rest, model: { ...model, id: undefined } }));
    for (const [body, contentType] of [
      [csv.body, 'text/csv'],
      [xlsx.rawPayload, XLSX_MEDIA_TYPE],
    ] as const) {
      const target = await freshSchool();
      const imported = await importDevices(target.ict, target.id, body, '', contentType);
      expect(imported.json()).toMatchObject({ imported: 3, format: 'digisprong' });
      expect(comparable(await all(target.ict, target.id))).toEqual(comparable(before));
    }
  });

  it('lets only the school’s managers import, and its readers export', async () => {
    const file = [snipeHeader, snipeLines[0]].join('\n');
    expect(errorOf(await importDevices(w.teacherA, w.schoolA, file))).toMatchObject({ status: 403, id: 'forbidden' });
    expect(errorOf(await importDevices(w.boardAdmin, w.schoolA, file))).toMatchObject({ status: 403, id: 'forbidden' });
    expect(errorOf(await importDevices(w.principalOther, w.schoolA, file))).toMatchObject({ status: 404, id: 'not_found' });
    expect(errorOf(await t.app.inject({ method: 'POST', url: `${devicesUrl(w.schoolA)}/import`, headers: { 'content-type': 'text/csv' }, payload: file }))).toMatchObject({
      status: 401,
    });
    expect((await importDevices(w.principalA, w.schoolA, file)).statusCode).toBe(200);
    expect((await w.boardAdmin.request({ method: 'GET', url: `${devicesUrl(w.schoolA)}/export` })).statusCode).toBe(200);
    expect(errorOf(await w.teacherA.request({ method: 'GET', url: `${devicesUrl(w.schoolA)}/export` }))).toMatchObject({ status: 403 });
    expect(errorOf(await w.principalOther.request({ method: 'GET', url: `${devicesUrl(w.schoolA)}/export` }))).toMatchObject({ status: 404 });
    expect(errorOf(await w.principalA.request({ method: 'GET', url: `${devicesUrl(w.schoolA)}/export?format=pdf` }))).toMatchObject({ status: 400, id: 'validation_error' });
  });
});
