import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations, type BrowserWorld, logIn, startBrowserWorld } from './browser';
import { handOverToDigitalForYouth, seededDevice } from './infra-steps';
import { addMember } from './school-steps';

const device = (assetTag: string, purchaseDate: string, state: 'in_stock' | 'to_refurbish') => ({
  state,
  device: seededDevice({ assetTag, manufacturer: 'HP', modelName: 'ProBook 430', type: 'laptop', expectedLifeMonths: 60, purchaseDate, priceCents: 55_000, warrantyMonths: 36 }),
});

describe('decommission batches in the browser', () => {
  let world: BrowserWorld;
  let schoolId: string;
  let coordinatorId: string;
  const coordinatorEmail = 'ict@uitdienst.test';

  beforeAll(async () => {
    world = await startBrowserWorld();
    schoolId = await world.app.services.schools.createSchool({ name: 'BS De Wilg', educationLevel: 'primary', province: 'antwerpen' });
    coordinatorId = (await addMember(world, schoolId, 'ict_coordinator', coordinatorEmail, 'Ilse')).userId;
    await world.app.services.devices.seedDevices(schoolId, [
      device('OUD-01', '2017-09-01', 'to_refurbish'),
      device('OUD-02', '2018-09-01', 'to_refurbish'),
      device('NIEUW-01', '2025-09-01', 'in_stock'),
    ]);
  });
  afterAll(() => world?.close());

  it('an ICT coordinator hands two old laptops to a reuse partner with the wipe certificate, with the keyboard', async () => {
    const page = await logIn(world, coordinatorEmail);
    await page.goto(`${world.baseUrl}/school/${schoolId}/ictpark`);
    await page.getByRole('link', { name: 'Vervanging' }).click();
    await page.getByTestId('due-count').waitFor();
    expect(await page.getByTestId('due-count').textContent()).toBe('2 toestellen zijn aan vervanging toe.');
    expect(await page.getByRole('heading', { level: 2 }).first().textContent()).toBe('Eerst: kan het langer mee?');
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByRole('link', { name: 'Uit dienst' }).first().click();
    await page.getByTestId('batch-count').waitFor();
    // The partners arrive after the routes: the order is read once they are in.
    await expect.poll(() => page.getByTestId('reuse-order').textContent()).toMatch(/^Geef het aan een andere klas.*Hergebruik via een partner.*DigitalForYouth.*Recycleren.*Recupel/s);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'Nieuwe partij' }).click();

    await handOverToDigitalForYouth(page, ['OUD-01', 'OUD-02'], { name: 'wiscertificaat.pdf', reference: 'DFY-2026-77' });
    const rows = await page.getByTestId('batch-devices').locator('tbody tr').allTextContents();
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain('OUD-01');
    expect(rows[0]).toContain('Geschonken');
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('an ICT coordinator adds the certificate a batch was handed over without', async () => {
    const batch = await world.app.services.decommission.createBatch(coordinatorId, schoolId, {
      partnerId: 'recupel',
      handedOverOn: '2026-11-30',
      note: null,
      sanitisation: { method: 'destroy', performedBy: 'Recupel', performedOn: '2026-11-30', verification: 'Vernietigd onder toezicht', certificateRef: null, certificateFileId: null },
      devices: [{ assetTag: 'NIEUW-01', certificateRef: null, certificateFileId: null }],
    });
    const page = await logIn(world, coordinatorEmail);
    await page.goto(`${world.baseUrl}/school/${schoolId}/ictpark/uit-dienst/${batch.id}`);
    const form = page.getByTestId('late-certificate');
    await form.waitFor();
    expect(await page.getByTestId('batch-certificate').textContent()).toContain('geen toegevoegd');
    expect(await accessibilityViolations(page)).toEqual([]);
    await form.getByRole('button', { name: 'Certificaat toevoegen' }).click();
    await expect.poll(() => form.textContent()).toContain('Kies eerst een bestand.');
    const certificate = join(tmpdir(), 'recupel-attest.pdf');
    writeFileSync(certificate, '%PDF-1.4\n%%EOF\n');
    expect(await form.getByLabel('Voor').inputValue()).toBe('');
    await form.getByLabel(/^Certificaat \(PDF/).setInputFiles(certificate);
    await form.getByRole('button', { name: 'Certificaat toevoegen' }).click();
    await expect.poll(() => page.getByTestId('batch-certificate').textContent()).toContain('recupel-attest.pdf');
    expect(await form.count()).toBe(0);
  });
});
