import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { type Browser, chromium, type Page } from 'playwright-core';
import { buildApp } from '../../src/server/app';
import { type Config, configFromEnv } from '../../src/server/config';
import { createTestDatabase } from '../support/dialects';

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

/** `overrides` change settings of the server, e.g. a seeded noise source for reports that should replay. */
export async function startBrowserWorld(overrides: Partial<Config> = {}): Promise<BrowserWorld> {
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
      const context = await browser.newContext({ locale: 'nl-BE', viewport: { width: 1100, height: 900 } });
      return context.newPage();
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

/** WCAG 2.1 A and AA violations on the page as it is now, as "rule: target" lines. */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  // Evaluated over the DevTools protocol, not added as an inline <script>: the app's CSP refuses those.
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: Array<{ id: string; nodes: Array<{ target: string[] }> }> }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
  return violations;
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
