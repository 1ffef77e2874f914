import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedDemoData } from '../../src/server/demo/demo-data';
import { accessibilityViolations, type BrowserWorld, logIn, startBrowserWorld } from './browser';

/** The demo's first hour (issue 15, point 2): the principal's pages and the board's overview, all filled, axe-clean. */
describe('the demo tour in the browser', () => {
  let world: BrowserWorld;
  beforeAll(async () => {
    world = await startBrowserWorld();
    await seedDemoData(world.app.services, world.app.db);
  });
  afterAll(() => world?.close());

  /** Opens `path`, waits for `testId` and gives its text, once the page is axe-clean. */
  async function read(page: Page, path: string, testId: string): Promise<string> {
    await page.goto(`${world.baseUrl}${path}`);
    const part = page.getByTestId(testId).first();
    await part.waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    return (await part.textContent()) ?? '';
  }

  const api = async (page: Page, path: string) => (await page.request.get(`${world.baseUrl}${path}`)).json();

  it('shows the principal a published report with its cells visible, the reflection, the cyber check and the policy plan filled', async () => {
    const page = await logIn(world, 'directie@demo.digisprong.be', DEMO_PASSWORD);
    const schoolId = (await api(page, '/api/auth/me')).user.memberships[0].schoolId as string;
    const school = `/school/${schoolId}`;

    const [campaign] = (await api(page, `/api/schools/${schoolId}/campaigns`)).items;
    const report = await read(page, `${school}/digisnap/${campaign.id}/rapport`, 'report');
    expect(report).toContain('24');
    // Nothing of the team's own tables is hidden; at most a comparison without enough other schools.
    expect(await page.getByTestId('report-area-table').textContent()).not.toContain('verborgen');
    expect(await page.getByTestId('report-competences').textContent()).not.toContain('verborgen');

    const [round] = (await api(page, `/api/schools/${schoolId}/reflections`)).items;
    const groups = await read(page, `${school}/reflectie/${round.id}/rapport`, 'reflection-groups');
    expect(groups).not.toContain('verborgen');
    expect(await page.getByTestId('points-for-action').textContent()).not.toBe('');

    const [check] = (await api(page, `/api/schools/${schoolId}/cyber-checks`)).items;
    await read(page, `${school}/cybercheck/${check.id}/resultaat`, 'cyber-overall');
    expect(await page.getByTestId('cyber-action').count()).toBeGreaterThan(0);

    expect(await read(page, `${school}/ict-beleidsplan`, 'policy-vision')).toContain('De Sprong');
    expect(await page.getByTestId('policy-action').count()).toBeGreaterThanOrEqual(4);

    await read(page, `${school}/opleidingsplan?campagne=${campaign.id}`, 'study-day-form');
  });

  it('lets the board admin compare the two demo schools on the overview', async () => {
    const page = await logIn(world, 'bestuur@demo.digisprong.be', DEMO_PASSWORD);
    const schoolId = (await api(page, '/api/auth/me')).user.memberships[0].schoolId as string;
    await page.goto(`${world.baseUrl}/school/${schoolId}`);
    await page.getByRole('link', { name: 'Overzicht scholen van Scholengroep De Sprong (demo)' }).click();
    const table = page.getByTestId('board-overview-table');
    await table.waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    const rows = page.getByTestId('board-overview-row');
    expect(await rows.count()).toBe(2);
    const demo = (await rows.filter({ hasText: 'Basisschool De Sprong (demo)' }).textContent()) ?? '';
    expect(demo).toContain('24 van 25 leraren');
    expect(demo).toContain('op B of hoger');
    expect(demo).toContain('Loopt');
    const kouter = (await rows.filter({ hasText: 'wijkschool Kouter' }).textContent()) ?? '';
    expect(kouter).toContain('Nog geen afname');
    expect(kouter).toContain('Nog niet ingevuld');
    // Keyboard: the table's region takes the focus, so a wide table scrolls without a mouse.
    await page.getByRole('region', { name: 'Overzicht scholen' }).focus();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Overzicht scholen');
  });
});
