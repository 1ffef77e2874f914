import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedDemoData } from '../../src/server/demo/demo-data';
import { accessibilityViolations, type BrowserWorld, logIn, startBrowserWorld } from './browser';
import { consoleProblems, englishInDutch } from './page-checks';

/** The export's rows as cells: a description may hold a semicolon or a line break in quotes. */
const readExport = (text: string): string[][] => parse(text, { delimiter: ';', bom: true });
/** A CSV line with every cell quoted, so each cell goes back as it was read. */
const line = (cells: readonly string[]) => cells.map((cell) => `"${cell.replace(/"/g, '""')}"`).join(';');

describe('a training provider in the browser', () => {
  let world: BrowserWorld;
  beforeAll(async () => {
    world = await startBrowserWorld();
    await seedDemoData(world.app.services, world.app.db);
  });
  afterAll(() => world?.close());

  it('checks an import first: a bad line is reported by line and column and nothing is imported', async () => {
    const page = await logIn(world, 'aanbieder@demo.digisprong.be', DEMO_PASSWORD);
    await page.goto(`${world.baseUrl}/aanbieder`);
    await page.getByTestId('import-panel').waitFor();
    // The provider's own export, with one title emptied: an export imports back, so only that line is wrong.
    const exported = await page.evaluate(() => fetch('/api/provider/trainings/export').then((response) => response.text()));
    const [header, first, ...rest] = readExport(exported);
    const titleColumn = header.indexOf('titel');
    expect(titleColumn).toBeGreaterThanOrEqual(0);
    const broken = first.map((cell, i) => (i === titleColumn ? '' : cell));
    const before = await page.evaluate(() => fetch('/api/provider/trainings').then((response) => response.json()));

    const panel = page.getByTestId('import-panel');
    await panel
      .getByLabel('Bestand (CSV of .xlsx)')
      .setInputFiles({ name: 'opleidingen.csv', mimeType: 'text/csv', buffer: Buffer.from([header, broken, ...rest.slice(0, 2)].map(line).join('\r\n')) });
    await panel.getByRole('button', { name: 'Controleer' }).click();
    const report = page.getByTestId('import-report');
    await report.waitFor();
    expect(await report.getAttribute('role')).toBe('alert');
    expect(await report.textContent()).toContain('Er is niets geïmporteerd.');
    expect(await report.locator('tbody th').allTextContents()).toEqual(['regel 2: titel']);
    expect(await accessibilityViolations(page)).toEqual([]);
    const after = await page.evaluate(() => fetch('/api/provider/trainings').then((response) => response.json()));
    expect(after).toEqual(before);
  });

  it('says what is wrong with a bad file in Dutch: a missing column, a short title, a link that is none', async () => {
    const page = await logIn(world, 'aanbieder@demo.digisprong.be', DEMO_PASSWORD);
    await page.goto(`${world.baseUrl}/aanbieder`);
    const panel = page.getByTestId('import-panel');
    await panel.waitFor();
    const exported = await page.evaluate(() => fetch('/api/provider/trainings/export').then((response) => response.text()));
    const [header, first] = readExport(exported);
    const upload = async (rows: string[][]) => {
      await panel.getByLabel('Bestand (CSV of .xlsx)').setInputFiles({ name: 'opleidingen.csv', mimeType: 'text/csv', buffer: Buffer.from(rows.map(line).join('\r\n')) });
      await panel.getByRole('button', { name: 'Controleer' }).click();
      await page.getByTestId('import-report').waitFor();
      return page.getByTestId('import-report');
    };

    const withoutAudience = (row: string[]) => row.filter((_, i) => i !== header.indexOf('doelgroep'));
    let report = await upload([withoutAudience(header), withoutAudience(first)]);
    expect(await report.locator('tbody td').allTextContents()).toEqual(['De kolom doelgroep ontbreekt in de kopregel.']);

    const cells = [...first];
    cells[header.indexOf('titel')] = 'ab';
    cells[header.indexOf('link')] = 'geen-link';
    await panel.getByLabel('Bestand (CSV of .xlsx)').setInputFiles([]);
    report = await upload([header, cells]);
    await expect.poll(() => report.locator('tbody th').allTextContents()).toEqual(['regel 2: titel', 'regel 2: link']);
    expect(await report.locator('tbody td').allTextContents()).toEqual(['Minstens 3 tekens.', 'Dit is geen geldige link; een link begint met https://.']);
    expect(await englishInDutch(page)).toEqual([]);
    expect(await accessibilityViolations(page)).toEqual([]);
    // the two refusals are the test's own doing; nothing else went wrong
    expect(consoleProblems(page, [/answer 422: POST .*\/api\/trainings\/import/])).toEqual([]);
  });

  it('names every missing field of a new training in a summary that takes the focus', async () => {
    const page = await logIn(world, 'aanbieder@demo.digisprong.be', DEMO_PASSWORD);
    await page.goto(`${world.baseUrl}/aanbieder/opleidingen/nieuw`);
    const form = page.getByTestId('training-form');
    await form.locator('button[type=submit]').click();
    const summary = page.getByTestId('problem-summary');
    await summary.waitFor();
    expect(await summary.textContent()).toMatch(/Titel/);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('problem-summary');
    expect(await accessibilityViolations(page)).toEqual([]);
  });
});
