import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoFlanders } from '../../src/server/demo/demo-flanders';
import { accessibilityViolations, type BrowserWorld, followMenu, logIn, PASSWORD, startBrowserWorld } from './browser';

describe('the knowledge centre’s Flanders overview in the browser', () => {
  let world: BrowserWorld;
  beforeAll(async () => {
    world = await startBrowserWorld();
    const { services } = world.app;
    await seedDemoFlanders(services);
    await services.auth.createAccount({ email: 'analist@kenniscentrum.test', password: PASSWORD, role: 'centre_analyst', displayName: 'Ann Analist' });
    const schoolId = await services.schools.createSchool({ name: 'School Noord', province: 'limburg', educationLevel: 'primary' });
    await services.auth.createAccount({ email: 'leraar@noord.test', password: PASSWORD, role: 'teacher', displayName: 'Lien', schoolId });
  }, 120_000);
  afterAll(() => world?.close());

  it('an analyst reads the tiles, switches to provinces and a competence, and reads the chart as a table', async () => {
    const page = await logIn(world, 'analist@kenniscentrum.test');
    await followMenu(page, 'Kenniscentrum');
    await page.getByTestId('centre-overview').waitFor();
    await page.getByTestId('centre-tiles').waitFor();
    expect(await page.getByTestId('centre-nav').getByRole('link', { name: 'Overzicht Vlaanderen' }).getAttribute('aria-current')).toBe('page');
    expect(await page.getByTestId('centre-privacy').textContent()).toMatch(/privacybudget van ε = 145/);
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByRole('radio', { name: 'Provincie' }).check();
    await page.waitForURL(/opsplitsing=province/);
    const participation = page.getByTestId('centre-participation');
    await expect
      .poll(() => participation.getByRole('rowheader').allTextContents())
      .toEqual(['Antwerpen', 'Limburg', 'Oost-Vlaanderen', 'Vlaams-Brabant', 'West-Vlaanderen', 'Brussel']);

    await page.getByTestId('centre-histogram').selectOption('competence:4.1');
    await page.waitForURL(/histogram=competence%3A4\.1/);
    await page.getByTestId('centre-levels-chart').waitFor();
    const table = page.getByTestId('centre-levels-chart-table');
    await table.getByText('Toon als tabel').click();
    expect(await table.locator('caption').textContent()).toMatch(/^Niveauverdeling: 4\.1 .+, per groep \(Provincie\)$/);
    const brussels = await table
      .getByRole('row', { name: /Brussel/ })
      .getByRole('cell')
      .allTextContents();
    // Every cell is a share with its count, or hidden: never a bare 0.
    for (const cell of brussels) expect(cell).toMatch(/^(\d+(,\d)?% \(\d+\)|\d+|verborgen)$/);
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('offers a teacher no centre in the menu, and refuses the page', async () => {
    const page = await logIn(world, 'leraar@noord.test');
    expect(await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Kenniscentrum' }).count()).toBe(0);
    await page.goto(`${world.baseUrl}/kenniscentrum`);
    await page.getByRole('alert').waitFor();
    expect(await page.getByTestId('centre-tiles').count()).toBe(0);
  });
});
