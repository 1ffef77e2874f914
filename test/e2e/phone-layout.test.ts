import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedDemoData } from '../../src/server/demo/demo-data';
import { accessibilityViolations, type BrowserWorld, startBrowserWorld } from './browser';

/** The most the first page (the login page, cold: nothing cached) may move over the network, compressed. */
const FIRST_LOAD_BUDGET = 250 * 1024;

/** The narrowest phone the app is made for. */
const NARROW = { width: 360, height: 740 };

/** A page at `viewport`, logged in as a demo account. */
async function demoPage(world: BrowserWorld, email: string, viewport = NARROW): Promise<Page> {
  const context = await world.browser.newContext({ locale: 'nl-BE', viewport, hasTouch: true });
  const page = await context.newPage();
  await page.goto(`${world.baseUrl}/login`);
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Aanmelden' }).click();
  await page.waitForURL(`${world.baseUrl}/`);
  return page;
}

describe('the app on a phone, on the filled demo', () => {
  let world: BrowserWorld;
  let schoolPath: string;

  beforeAll(async () => {
    world = await startBrowserWorld({}, 'phone');
    await seedDemoData(world.app.services, world.app.db);
    const school = await world.app.db.kysely.selectFrom('schools').select('id').orderBy('name').executeTakeFirstOrThrow();
    schoolPath = `/school/${school.id}`;
  }, 240_000);
  afterAll(() => world?.close());

  it('folds the main menu behind a real button that the keyboard opens, Escape closes and a new page folds', async () => {
    const page = await demoPage(world, 'directie@demo.digisprong.be');
    const button = page.getByRole('button', { name: 'Menu', exact: true });
    const menu = page.locator(`#${await button.getAttribute('aria-controls')}`);
    const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    expect(await nav.isVisible()).toBe(false);

    await button.focus();
    await page.keyboard.press('Enter');
    expect(await button.getAttribute('aria-expanded')).toBe('true');
    expect(await menu.getByRole('link', { name: 'Mijn profiel' }).isVisible()).toBe(true);
    expect(await menu.getByRole('button', { name: 'Afmelden' }).isVisible()).toBe(true);
    expect(await accessibilityViolations(page)).toEqual([]);
    // The next Tab goes into the menu, Escape folds it and gives the focus back to the button.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('#main-menu') !== null)).toBe(true);
    await page.keyboard.press('Escape');
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Menu');
    expect(await nav.isVisible()).toBe(false);

    await button.tap();
    await menu.getByRole('link', { name: 'Mijn profiel' }).tap();
    await page.waitForURL(`${world.baseUrl}/profile`);
    await expect.poll(() => button.getAttribute('aria-expanded')).toBe('false');
    expect(await nav.isVisible()).toBe(false);
    await page.context().close();
  });

  it('shows the menu in the bar on a wide screen, without the button', async () => {
    const page = await demoPage(world, 'directie@demo.digisprong.be', { width: 1100, height: 900 });
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Mijn school' }).waitFor();
    expect(await page.getByRole('button', { name: 'Menu', exact: true }).isVisible()).toBe(false);
    await page.context().close();
  });

  it('lets a thumb take the scan: "Volgende" is on screen and a tap moves on', async () => {
    const page = await demoPage(world, 'nieuw@demo.digisprong.be');
    await page.goto(`${world.baseUrl}/scan`);
    await page.getByTestId('scan-skip').tap();
    for (const n of [1, 2]) {
      await expect.poll(() => page.getByTestId('scan-position').textContent()).toBe(`${n} / 22`);
      await page.getByTestId('option-2').tap();
      await expect.poll(() => page.getByTestId('save-status').textContent()).toMatch(/Opgeslagen/);
      const next = page.getByTestId('scan-next');
      await next.scrollIntoViewIfNeeded();
      const box = await next.boundingBox();
      // On screen, whole, and at least the 44 px a finger needs.
      expect(box && box.x >= 0 && box.x + box.width <= NARROW.width && box.height >= 44).toBe(true);
      await next.tap();
    }
    await expect.poll(() => page.getByTestId('scan-position').textContent()).toBe('3 / 22');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('fits every page a teacher and a principal open into 360 px, without an accessibility finding', async () => {
    const pages: Array<[string, string[]]> = [
      ['leerkracht@demo.digisprong.be', ['/', '/profile', '/opleidingen', '/aanbevelingen', '/mijn-opleidingen', '/wachtwoord']],
      [
        'directie@demo.digisprong.be',
        ['', '/digisnap', '/opleidingsplan', '/budget', '/reflectie', '/cybercheck', '/ict-beleidsplan', '/ictpark', '/ictpark/financiering', '/ictpark/cijfers'].map(
          (path) => `${schoolPath}${path}`,
        ),
      ],
    ];
    const problems: string[] = [];
    for (const [email, paths] of pages) {
      const page = await demoPage(world, email);
      for (const path of paths) {
        await page.goto(`${world.baseUrl}${path}`);
        await page.locator('main h1').first().waitFor();
        await page.waitForLoadState('networkidle');
        problems.push(...(await accessibilityViolations(page)).map((problem) => `${path}: ${problem}`));
      }
      await page.context().close();
    }
    expect(problems).toEqual([]);
  });

  it(`loads the first page cold in under ${FIRST_LOAD_BUDGET / 1024} KB compressed`, async () => {
    const context = await world.browser.newContext({ locale: 'nl-BE', viewport: NARROW });
    const page = await context.newPage();
    await page.goto(`${world.baseUrl}/login`);
    await page.getByLabel('E-mailadres').waitFor();
    await page.waitForLoadState('networkidle');
    const moved = await page.evaluate(() =>
      performance.getEntries().reduce((sum, entry) => sum + ('transferSize' in entry ? (entry as PerformanceResourceTiming).transferSize : 0), 0),
    );
    const scripts = await page.evaluate(() => performance.getEntriesByType('resource').filter((entry) => entry.name.endsWith('.js')).length);
    console.log(`first load (/login, cold): ${(moved / 1024).toFixed(1)} KB over the network in ${scripts} scripts`);
    expect(scripts).toBeGreaterThan(1);
    expect(moved).toBeGreaterThan(0);
    expect(moved).toBeLessThan(FIRST_LOAD_BUDGET);
    await context.close();
  });
});
