import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedDemoData } from '../../src/server/demo/demo-data';
import { accessibilityViolations, type BrowserWorld, logIn, startBrowserWorld } from './browser';

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
    const [header, first, ...rest] = exported.replace('\uFEFF', '').trim().split('\r\n');
    const titleColumn = header.split(';').indexOf('titel');
    expect(titleColumn).toBeGreaterThanOrEqual(0);
    const broken = first
      .split(';')
      .map((cell, i) => (i === titleColumn ? '' : cell))
      .join(';');
    const before = await page.evaluate(() => fetch('/api/provider/trainings').then((response) => response.json()));

    const panel = page.getByTestId('import-panel');
    await panel
      .getByLabel('Bestand (CSV of .xlsx)')
      .setInputFiles({ name: 'opleidingen.csv', mimeType: 'text/csv', buffer: Buffer.from([header, broken, ...rest.slice(0, 2)].join('\r\n')) });
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
