import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allAnswers, instantFromNow, submitScanAt } from '../api/campaign-fixtures';
import { accessibilityViolations, type BrowserWorld, logIn, PASSWORD, startBrowserWorld } from './browser';

/** A school of the province with `teachers` teachers, the first `below` of them at A2 and the rest at B2 in every competence. */
async function schoolWithScans(world: BrowserWorld, province: string, teachers: number, below: number): Promise<void> {
  const { services } = world.app;
  const schoolId = await services.schools.createSchool({ name: `Basisschool ${province}`, educationLevel: 'primary', province });
  for (let i = 0; i < teachers; i += 1) {
    const { userId } = await services.auth.createAccount({ email: `leraar${i}@${province}.test`, password: PASSWORD, role: 'teacher', displayName: `Leraar ${i}`, schoolId });
    await submitScanAt(world, userId, instantFromNow(-5), allAnswers(i < below ? 1 : 3));
  }
}

describe('needs against the offer in the browser', () => {
  let world: BrowserWorld;
  beforeAll(async () => {
    world = await startBrowserWorld();
    await world.app.services.auth.createAccount({ email: 'analist@kenniscentrum.test', password: PASSWORD, role: 'centre_analyst', displayName: 'Ann Analist' });
    // Limburg: 9 of 15 need a step in every competence; Brussels: 3 teachers, too few to show.
    await schoolWithScans(world, 'limburg', 15, 9);
    await schoolWithScans(world, 'brussel', 3, 3);
  });
  afterAll(() => world?.close());

  it('a centre analyst reads the heatmap, its table view and the ranked gaps, sorts them, and opens a gap’s providers and message', async () => {
    const page = await logIn(world, 'analist@kenniscentrum.test');
    await page.goto(`${world.baseUrl}/kenniscentrum`);
    await page.getByTestId('centre-nav').getByRole('link', { name: 'Noden en aanbod' }).click();
    await page.getByTestId('centre-gaps').waitFor();
    const table = page.getByTestId('gaps-table');
    await table.waitFor();
    // Ten rows first: the largest gaps, Limburg's teachers without a place (9, give or take the noise).
    expect(await table.locator('tbody tr').count()).toBe(10);
    const first = table.locator('tbody tr').first();
    expect(await first.locator('th').textContent()).toBe('Limburg');
    expect(Number(await first.locator('td').nth(2).textContent())).toBeGreaterThanOrEqual(5);
    // The heatmap is drawn, and its numbers are there as a table: Brussels' cells hidden, never 0.
    await page.getByTestId('gaps-heatmap').locator('svg').waitFor();
    const heatmapTable = page.getByTestId('gaps-heatmap-table');
    await heatmapTable.locator('summary').click();
    const brussels = heatmapTable.locator('tbody tr').filter({ hasText: 'Brussel' });
    expect(await brussels.locator('td').first().textContent()).toBe('verborgen');
    expect(await accessibilityViolations(page)).toEqual([]);

    // Sorting by the shortfall with the keyboard keeps the largest first; the rest behind a button.
    await table.getByRole('button', { name: 'Tekort', exact: true }).focus();
    await page.keyboard.press('Enter');
    expect(await table.locator('thead th[aria-sort="descending"]').textContent()).toBe('Tekort');
    await page.getByTestId('gaps-all').click();
    expect(await table.locator('tbody tr').count()).toBeGreaterThan(10);

    // A gap: its trainings are one link away, its providers and a prefilled message one click.
    expect(await first.getByRole('link', { name: 'Opleidingen' }).getAttribute('href')).toMatch(/^\/opleidingen\?competence=\d+\.\d+&province=limburg$/);
    await first.getByRole('button', { name: 'Aanbieders en bericht' }).click();
    const actions = page.getByTestId('gap-actions');
    await actions.waitFor();
    expect(await actions.getByLabel('Bericht').inputValue()).toMatch(/Leraren in Limburg \(alle niveaus\) hebben nood aan .*: \d+ leraren hebben een stap nodig/);
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('filters by education level through the address', async () => {
    const page = await logIn(world, 'analist@kenniscentrum.test');
    await page.goto(`${world.baseUrl}/kenniscentrum/noden?niveau=secondary`);
    await page.getByTestId('gaps-table').waitFor();
    expect(await page.getByTestId('gaps-table').locator('tbody tr').count()).toBe(0);
    await page.getByTestId('gaps-level').selectOption('primary');
    await page.waitForURL(/niveau=primary/);
    await expect.poll(() => page.getByTestId('gaps-table').locator('tbody tr').count()).toBe(10);
  });
});
