import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedDemoData } from '../../src/server/demo/demo-data';
import { type BrowserWorld, logIn, startBrowserWorld } from './browser';

/**
 * Records every CSP violation on the page: the `securitypolicyviolation` events of the document
 * (installed before any script of the page runs) and the console errors Chromium writes for them.
 */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  const console: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) console.push(message.text());
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective}: ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`));
  });
  return async () => [...console, ...(await page.evaluate(() => (window as unknown as { cspViolations?: string[] }).cspViolations ?? []))];
}

describe('the Content Security Policy in the browser', () => {
  let world: BrowserWorld;
  beforeAll(async () => {
    world = await startBrowserWorld();
    await seedDemoData(world.app.services, world.app.db);
  });
  afterAll(() => world?.close());

  it('lets the login page, the app and its charts load with no violation', async () => {
    const page = await world.newPage();
    const violations = await watchViolations(page);
    const response = await page.goto(`${world.baseUrl}/login`);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    await page.getByLabel('E-mailadres').waitFor();
    expect(await violations()).toEqual([]);

    const teacher = await logIn(world, 'leerkracht@demo.digisprong.be', DEMO_PASSWORD);
    const teacherViolations = await watchViolations(teacher);
    await teacher.goto(`${world.baseUrl}/profile`);
    await teacher.getByRole('heading', { level: 1 }).waitFor();
    // The radar chart is drawn by ECharts, loaded lazily.
    await teacher.locator('[role="img"] svg, [role="img"] canvas').first().waitFor({ timeout: 20_000 });
    await teacher.waitForTimeout(500);
    expect(await teacherViolations()).toEqual([]);
  });

  it('lets the public STEM monitor draw its charts and make its downloads in the browser with no violation', async () => {
    const page = await world.newPage();
    const violations = await watchViolations(page);
    await page.goto(`${world.baseUrl}/stem/secondary_grade23_stem_share`);
    await page.getByTestId('stem-series-chart').locator('svg').first().waitFor({ timeout: 20_000 });
    for (const format of ['csv', 'xlsx']) {
      await Promise.all([page.waitForEvent('download'), page.getByTestId(`stem-series-chart-${format}`).click()]);
    }
    expect(await violations()).toEqual([]);
  });

  it('keeps the API docs page working under its own policy', async () => {
    const page = await world.newPage();
    const violations = await watchViolations(page);
    await page.goto(`${world.baseUrl}/api/docs`);
    await page.getByText('Digisprong API').first().waitFor({ timeout: 20_000 });
    await page.getByText('/api/auth/login').first().waitFor();
    expect(await violations()).toEqual([]);
  });

  it('refuses to be framed by another page', async () => {
    const page = await world.newPage();
    const response = await page.goto(`${world.baseUrl}/login`);
    expect(response?.headers()['x-frame-options']).toBe('DENY');
    expect(response?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
  });
});
