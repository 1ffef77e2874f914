import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DigisnapRepository } from '../../src/server/digisnap/digisnap.repository';
import { accessibilityViolations, type BrowserWorld, PASSWORD, saveScreenshot, startBrowserWorld, VIEWPORT_NAMES } from './browser';
import { consoleProblems, englishInDutch } from './page-checks';

/** Presses Tab until the element with this test id has the focus: the way a keyboard user gets there. */
async function tabTo(page: Page, selector: string, maxPresses = 40): Promise<void> {
  for (let i = 0; i < maxPresses; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

async function logInWithKeyboard(page: Page, baseUrl: string, email: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await tabTo(page, 'input[type=email]');
  await page.keyboard.type(email);
  await page.keyboard.press('Tab');
  await page.keyboard.type(PASSWORD);
  await page.keyboard.press('Enter');
  await page.waitForURL(`${baseUrl}/`);
}

/** Answers the item on screen with the keyboard: Tab into the options, Space, arrows, then Enter. */
async function answerWithKeyboard(page: Page, option: number): Promise<void> {
  await tabTo(page, '[data-testid=scan-item] input[type=radio]');
  await page.keyboard.press('Space');
  for (let i = 0; i < option; i++) await page.keyboard.press('ArrowDown');
  await expect.poll(() => page.getByTestId('save-status').textContent()).toMatch(/Opgeslagen/);
}

describe.each(VIEWPORT_NAMES)('Digisnap in the browser (%s)', (viewport) => {
  let world: BrowserWorld;
  let userCount = 0;
  const newTeacher = async () => {
    userCount += 1;
    const email = `teacher${userCount}@browser.test`;
    await world.app.services.auth.createAccount({ email, password: PASSWORD, role: 'teacher', displayName: `Leerkracht ${userCount}` });
    return email;
  };

  beforeAll(async () => {
    world = await startBrowserWorld({}, viewport);
  });
  afterAll(() => world?.close());

  it('a new teacher logs in, takes the whole scan with the keyboard alone and sees the profile with its radar chart', async () => {
    const page = await world.newPage();
    const email = await newTeacher();

    await page.goto(`${world.baseUrl}/login`);
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(await englishInDutch(page)).toEqual([]);
    await logInWithKeyboard(page, world.baseUrl, email);
    expect(await englishInDutch(page)).toEqual([]);

    await tabTo(page, 'a[href="/scan"]');
    await page.keyboard.press('Enter');
    await page.getByTestId('scan-intro').waitFor();
    await tabTo(page, '[data-testid=scan-skip]');
    await page.keyboard.press('Enter');

    for (let n = 1; n <= 22; n++) {
      const item = page.getByTestId('scan-item');
      await item.waitFor();
      await expect.poll(() => page.getByTestId('scan-position').textContent()).toBe(`${n} / 22`);
      if (n === 1) {
        expect(await accessibilityViolations(page)).toEqual([]);
        // Six statements, one per level A1–C2.
        expect(await item.locator('input[type=radio]').count()).toBe(6);
        expect(await englishInDutch(page)).toEqual([]);
        await saveScreenshot(page, 'scan');
      }
      await answerWithKeyboard(page, n % 6);
      await page.keyboard.press('Enter');
      if (n < 22) await expect.poll(() => page.getByTestId('scan-position').textContent()).toBe(`${n + 1} / 22`);
    }

    await page.getByTestId('scan-summary').waitFor();
    expect(await englishInDutch(page)).toEqual([]);
    // Before submitting, the scan says who receives anything: this teacher is in no school with an open round.
    await expect.poll(() => page.getByTestId('scan-campaign-notice').textContent()).toMatch(/Geen enkele school houdt nu een Digisnap-ronde/);
    expect(await accessibilityViolations(page)).toEqual([]);
    await tabTo(page, '[data-testid=scan-submit]');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${world.baseUrl}/profile`);

    const chart = page.getByTestId('radar-chart');
    await chart.locator('svg, canvas').first().waitFor();
    expect(await chart.getAttribute('role')).toBe('img');
    expect(await page.getByTestId('area-table').locator('tbody tr').count()).toBe(6);
    // The chart's own numbers, for screen readers, behind "show as table".
    const chartTable = page.getByTestId('radar-chart-table');
    await chartTable.locator('summary').click();
    expect(await chartTable.locator('tbody tr').count()).toBe(6);
    // Statements 1,2,3,4,5,0 three times, then 1 to 4: 3 × 15 + 10 = 55 level positions of 110. Three at
    // A1, four each at A2, B1, B2 and C1, three at C2: the lower middle of the 22 levels is B1.
    expect(await page.getByTestId('overall-total').textContent()).toMatch(/55\s*\/\s*110/);
    expect(await page.getByTestId('overall-level').textContent()).toMatch(/B1/);
    expect(await page.getByTestId('profile-version').textContent()).toMatch(/Digisnap 2026/);
    expect(await page.getByTestId('history-item').first().textContent()).toMatch(/Digisnap 2026: 55\s*\/\s*110 · B1/);
    expect(await page.getByTestId('priorities').locator('li').count()).toBe(3);
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(await englishInDutch(page)).toEqual([]);
    // from the login page without a session to the profile: nothing the browser logs as an error
    expect(consoleProblems(page)).toEqual([]);
    await page.evaluate(() => window.scrollTo(0, 0));
    await saveScreenshot(page, 'profile');
  });

  it('an interrupted scan resumes where the teacher left it, on another device', async () => {
    const email = await newTeacher();
    const phone = await world.newPage();
    await logInWithKeyboard(phone, world.baseUrl, email);
    await phone.goto(`${world.baseUrl}/scan`);
    await phone.getByTestId('scan-skip').click();
    for (let n = 1; n <= 5; n++) {
      await phone.getByTestId('scan-item').waitFor();
      await expect.poll(() => phone.getByTestId('scan-position').textContent()).toBe(`${n} / 22`);
      await phone.getByTestId('option-2').check();
      await expect.poll(() => phone.getByTestId('save-status').textContent()).toMatch(/Opgeslagen/);
      await phone.getByTestId('scan-next').click();
    }
    await phone.context().close();

    const laptop = await world.newPage();
    await logInWithKeyboard(laptop, world.baseUrl, email);
    await expect.poll(() => laptop.getByRole('link', { name: /Ga verder met je scan/ }).textContent()).toMatch(/5 \/ 22/);
    await laptop.getByRole('link', { name: /Ga verder met je scan/ }).click();
    await laptop.getByTestId('scan-item').waitFor();
    expect(await laptop.getByTestId('scan-item').getAttribute('data-competence')).toBe('2.2');
    expect(await laptop.getByTestId('scan-position').textContent()).toBe('6 / 22');
    await laptop.goto(`${world.baseUrl}/scan`);
    await laptop.getByTestId('scan-item').waitFor();
    expect(await laptop.getByTestId('scan-item').getAttribute('data-competence')).toBe('2.2');
  });

  it('a scan begun on the 2017 CheckIn version is resumed with its own five options and its profile is labelled as such', async () => {
    const email = await newTeacher();
    const account = await world.app.db.kysely.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow();
    const scanId = randomUUID();
    const repo = new DigisnapRepository(world.app.db.kysely);
    await repo.insertScan({ id: scanId, userId: account.id, frameworkId: 'digcompedu', frameworkVersion: '2017.1', now: new Date().toISOString() });
    const page = await world.newPage();
    await logInWithKeyboard(page, world.baseUrl, email);
    expect(await page.getByTestId('scan-history-row').first().textContent()).toMatch(/Digisnap 2017 \(CheckIn\)/);
    await page.goto(`${world.baseUrl}/scan/${scanId}`);
    await page.getByTestId('scan-skip').click();
    for (let n = 1; n <= 22; n++) {
      const item = page.getByTestId('scan-item');
      await item.waitFor();
      await expect.poll(() => page.getByTestId('scan-position').textContent()).toBe(`${n} / 22`);
      if (n === 1) expect(await item.locator('input[type=radio]').count()).toBe(5);
      await page.getByTestId('option-3').check();
      await expect.poll(() => page.getByTestId('save-status').textContent()).toMatch(/Opgeslagen/);
      await page.getByTestId('scan-next').click();
    }
    await page.getByTestId('scan-summary').waitFor();
    await page.getByTestId('scan-submit').click();
    await page.waitForURL(`${world.baseUrl}/profile`);
    // Scored as the 2017 version always was: 66 of 88 points, which its cut-offs call C1.
    await expect.poll(() => page.getByTestId('overall-total').textContent()).toMatch(/66\s*\/\s*88/);
    expect(await page.getByTestId('overall-level').textContent()).toMatch(/C1/);
    expect(await page.getByTestId('profile-version').textContent()).toMatch(/Digisnap 2017 \(CheckIn\)/);
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('shows the interface in English when the teacher switches, and keeps that choice', async () => {
    const page = await world.newPage();
    await page.goto(`${world.baseUrl}/login`);
    await page.getByRole('button', { name: /EN/ }).click();
    await page.getByLabel('Email address').waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.reload();
    await page.getByLabel('Email address').waitFor();
  });
});
