import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations, type BrowserWorld, logIn, startBrowserWorld } from './browser';
import { handOverToDigitalForYouth } from './infra-steps';
import { addMember } from './school-steps';

/** Snipe-IT's MOCK_ASSETS.csv layout with rows of our own (see test/api/infra-snipe-it.test.ts). */
const snipeFile = readFileSync(new URL('../fixtures/snipe-it-mock-assets.csv', import.meta.url));
const chromebooks = Array.from({ length: 8 }, (_, i) => `KLI-01${String(i + 1).padStart(2, '0')}`);
const pupils = Array.from({ length: 8 }, (_, i) => `6A-${String(i + 1).padStart(2, '0')}`);

/**
 * Issue 12's "done when", in one go: a school moves over from Snipe-IT's own sample file, lends a
 * class its Chromebooks and takes them back, hands old desktops to a partner with the wipe
 * certificate, and reads its funding and figures. On SQLite, and on PostgreSQL in `.ci/run`.
 */
describe('a school moves its ICT park over from Snipe-IT and runs it, in the browser', () => {
  let world: BrowserWorld;
  let schoolId: string;
  const coordinatorEmail = 'ict@klimop.test';

  beforeAll(async () => {
    world = await startBrowserWorld();
    const boardId = await world.app.services.boards.createBoard({ name: 'Scholengroep Klimop' });
    schoolId = await world.app.services.schools.createSchool({ name: 'VBS De Klimop', educationLevel: 'primary', province: 'oost-vlaanderen', boardId });
    await addMember(world, schoolId, 'ict_coordinator', coordinatorEmail, 'Ilse');
  });
  afterAll(() => world?.close());

  it('imports the Snipe-IT sample, lends and takes back a class’s Chromebooks, decommissions with a certificate, and reads funding and figures', async () => {
    const page = await logIn(world, coordinatorEmail);
    await page.goto(`${world.baseUrl}/school/${schoolId}/ictpark`);
    await page.getByTestId('device-count').waitFor();

    // 1. Snipe-IT's file as it is: checked first, then imported in one step.
    await page.getByRole('link', { name: 'Importeren' }).click();
    const panel = page.getByTestId('import-panel');
    await panel.getByLabel('Bestand (CSV of .xlsx)').setInputFiles({ name: 'MOCK_ASSETS.csv', mimeType: 'text/csv', buffer: snipeFile });
    await panel.getByRole('button', { name: 'Controleer' }).click();
    await expect.poll(() => page.getByTestId('import-report').textContent()).toContain('15 toestellen kunnen geïmporteerd worden');
    expect(await page.getByTestId('import-report').textContent()).toContain('Snipe-IT');
    await panel.getByRole('button', { name: 'Importeren' }).click();
    await expect.poll(() => page.getByTestId('import-report').textContent()).toContain('15 toestellen geïmporteerd');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'Terug naar het ICT-park' }).click();
    await expect.poll(() => page.getByTestId('device-count').textContent()).toBe('15 toestellen');

    // 2. A class's bulk loan, tags scanned and the loan confirmed with the keyboard alone.
    await page.getByRole('link', { name: 'Uitleningen' }).click();
    await page.getByTestId('loan-count').waitFor();
    await page.getByRole('link', { name: 'Klas uitlenen' }).click();
    await page.getByRole('heading', { name: 'Klas uitlenen' }).waitFor();
    await page.getByLabel('Klas', { exact: true }).focus();
    await page.keyboard.type('6A');
    await page.getByLabel('Leerlingen (één per regel)').focus();
    await page.keyboard.type(pupils.join('\n'));
    await page.getByLabel('Inventarisnummer').focus();
    for (const tag of chromebooks) {
      await page.keyboard.type(tag);
      await page.keyboard.press('Enter');
    }
    await expect.poll(() => page.getByTestId('scan-count').textContent()).toBe('8 van 8 leerlingen hebben een toestel');
    await page.getByRole('button', { name: 'Leen 8 toestellen uit' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('bulk-result').textContent()).toContain('8 toestellen uitgeleend aan 6A.');
    expect(await accessibilityViolations(page)).toEqual([]);

    // 3. The class brings them back; one stays out and is listed as on loan.
    await page.getByRole('link', { name: 'Bekijk de klas' }).click();
    await expect.poll(() => page.getByTestId('loan-count').textContent()).toBe('8 uitleningen');
    await page.getByRole('link', { name: 'Klas terugnemen' }).click();
    await page.getByRole('heading', { name: 'Klas terugnemen' }).waitFor();
    await page.getByLabel('Klas', { exact: true }).selectOption('6A');
    await page.getByTestId('return-table').waitFor();
    await page.getByLabel(`${chromebooks[7]} is terug`).uncheck();
    await page.getByRole('button', { name: 'Neem 7 toestellen terug' }).click();
    await expect.poll(() => page.getByTestId('return-result').textContent()).toBe('7 toestellen teruggenomen.');
    expect(await accessibilityViolations(page)).toEqual([]);

    // 4. The two old desktops Snipe-IT had archived go to a reuse partner, wiped, with the certificate.
    await page.goto(`${world.baseUrl}/school/${schoolId}/ictpark`);
    await page.getByRole('link', { name: 'Uit dienst' }).click();
    await page.getByTestId('batch-count').waitFor();
    await page.getByRole('link', { name: 'Nieuwe partij' }).click();
    await handOverToDigitalForYouth(page, ['KLI-0301', 'KLI-0302'], { name: 'wiscertificaat-klimop.pdf', reference: 'DFY-2026-101' });
    expect(await page.getByTestId('batch-devices').locator('tbody tr').count()).toBe(2);
    expect(await accessibilityViolations(page)).toEqual([]);

    // 5. Funding: the pupils counted, the budget per measure.
    await page.goto(`${world.baseUrl}/school/${schoolId}/ictpark`);
    await page.getByRole('link', { name: 'Financiering' }).click();
    await page.getByTestId('funding-totals').waitFor();
    await page.getByLabel('Leerlingen in Lager, 5de en 6de leerjaar op 01/02/2020').fill('24');
    await page.getByLabel('Leerlingen in Lager, 1ste tot 4de leerjaar op 01/02/2020').fill('60');
    await page.getByRole('button', { name: 'Tellingen bewaren' }).click();
    await page.getByText('De tellingen zijn bewaard.').waitFor();
    // 24 × €290 for the 5th and 6th year's devices.
    await expect.poll(() => page.getByTestId('measure-table').textContent()).toContain('€ 6.960');
    expect(await accessibilityViolations(page)).toEqual([]);

    // 6. The figures: devices at hand (not the lost tablet, not the two donated desktops) per 100 pupils.
    await page.goto(`${world.baseUrl}/school/${schoolId}/ictpark`);
    await page.getByRole('link', { name: 'In cijfers' }).click();
    const figures = page.getByTestId('indicator-table');
    await figures.waitFor();
    await expect.poll(() => figures.locator('[data-indicator="per100-primary"] td').allTextContents()).toEqual(['13 (11 voor 84 leerlingen)', '54']);
    expect(await accessibilityViolations(page)).toEqual([]);
  });
});
