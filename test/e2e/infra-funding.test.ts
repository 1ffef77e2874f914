import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations, type BrowserWorld, logIn, startBrowserWorld } from './browser';
import { addMember } from './school-steps';

describe('funding in the browser', () => {
  let world: BrowserWorld;
  let schoolId: string;
  const coordinatorEmail = 'ict@financiering.test';

  beforeAll(async () => {
    world = await startBrowserWorld();
    schoolId = await world.app.services.schools.createSchool({ name: 'BS De Linde', educationLevel: 'primary', province: 'antwerpen' });
    await addMember(world, schoolId, 'ict_coordinator', coordinatorEmail, 'Ilias');
  });
  afterAll(() => world?.close());

  it('an ICT coordinator enters the counts, sees telephony refused with its reason, and records a line with its invoice', async () => {
    const page = await logIn(world, coordinatorEmail);
    await page.goto(`${world.baseUrl}/school/${schoolId}/ictpark`);
    await page.getByRole('link', { name: 'Financiering' }).click();
    await page.getByTestId('funding-totals').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByLabel('Leerlingen in Lager, 5de en 6de leerjaar op 01/02/2020').fill('48');
    await page.getByLabel('Leerlingen in Lager, 1ste tot 4de leerjaar op 01/02/2020').fill('120');
    await page.getByRole('button', { name: 'Tellingen bewaren' }).click();
    await page.getByText('De tellingen zijn bewaard.').waitFor();
    // 48 × €290 for the 5th and 6th year's devices.
    await expect.poll(() => page.getByTestId('measure-table').textContent()).toContain('€ 13.920');

    const form = page.getByTestId('spending-form');
    await form.getByLabel('Categorie').selectOption({ label: 'Telefonie (niet toegelaten)' });
    await form.getByText('Telefoniekosten zijn werkingskosten').waitFor();
    await form.getByLabel('Categorie').selectOption({ label: 'Toestellen gekocht (laptop, Chromebook, tablet …)' });
    await form.getByLabel('Omschrijving').fill('Chromebooks voor het 5de en 6de leerjaar');
    await form.getByLabel('Bedrag in euro').fill('13.920,00');
    await form.getByLabel('Factuurnummer').fill('F-2022-0824');
    await form.getByLabel('Factuurdatum').fill('2025-09-01');
    await form.getByLabel('We verklaren').check();
    await form.getByLabel('Gunningsprocedure').selectOption('framework_agreement');
    await form.getByLabel('Referentie van de gunning').fill('Raamovereenkomst 2021/07');
    await form.getByLabel('Factuur (PDF, PNG of JPEG)').setInputFiles({ name: 'factuur.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') });
    await form.getByRole('button', { name: 'Inbrengen' }).click();
    // After the deadline: refused on the date, with the window.
    await form.getByText('De factuur moet gedateerd zijn van 01/01/2021 tot 31/08/2024.').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    await form.getByLabel('Factuurdatum').fill('2022-08-24');
    await form.getByRole('button', { name: 'Inbrengen' }).click();
    await page.getByTestId('spending-recorded').waitFor();
    const table = page.getByTestId('spending-table');
    await table.getByText('F-2022-0824').waitFor();
    const row = (await table.textContent()) ?? '';
    expect(row).toContain('€ 13.920');
    expect(row).toContain('Komt in aanmerking');
    expect(row).toContain('Geen dubbele financiering');
    expect(row).toContain('factuur.pdf');
    expect(await accessibilityViolations(page)).toEqual([]);
  });
});
