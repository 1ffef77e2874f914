import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations, type BrowserWorld, logIn, PASSWORD, startBrowserWorld } from './browser';

const ANALYST = 'analist@kenniscentrum.test';

describe('the knowledge centre sets up an IT bootcamp in the browser', () => {
  let world: BrowserWorld;
  beforeAll(async () => {
    world = await startBrowserWorld();
    const { services } = world.app;
    await services.auth.createAccount({ email: ANALYST, password: PASSWORD, role: 'centre_analyst', displayName: 'Ann Analist' });
    await services.schools.createSchool({ name: 'Basisschool De Linde', institutionNumber: '123456', educationLevel: 'primary', province: 'limburg' });
  });
  afterAll(() => world?.close());

  it('the analyst adds a track and a cohort, registers a school team, records the first session and sees the team’s progress', async () => {
    const page = await logIn(world, ANALYST);
    await page.goto(`${world.baseUrl}/kenniscentrum/bootcamps`);

    await page.getByTestId('bootcamp-new-track').click();
    const trackForm = page.getByTestId('bootcamp-track-form');
    await trackForm.getByRole('button', { name: 'Track toevoegen' }).click();
    // Nothing filled in: each field says so beside it, and the first has the focus.
    expect(await trackForm.getByText('Vul dit in.').count()).toBe(4);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('bootcamp-track-nameNl');
    expect(await accessibilityViolations(page)).toEqual([]);
    await trackForm.getByLabel('Naam (Nederlands)').fill('Digitaal groeien');
    await trackForm.getByLabel('Naam (Engels)').fill('Growing digitally');
    await trackForm.getByLabel('Beschrijving (Nederlands)').fill('Voor teams van basisscholen.');
    await trackForm.getByLabel('Beschrijving (Engels)').fill('For primary school teams.');
    await trackForm.getByRole('button', { name: 'Track toevoegen' }).click();
    await page.getByRole('heading', { name: 'Traject: Digitaal groeien' }).waitFor();

    await page.getByTestId('bootcamp-new-cohort').click();
    const cohortForm = page.getByTestId('bootcamp-cohort-form');
    await cohortForm.getByLabel('Naam van het cohort').fill('Voorjaar 2027');
    await cohortForm.getByLabel('Eerste sessie').fill('2027-01-04');
    await cohortForm.getByLabel('Aantal wekelijkse sessies').fill('0');
    await cohortForm.getByRole('button', { name: 'Cohort toevoegen' }).click();
    await cohortForm.getByText('Geef een heel getal van 1 tot 40.').waitFor();
    await cohortForm.getByLabel('Aantal wekelijkse sessies').fill('12');
    await cohortForm.getByLabel('Onderwerpen', { exact: false }).fill('Startmoment\nLeerplatform');
    await cohortForm.getByRole('button', { name: 'Cohort toevoegen' }).click();

    const cohort = page.getByTestId('bootcamp-attendance');
    await cohort.getByRole('heading', { name: 'Aanwezigheden van Voorjaar 2027' }).waitFor();
    expect(await cohort.getByLabel('Sessie', { exact: true }).locator('option').first().textContent()).toBe('Week 1 (04/01/2027): Startmoment');

    const addTeam = page.getByTestId('bootcamp-add-team');
    await addTeam.getByRole('searchbox', { name: 'School zoeken' }).fill('123456');
    await addTeam.getByRole('button', { name: 'Zoeken' }).click();
    await addTeam.getByRole('radio', { name: /Basisschool De Linde/ }).check();
    await addTeam.getByLabel('Deelnemers').fill('An Peeters\nJonas Claes');
    await addTeam.getByRole('button', { name: 'Team toevoegen' }).click();
    await cohort.getByRole('checkbox', { name: /An Peeters/ }).waitFor();

    await cohort.getByRole('checkbox', { name: /An Peeters/ }).focus();
    await page.keyboard.press('Space');
    await cohort.getByRole('button', { name: 'Aanwezigheden opslaan' }).click();
    await cohort.getByRole('status').waitFor();
    await expect
      .poll(() =>
        cohort
          .getByText(/An Peeters/)
          .first()
          .textContent(),
      )
      .toContain('1 van 12');
    const row = page.getByTestId('bootcamp-cohort').getByRole('row', { name: /Basisschool De Linde/ });
    await expect.poll(() => row.textContent()).toContain('0 / 2');
    expect(await page.getByTestId('bootcamps-reach').textContent()).toBe('1 scholen en 2 leraren, 0 teams afgerond');
    expect(await accessibilityViolations(page)).toEqual([]);

    // The same school twice in a cohort is refused beside the school field.
    await addTeam.getByRole('searchbox', { name: 'School zoeken' }).fill('Linde');
    await addTeam.getByRole('button', { name: 'Zoeken' }).click();
    await addTeam.getByRole('radio', { name: /Basisschool De Linde/ }).check();
    await addTeam.getByLabel('Deelnemers').fill('Lotte Maes');
    await addTeam.getByRole('button', { name: 'Team toevoegen' }).click();
    await addTeam.getByText('Deze school heeft al een team in dit cohort.').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
  });
});
