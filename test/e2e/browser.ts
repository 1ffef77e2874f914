import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { type Browser, chromium, type Page } from 'playwright-core';
import { buildApp } from '../../src/server/app';
import { type Config, configFromEnv } from '../../src/server/config';
import { createTestDatabase } from '../support/dialects';
import { recordConsole } from './page-checks';

/**
 * The whole product as a person meets it: the built web app served by the real server on a
 * fresh SQLite file, or on a fresh PostgreSQL database when TEST_DATABASE_URL names a server
 * (`scripts/test-postgres.sh npm run test:e2e -- <files>`), in Debian's Chromium. `npm run
 * test:e2e` builds the app first.
 */
export interface BrowserWorld {
  app: FastifyInstance;
  baseUrl: string;
  browser: Browser;
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

/** The two screens the main journeys run on: a laptop, and a phone held upright (an iPhone 12 to 15). */
export const VIEWPORTS = {
  desktop: { width: 1100, height: 900 },
  phone: { width: 390, height: 844 },
} as const;

export type ViewportName = keyof typeof VIEWPORTS;

/** For `describe.each`: a journey run once per screen. */
export const VIEWPORT_NAMES = Object.keys(VIEWPORTS) as ViewportName[];

/**
 * `overrides` change settings of the server, e.g. a seeded noise source for reports that should
 * replay; `viewport` is the size of every page the world opens.
 */
export async function startBrowserWorld(overrides: Partial<Config> = {}, viewport: ViewportName = 'desktop'): Promise<BrowserWorld> {
  const dir = mkdtempSync(join(tmpdir(), 'digisprong-e2e-'));
  const database = process.env.TEST_DATABASE_URL ? await createTestDatabase() : { url: `sqlite:${join(dir, 'e2e.db')}`, drop: async () => {} };
  const webDir = new URL('../../dist/web', import.meta.url).pathname;
  const config = { ...configFromEnv({}), databaseUrl: database.url, demo: false, webDir, logLevel: 'warn', ...overrides };
  const app = await buildApp(config, { logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'],
  });
  return {
    app,
    baseUrl: `http://127.0.0.1:${port}`,
    browser,
    async newPage() {
      const context = await browser.newContext({ locale: 'nl-BE', viewport: VIEWPORTS[viewport], hasTouch: viewport === 'phone' });
      const page = await context.newPage();
      recordConsole(page);
      return page;
    },
    async close() {
      await browser.close();
      await app.close();
      await database.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * WCAG 2.1 A and AA violations on the page as it is now, as "rule: target" lines: axe-core's, and
 * reflow (1.4.10), which axe leaves out: a page wider than the window scrolls sideways, as it did
 * at 390 px when the menu did not fold.
 */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, window: window.innerWidth }));
  const reflow = widths.page <= widths.window ? [] : [`reflow: the page is ${widths.page} px wide in a window of ${widths.window} px`];
  // Evaluated over the DevTools protocol, not added as an inline <script>: the app's CSP refuses those.
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: Array<{ id: string; nodes: Array<{ target: string[] }> }> }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
  return [...reflow, ...violations];
}

/** Follows a link of the main menu, unfolding the menu first where the screen is too narrow to show it. */
export async function followMenu(page: Page, name: string): Promise<void> {
  if ((page.viewportSize()?.width ?? 0) < 720) await page.getByRole('button', { name: 'Menu', exact: true }).click();
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name, exact: true }).click();
}

/** The password of every account the browser tests make. */
export const PASSWORD = 'browser-test-password';

/** A fresh page (its own cookies) logged in through the login form, on the home page it lands on. */
export async function logIn(world: BrowserWorld, email: string, password = PASSWORD): Promise<Page> {
  const page = await world.newPage();
  await page.goto(`${world.baseUrl}/login`);
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord').fill(password);
  await page.getByRole('button', { name: 'Aanmelden' }).click();
  await page.waitForURL(`${world.baseUrl}/`);
  return page;
}

/**
 * With `SCREENSHOTS=<folder>` set, saves what the window shows as `<folder>/<name>-phone.png` or
 * `-desktop.png` (the README's screenshots come from these); otherwise does nothing.
 */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  const folder = process.env.SCREENSHOTS;
  if (!folder) return;
  mkdirSync(folder, { recursive: true });
  const screen = (page.viewportSize()?.width ?? 0) < 720 ? 'phone' : 'desktop';
  await page.screenshot({ path: join(folder, `${name}-${screen}.png`) });
}
