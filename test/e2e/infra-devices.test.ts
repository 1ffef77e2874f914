import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations, type BrowserWorld, logIn, startBrowserWorld } from './browser';
import { consoleProblems, englishInDutch } from './page-checks';
import { addMember } from './school-steps';

const snipeFile = [
  'Company,Name,Asset Tag,Category,Supplier,Manufacturer,Location,Order Number,Model,Model Number,Serial Number,Purchase Date,Purchase Cost,Status,Warranty Months,Notes',
  'BS De Sprong,Chromebook 1,SN-0001,Chromebooks,"Signpost, Brugge",Acer,Hoofdgebouw,PO-1,Chromebook 314,CB314,NX1,08/30/2022,299.99,Deployed,24,"Klas 5, kast 1"',
  'BS De Sprong,Chromebook 2,SN-0002,Chromebooks,Signpost,Acer,Hoofdgebouw,PO-1,Chromebook 314,CB314,NX2,08/30/2022,299.99,Ready to Deploy,24,',
].join('\r');

describe('the ICT park in the browser', () => {
  let world: BrowserWorld;
  let schoolId: string;
  const coordinatorEmail = 'ict@ictpark.test';
  const boardEmail = 'bestuur@ictpark.test';

  beforeAll(async () => {
    world = await startBrowserWorld();
    const boardId = await world.app.services.boards.createBoard({ name: 'Scholengroep Schelde' });
    schoolId = await world.app.services.schools.createSchool({ name: 'BS De Sprong', educationLevel: 'primary', province: 'oost-vlaanderen', boardId });
    await addMember(world, schoolId, 'ict_coordinator', coordinatorEmail, 'Ilias');
    await addMember(world, schoolId, 'board_admin', boardEmail, 'Bea');
  });
  afterAll(() => world?.close());

  it('an ICT coordinator adds a device, moves it through its life to a recorded wipe, and imports a Snipe-IT file', async () => {
    const page = await logIn(world, coordinatorEmail);
    await page.goto(`${world.baseUrl}/school/${schoolId}`);
    await page.getByRole('link', { name: 'ICT-park' }).click();
    await page.getByTestId('device-count').waitFor();
    expect(await page.getByTestId('device-count').textContent()).toBe('0 toestellen');
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByRole('link', { name: 'Toestel toevoegen' }).click();
    // The list's search field is labelled with "inventarisnummer" too: fill only once the new page is there.
    await page.getByRole('heading', { level: 1, name: 'Nieuw toestel' }).waitFor();
    await page.getByLabel('Inventarisnummer', { exact: true }).fill('LT-001');
    await page.getByLabel('Fabrikant').fill('HP');
    await page.getByLabel('Model', { exact: true }).fill('ProBook 440 G9');
    await page.getByLabel('Aankoopdatum').fill('2023-08-28');
    await page.getByLabel('Aankoopprijs (€)').fill('1.299,50');
    await page.getByLabel('Garantie (maanden)').fill('36');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Toestel toevoegen' }).click();

    const devicePage = page.getByTestId('device-page');
    await devicePage.waitFor();
    expect(await devicePage.textContent()).toContain('€ 1.299,50');
    expect(await devicePage.textContent()).toContain('28/08/2023');
    expect(await devicePage.textContent()).toContain('28/08/2026');
    expect(await page.getByTestId('device-state').textContent()).toBe('Huidige status: In voorraad');

    await page.getByLabel('Nieuwe status').selectOption('in_use');
    await page.getByLabel('Notitie bij de wijziging').fill('Voor juf An');
    await page.getByRole('button', { name: 'Wijzig de status' }).click();
    await expect.poll(() => page.getByTestId('device-state').textContent()).toBe('Huidige status: In gebruik');

    await page.getByLabel('Nieuwe status').selectOption('decommissioned');
    await page.getByLabel('Gewist door').fill('Ilias');
    await page.getByLabel('Gewist op').fill('2026-06-30');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Wijzig de status' }).click();
    await expect.poll(() => page.getByTestId('device-state').textContent()).toBe('Huidige status: Afgedankt (gegevens gewist)');
    const history = page.getByTestId('device-history');
    expect(await history.locator('tbody tr').count()).toBe(3);
    expect(await history.textContent()).toContain('Voor juf An');
    expect(await devicePage.textContent()).toContain('door Ilias op 30/06/2026');
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByRole('link', { name: 'Terug naar het ICT-park' }).click();
    await page.getByRole('link', { name: 'Importeren' }).click();
    const panel = page.getByTestId('import-panel');
    await panel.getByLabel('Bestand (CSV of .xlsx)').setInputFiles({ name: 'snipe-it-assets.csv', mimeType: 'text/csv', buffer: Buffer.from(snipeFile) });
    await panel.getByRole('button', { name: 'Controleer' }).click();
    await expect.poll(() => page.getByTestId('import-report').textContent()).toContain('2 toestellen kunnen geïmporteerd worden');
    expect(await page.getByTestId('import-report').textContent()).toContain('Snipe-IT');
    await panel.getByRole('button', { name: 'Importeren' }).click();
    await expect.poll(() => page.getByTestId('import-report').textContent()).toContain('2 toestellen geïmporteerd');
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByRole('link', { name: 'Terug naar het ICT-park' }).click();
    await expect.poll(() => page.getByTestId('device-count').textContent()).toBe('3 toestellen');
    await page.getByLabel('Soort').selectOption('chromebook');
    await page.getByRole('button', { name: 'Toon' }).click();
    await expect.poll(() => page.getByTestId('device-count').textContent()).toBe('2 toestellen');
    expect(await page.getByTestId('device-table').textContent()).toContain('30/08/2022');
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('a bad device file is refused cell by cell in Dutch, and a header without a column says which', async () => {
    const page = await logIn(world, coordinatorEmail);
    await page.goto(`${world.baseUrl}/school/${schoolId}/ictpark/importeren`);
    const panel = page.getByTestId('import-panel');
    const check = async (lines: string[]) => {
      await panel.getByLabel('Bestand (CSV of .xlsx)').setInputFiles({ name: 'toestellen.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\r\n')) });
      await panel.getByRole('button', { name: 'Controleer' }).click();
      await page.getByTestId('import-report').locator('tbody tr').first().waitFor();
      return page.getByTestId('import-report');
    };
    let report = await check(['inventarisnummer;fabrikant;model;type;aankoopdatum;prijs_euro', 'LT-900;HP;ProBook;broodrooster;gisteren;veel']);
    expect(await report.locator('tbody th').allTextContents()).toEqual(['regel 2: type', 'regel 2: aankoopdatum', 'regel 2: prijs_euro']);
    const problems = await report.locator('tbody td').allTextContents();
    expect(problems[0]).toMatch(/^Kies een van: laptop, /);
    expect(problems.slice(1)).toEqual(['Dit is geen geldige datum.', 'Dit is geen getal (schrijf bv. 12,50).']);
    expect(await englishInDutch(page)).toEqual([]);

    await panel.getByLabel('Bestand (CSV of .xlsx)').setInputFiles([]);
    report = await check(['inventarisnummer;fabrikant;type', 'LT-901;HP;laptop']);
    await expect.poll(() => report.locator('tbody td').allTextContents()).toEqual(['De kolom model ontbreekt in de kopregel.']);
    expect(await englishInDutch(page)).toEqual([]);
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(consoleProblems(page, [/answer 422: POST .*\/devices\/import/])).toEqual([]);
  });

  it('a board admin reads the park of the board’s schools without a way to change it', async () => {
    const page = await logIn(world, boardEmail);
    await page.goto(`${world.baseUrl}/school/${schoolId}/ictpark`);
    await page.getByTestId('device-count').waitFor();
    expect(await page.getByRole('link', { name: 'Toestel toevoegen' }).count()).toBe(0);
    await page.getByRole('link', { name: 'Toestellen van alle scholen van Scholengroep Schelde' }).click();
    // The school's own list may count 3 devices too: wait for the board's, which names each school.
    await expect.poll(() => page.getByTestId('device-table').textContent()).toContain('BS De Sprong');
    expect(await page.getByTestId('device-count').textContent()).toBe('3 toestellen');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'LT-001' }).click();
    await page.getByTestId('device-page').waitFor();
    expect(await page.getByRole('button', { name: 'Wijzig de status' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Gegevens wijzigen' }).count()).toBe(0);
  });
});
