import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations, type BrowserWorld, logIn, PASSWORD, startBrowserWorld } from './browser';

const ANALYST = 'analist@kenniscentrum.test';

describe('the knowledge centre follows its actions and the IT bootcamps in the browser', () => {
  let world: BrowserWorld;
  beforeAll(async () => {
    world = await startBrowserWorld();
    const { services } = world.app;
    const { userId } = await services.auth.createAccount({ email: ANALYST, password: PASSWORD, role: 'centre_analyst', displayName: 'Ann Analist' });
    const week = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
    await services.centreActions.addProgramme({
      tracks: [
        {
          name: { nl: 'Digitaal groeien', en: 'Growing digitally' },
          description: { nl: 'Voor teams van basisscholen.', en: 'For primary school teams.' },
          trainingId: null,
          cohorts: [
            {
              name: 'Voorjaar',
              startsOn: '2026-01-05',
              topics: week(12).map((n) => `Thema ${n}`),
              teams: [
                { schoolId: 's1', schoolName: 'Basisschool Een', members: [{ name: 'An', present: week(12) }] },
                { schoolId: 's2', schoolName: 'Basisschool Twee', members: [{ name: 'Dina', present: week(8) }] },
              ],
            },
          ],
        },
      ],
    });
    await services.centreActions.create(userId, {
      title: 'Digisnap in elke school',
      front: 'skills',
      spearhead: 'centre',
      goal: '',
      owner: 'Kenniscentrum',
      budgetCents: null,
      startDate: '2026-09-01',
      endDate: null,
      status: 'running',
      indicators: ['digisnap.teachers_with_scan'],
      programme: null,
      reachEntered: null,
    });
  });
  afterAll(() => world?.close());

  it('the analyst records a session’s attendance with the keyboard, and the team completes', async () => {
    const page = await logIn(world, ANALYST);
    await page.goto(`${world.baseUrl}/kenniscentrum`);
    await page.getByTestId('centre-nav').getByRole('link', { name: 'IT-bootcamps' }).click();
    await page.waitForURL(`${world.baseUrl}/kenniscentrum/bootcamps`);
    const cohort = page.getByTestId('bootcamp-cohort');
    await expect.poll(() => cohort.getByRole('row', { name: /Basisschool Twee/ }).textContent()).toContain('Nee');
    expect(await page.getByTestId('bootcamps-reach').textContent()).toBe('2 scholen en 2 leraren, 1 teams afgerond');
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByTestId('bootcamp-attendance-open').focus();
    await page.keyboard.press('Enter');
    const form = page.getByTestId('bootcamp-attendance');
    await form.getByRole('heading').waitFor();
    await form.getByLabel('Sessie').selectOption({ label: 'Week 9 (02/03/2026): Thema 9' });
    await form.getByRole('checkbox', { name: /Dina/ }).focus();
    await page.keyboard.press('Space');
    await form.getByRole('button', { name: 'Aanwezigheden opslaan' }).focus();
    await page.keyboard.press('Enter');
    await form.getByRole('status').waitFor();
    await expect.poll(() => cohort.getByRole('row', { name: /Basisschool Twee/ }).textContent()).toContain('Ja');
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('the analyst adds an action, filters the register and follows the action to its indicators', async () => {
    const page = await logIn(world, ANALYST);
    await page.goto(`${world.baseUrl}/kenniscentrum/acties`);
    await page.getByTestId('centre-actions-table').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByTestId('centre-action-new').click();
    const form = page.getByTestId('centre-action-form');
    await form.getByRole('button', { name: 'Actie toevoegen' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('centre-action-new-title');
    await form.getByLabel('Titel').fill('IT-bootcamps');
    await form.getByLabel('Front', { exact: true }).selectOption({ label: 'ICT-vaardigheden' });
    await form.getByLabel('Eigenaar').fill('Kenniscentrum Digisprong');
    await form.getByLabel(/Budget in euro/).fill('1.000.000');
    await form.getByLabel('Start').fill('2026-02-01');
    await form.getByLabel('Schoolteams die een IT-bootcamp afrondden').check();
    await form.getByLabel(/Programma/).selectOption({ label: 'IT-bootcamps' });
    await form.getByRole('button', { name: 'Actie toevoegen' }).click();

    const action = page.getByTestId('centre-action');
    await action.waitFor();
    expect(await action.textContent()).toContain('€ 1.000.000');
    expect(await page.getByTestId('centre-action-reach').textContent()).toContain('2 scholen, 2 leraren');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByTestId('centre-action-indicators').getByRole('link', { name: 'Schoolteams die een IT-bootcamp afrondden' }).click();
    await page.waitForURL(`${world.baseUrl}/kenniscentrum/bootcamps`);

    await page.goto(`${world.baseUrl}/kenniscentrum/acties`);
    await page.getByLabel('Front', { exact: true }).selectOption({ label: 'ICT-vaardigheden' });
    await page.getByLabel('Status').selectOption({ label: 'Gepland' });
    await page.waitForURL(`${world.baseUrl}/kenniscentrum/acties?front=skills&status=planned`);
    await expect.poll(() => page.getByTestId('centre-actions-table').getByRole('link').allTextContents()).toEqual(['IT-bootcamps']);
  });
});
