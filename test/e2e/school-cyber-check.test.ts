import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations, type BrowserWorld, logIn, startBrowserWorld } from './browser';
import { addMember } from './school-steps';

/** Answers below the target (3 – Vastgelegd); option 6 is "Weet ik niet". Every other measure gets 3. */
const WEAK: Record<string, number> = { 'mfa-remote': 1, patching: 6, 'restore-test': 0, firewall: 2 };

describe('the cybersecurity check in the browser', () => {
  let world: BrowserWorld;

  beforeAll(async () => {
    world = await startBrowserWorld();
  });
  afterAll(() => world?.close());

  /** Chooses an option with the keyboard (focus, Space) and moves on with Enter once it is saved. */
  const answerWithKeyboard = async (page: Page, option: number) => {
    await page.getByTestId(`option-${option}`).focus();
    await page.keyboard.press('Space');
    await expect.poll(() => page.getByTestId('save-status').textContent()).toMatch(/Opgeslagen/);
    await page.keyboard.press('Enter');
  };

  it('an ICT coordinator completes a check and sees the prioritised actions, key measures first', async () => {
    const schoolId = await world.app.services.schools.createSchool({ name: 'VBS De Beuk', educationLevel: 'primary', province: 'oost-vlaanderen' });
    const coordinator = await addMember(world, schoolId, 'ict_coordinator', 'ict@cybercheck.test', 'Ilse Cools');
    const page = await logIn(world, coordinator.email);

    await page.getByRole('link', { name: 'Mijn school' }).click();
    await page.getByRole('link', { name: 'Cybercheck' }).click();
    await page.getByTestId('cyber-start').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByTestId('cyber-start-button').click();

    await page.getByTestId('cyber-intro').waitFor();
    expect(await page.getByTestId('cyber-intro').textContent()).toMatch(/Weet ik niet/);
    await page.getByTestId('scan-next').click();

    let total = 0;
    for (let n = 1; total === 0 || n <= total; n++) {
      const item = page.getByTestId('scan-item');
      await item.waitFor();
      const position = (await page.getByTestId('scan-position').textContent()) ?? '';
      total = Number(position.split('/')[1]);
      expect(position.trim()).toBe(`${n} / ${total}`);
      const itemId = (await item.getAttribute('data-item'))!;
      if (itemId === 'mfa-remote') {
        expect(await item.getByTestId('key-measure').textContent()).toBe('Sleutelmaatregel (PR.AA-03.2)');
        expect(await item.locator('.option-description').first().textContent()).toMatch(/niet/);
        expect(await accessibilityViolations(page)).toEqual([]);
      }
      await answerWithKeyboard(page, WEAK[itemId] ?? 3);
      if (n < total) await expect.poll(() => page.getByTestId('scan-position').textContent()).toBe(`${n + 1} / ${total}`);
    }
    expect(total).toBeGreaterThan(20);

    await page.getByTestId('scan-summary').waitFor();
    await page.getByTestId('scan-submit').click();
    await page.getByTestId('cyber-result').waitFor();

    const actions = page.getByTestId('cyber-action');
    expect(await actions.evaluateAll((items) => items.map((li) => [li.getAttribute('data-item'), li.getAttribute('data-key-measure')]))).toEqual([
      ['patching', 'true'],
      ['mfa-remote', 'true'],
      ['restore-test', 'false'],
      ['firewall', 'false'],
    ]);
    expect(await actions.first().textContent()).toMatch(/Weet ik niet/);
    expect(await page.getByTestId('cyber-topics').locator('tbody tr').count()).toBe(8);
    expect(await page.getByTestId('cyber-overall').textContent()).toMatch(/3 van 5/);
    expect(await page.getByTestId('cyber-csv').getAttribute('href')).toMatch(/format=csv&lang=nl$/);
    expect(await accessibilityViolations(page)).toEqual([]);

    // The overview lists the submitted check with a link back to its result.
    await page.getByRole('link', { name: 'Naar het overzicht van de cybercheck' }).click();
    await page.getByTestId('cyber-history').waitFor();
    expect(await page.getByTestId('cyber-history').locator('tbody tr').count()).toBe(1);
  });
});
