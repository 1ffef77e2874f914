import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedDemoData } from '../../src/server/demo/demo-data';
import { accessibilityViolations, type BrowserWorld, logIn, startBrowserWorld } from './browser';

/** What a newcomer meets in the demo's ICT park: every page filled, for the school's ICT coordinator and for the board. */
describe('the demo’s ICT park in the browser', () => {
  let world: BrowserWorld;
  beforeAll(async () => {
    world = await startBrowserWorld();
    await seedDemoData(world.app.services, world.app.db);
  });
  afterAll(() => world?.close());

  /** Opens `path`, waits for `testId` and gives its text, once the page is axe-clean. */
  async function read(page: Page, path: string, testId: string): Promise<string> {
    await page.goto(`${world.baseUrl}${path}`);
    const part = page.getByTestId(testId);
    await part.waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    return (await part.textContent()) ?? '';
  }

  it('fills every page of the demo school’s park for its ICT coordinator', async () => {
    const page = await logIn(world, 'ict@demo.digisprong.be', DEMO_PASSWORD);
    const schoolId = (await (await page.request.get(`${world.baseUrl}/api/auth/me`)).json()).user.memberships[0].schoolId as string;
    const park = `/school/${schoolId}/ictpark`;
    expect(await read(page, park, 'device-count')).toBe('168 toestellen');
    await expect.poll(() => read(page, `${park}/uitleningen`, 'loan-table')).toContain('6A-26');
    expect(await read(page, `${park}/uit-dienst`, 'batch-table')).toContain('Close the Gap');
    expect(await read(page, `${park}/vervanging`, 'due-count')).toMatch(/^\d+ toestellen zijn aan vervanging toe\.$/);
    expect(await read(page, `${park}/financiering`, 'measure-table')).toContain('€ 14.180');
    expect(await read(page, `${park}/cijfers`, 'indicator-table')).not.toContain('Vul leerlingenaantallen in');
  });

  it('fills the board’s pages across its two schools for the board admin', async () => {
    const page = await logIn(world, 'bestuur@demo.digisprong.be', DEMO_PASSWORD);
    const schoolId = (await (await page.request.get(`${world.baseUrl}/api/auth/me`)).json()).user.memberships[0].schoolId as string;
    await page.goto(`${world.baseUrl}/school/${schoolId}/ictpark`);
    await page.getByRole('link', { name: 'Toestellen van alle scholen van Scholengroep De Sprong (demo)' }).click();
    // The school's own list names no school: wait for the board's.
    await expect.poll(() => page.getByTestId('device-table').textContent()).toContain('Basisschool De Sprong (demo)');
    const board = new URL(page.url()).pathname;
    expect(await read(page, board, 'device-count')).toBe('255 toestellen');
    expect(await read(page, `${board}/financiering`, 'board-funding-table')).toContain('wijkschool Kouter');
    await read(page, `${board}/cijfers`, 'school-indicators');
    expect(await page.getByTestId('school-indicators').locator('tbody tr').count()).toBe(2);
  });
});
