import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeviceDto } from '../../src/shared/infra/api';
import { CLI_TEST_TIMEOUT, digisprong, useCliDatabase } from '../support/cli';
import { errorOf, login, startTestApp, type TestApp, type TestClient } from '../support/test-app';
import { devicesInFull, importDevices } from './infra-fixtures';

/**
 * Snipe-IT's two sample layouts for an asset import, with rows of our own: `MOCK_ASSETS.csv`'s
 * (old Mac line ends, MM/DD/YY dates, the checked-out person first, Status) and
 * `assets-sample.csv`'s (Order Number, Model Notes, Asset Notes, Checkout Type and the
 * "Checked Out To:" columns).
 */
const snipeMockAssets = new URL('../fixtures/snipe-it-mock-assets.csv', import.meta.url).pathname;
const snipeAssetsSample = new URL('../fixtures/snipe-it-assets-sample.csv', import.meta.url).pathname;

const devicesOf = async (client: TestClient, schoolId: string): Promise<Map<string, DeviceDto>> =>
  new Map((await devicesInFull(client, schoolId)).map((device) => [device.assetTag, device]));

describe('ICT park: Snipe-IT’s own sample files', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  async function freshSchool(): Promise<{ id: string; ict: TestClient }> {
    const id = await t.app.services.schools.createSchool({ name: `Snipeschool ${Math.random()}`, educationLevel: 'primary', province: 'antwerpen' });
    return { id, ict: await t.user('ict_coordinator', { schoolId: id }) };
  }

  it('reads MOCK_ASSETS.csv’s layout in one step: CR line ends, MM/DD/YY, its statuses, the person an asset is checked out to', async () => {
    const s = await freshSchool();
    const file = readFileSync(snipeMockAssets);
    expect((await importDevices(s.ict, s.id, file, '?dryRun=true')).json()).toEqual({ imported: 15, format: 'snipe-it', errors: [] });
    expect((await importDevices(s.ict, s.id, file)).json()).toEqual({ imported: 15, format: 'snipe-it', errors: [] });
    const devices = await devicesOf(s.ict, s.id);
    expect(devices.size).toBe(15);
    expect(devices.get('KLI-0001')).toMatchObject({
      serial: 'PF3KL001',
      state: 'in_use',
      purchaseDate: '2022-08-22',
      priceCents: 84_900,
      supplier: 'Signpost',
      campus: 'Hoofdgebouw',
      warrantyEndsOn: '2025-08-22',
      notes: 'Lader apart, in de kast\nSnipe-IT: checked out to Sara Peeters (sara.peeters@klimop.example)',
      model: { manufacturer: 'Lenovo', name: 'ThinkPad L13 Gen 3', type: 'laptop' },
    });
    // No status, but checked out: deployed.
    expect(devices.get('KLI-0002')).toMatchObject({ state: 'in_use' });
    expect(devices.get('KLI-0105')).toMatchObject({ state: 'in_stock', purchaseDate: '2021-09-01', priceCents: 29_999, notes: null, model: { type: 'chromebook' } });
    expect(devices.get('KLI-0201')).toMatchObject({ state: 'in_repair', model: { type: 'tablet' } });
    expect(devices.get('KLI-0202')).toMatchObject({ state: 'lost_or_stolen', notes: expect.stringContaining('Lotte Claes') });
    expect([devices.get('KLI-0301')?.state, devices.get('KLI-0302')?.state]).toEqual(['to_refurbish', 'to_refurbish']);
    expect(devices.get('KLI-0401')).toMatchObject({ state: 'in_stock', purchaseDate: '2016-10-03', warrantyMonths: null, model: { type: 'projector' } });
  });

  it('reads assets-sample.csv’s layout: order numbers, asset notes, checkouts to a person or a place', async () => {
    const s = await freshSchool();
    expect((await importDevices(s.ict, s.id, readFileSync(snipeAssetsSample))).json()).toEqual({ imported: 4, format: 'snipe-it', errors: [] });
    const devices = await devicesOf(s.ict, s.id);
    expect(devices.get('KLI-0501')).toMatchObject({
      state: 'in_use',
      room: 'Klas 3A',
      orderNumber: 'EM-2020-011',
      priceCents: 420_000,
      notes: null,
      model: { manufacturer: 'Promethean', name: 'ActivPanel 9 75"', type: 'interactive_whiteboard' },
    });
    expect(devices.get('KLI-0003')).toMatchObject({
      state: 'in_use',
      priceCents: 104_900,
      notes: 'Nieuwe batterij, juni 2025\nSnipe-IT: checked out to Eva Wouters (eva.wouters@klimop.example)',
    });
    expect(devices.get('KLI-0601')).toMatchObject({ state: 'in_stock', supplier: 'Netwerkbedrijf Dendermonde, Aalst', room: null, model: { type: 'network' } });
    expect(devices.get('KLI-0701')).toMatchObject({ notes: 'Toner in de kast', model: { type: 'printer' } });
  });

  it('refuses a sample file whose status or date it cannot read, naming the line and column, and writes nothing', async () => {
    const s = await freshSchool();
    const [header, first, second] = readFileSync(snipeMockAssets, 'utf8').split('\r');
    const broken = [header, first.replace('8/22/22', '22/8/22'), second.replace(',,36,Signpost', ',Op de zolder,36,Signpost')].join('\r');
    const refused = await importDevices(s.ict, s.id, broken);
    expect(errorOf(refused)).toMatchObject({ status: 422, id: 'import_rejected' });
    expect(refused.json().error.details.map((d: { field: string }) => d.field)).toEqual(['line 2: purchase date', 'line 3: status']);
    expect((await devicesOf(s.ict, s.id)).size).toBe(0);
  });

  it('lets no one else import it: a teacher, a principal of another school, no session', async () => {
    const s = await freshSchool();
    const file = readFileSync(snipeMockAssets);
    expect(errorOf(await importDevices(await t.user('teacher', { schoolId: s.id }), s.id, file))).toMatchObject({ status: 403, id: 'forbidden' });
    const outsider = await t.user('principal', { schoolId: await t.app.services.schools.createSchool({ name: 'Elders', educationLevel: 'primary', province: 'limburg' }) });
    expect(errorOf(await importDevices(outsider, s.id, file))).toMatchObject({ status: 404, id: 'not_found' });
    const anonymous = await t.app.inject({ method: 'POST', url: `/api/schools/${s.id}/devices/import`, headers: { 'content-type': 'text/csv' }, payload: file });
    expect(anonymous.statusCode).toBe(401);
  });
});

describe('digisprong devices import with Snipe-IT’s sample files', { timeout: CLI_TEST_TIMEOUT }, () => {
  const database = useCliDatabase();

  it('imports both layouts in one step each, detected from the header', async () => {
    const schoolId = (await digisprong(database.url, 'schools', 'add', '--name', 'VBS De Klimop', '--level', 'primary')).stdout;
    expect(await digisprong(database.url, 'devices', 'import', '--school', schoolId, snipeMockAssets)).toMatchObject({ code: 0, stdout: '15 devices imported (snipe-it)' });
    expect(await digisprong(database.url, 'devices', 'import', '--school', schoolId, '--format', 'snipe-it', snipeAssetsSample)).toMatchObject({
      code: 0,
      stdout: '4 devices imported (snipe-it)',
    });
    const app = await database.openApp();
    try {
      await app.services.auth.createAccount({ email: 'ict@klimop.test', password: 'a-long-password', role: 'ict_coordinator', schoolId });
      const devices = await devicesOf(await login(app, 'ict@klimop.test', 'a-long-password'), schoolId);
      expect(devices.size).toBe(19);
      expect(devices.get('KLI-0301')?.state).toBe('to_refurbish');
    } finally {
      await app.close();
    }
  });
});
