import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedDemoData } from '../../src/server/demo/demo-data';
import { type BrowserWorld, logIn, startBrowserWorld } from './browser';

const focusedHeading = (page: Page) => page.evaluate(() => (document.activeElement?.tagName === 'H1' ? document.activeElement.textContent : null));
const scrollTop = (page: Page) => page.evaluate(() => window.scrollY);

describe('moving around the app in the browser', () => {
  let world: BrowserWorld;
  beforeAll(async () => {
    world = await startBrowserWorld();
    await seedDemoData(world.app.services, world.app.db);
  });
  afterAll(() => world?.close());

  it('sends a visitor without a session to the login page, from a page and from an unknown address', async () => {
    const page = await world.newPage();
    for (const path of ['/profile', '/school/onbekend/cybercheck', '/bestaat-niet', '/Profile']) {
      await page.goto(`${world.baseUrl}${path}`);
      await page.waitForURL(`${world.baseUrl}/login`);
      await page.getByLabel('E-mailadres').waitFor();
    }
    // Pupils answer the school reflection without an account.
    await page.goto(`${world.baseUrl}/reflectie`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/reflectie');
  });

  it('shows the not-found page to a logged-in user, and a link moves the focus to the next page', async () => {
    const page = await logIn(world, 'nieuw@demo.digisprong.be', DEMO_PASSWORD);
    await page.goto(`${world.baseUrl}/opleidingen/x/y`);
    await page.getByRole('heading', { name: 'Pagina niet gevonden' }).waitFor();
    // A page opened by its address leaves the focus where the browser puts it.
    expect(await focusedHeading(page)).toBeNull();
    await page.getByRole('link', { name: 'Naar de startpagina' }).click();
    await page.waitForURL(`${world.baseUrl}/`);
    await expect.poll(() => focusedHeading(page)).not.toBeNull();
  });

  it('keeps the reader where they are when a filter changes, goes to the top on a new page, and walks back', async () => {
    const page = await logIn(world, 'nieuw@demo.digisprong.be', DEMO_PASSWORD);
    // Each page is its own chunk, fetched when a link to it is pointed at.
    const chunks: string[] = [];
    page.on('request', (request) => chunks.push(new URL(request.url()).pathname));
    const searchLink = page.getByRole('navigation').getByRole('link', { name: 'Opleidingen', exact: true });
    await searchLink.hover();
    await expect.poll(() => chunks.some((path) => /^\/assets\/SearchPage-[\w-]+\.js$/.test(path))).toBe(true);
    await searchLink.click();
    await page.waitForURL(`${world.baseUrl}/opleidingen`);
    await expect.poll(() => focusedHeading(page)).toBe('Opleidingen');
    await expect.poll(() => page.getByTestId('training-result').count()).toBeGreaterThan(5);

    const free = page.getByTestId('facet-price').getByRole('radio', { name: /Gratis/ });
    await page.evaluate(() => window.scrollTo(0, 250));
    await free.scrollIntoViewIfNeeded();
    expect(await scrollTop(page)).toBeGreaterThan(0);
    await free.check();
    await page.waitForURL(/\/opleidingen\?price=free$/);
    expect(await scrollTop(page)).toBeGreaterThan(0);

    const first = page.getByTestId('training-result').first().getByRole('link').first();
    await first.click();
    await page.waitForURL(/\/opleidingen\/[^/?]+$/);
    await expect.poll(() => scrollTop(page)).toBe(0);

    await page.goBack();
    await page.waitForURL(/\/opleidingen\?price=free$/);
    await expect(
      page
        .getByTestId('facet-price')
        .getByRole('radio', { name: /Gratis/ })
        .isChecked(),
    ).resolves.toBe(true);
  });
});
