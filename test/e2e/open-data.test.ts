import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations, type BrowserWorld, logIn, PASSWORD, startBrowserWorld } from './browser';

/** Counts of the 2nd and 3rd grade in one year: 361 of 797 pupils in STEM (45,3%). */
const counts = (['stem', 'non_stem'] as const).flatMap((category) =>
  (['f', 'm'] as const).map((gender) => ({
    year: '2023-2024',
    level: 'secondary' as const,
    moment: 'grade23' as const,
    programmeType: 'aso',
    province: 'antwerpen',
    category,
    domain: null,
    gender,
    count: { stem: { f: 160, m: 201 }, non_stem: { f: 250, m: 186 } }[category][gender],
    schoolNumber: '',
  })),
);

describe('open data in the browser', () => {
  let world: BrowserWorld;
  beforeAll(async () => {
    world = await startBrowserWorld();
    await world.app.services.stem.importLines(counts, 'demo', { dryRun: false, actorId: null });
  });
  afterAll(() => world?.close());

  it('a person without an account finds the catalogue from the STEM monitor, reads a dataset’s description and downloads its CSV', async () => {
    const page = await world.newPage();
    await page.goto(`${world.baseUrl}/stem`);
    await page.getByTestId('stem-monitor').waitFor();
    await page.getByRole('link', { name: 'Alle cijfers als open data (CSV en JSON)' }).click();
    await page.getByTestId('open-data').waitFor();
    const stem = page.getByTestId('open-data-stem-indicatoren');
    await stem.waitFor();
    expect(await stem.getByRole('heading').textContent()).toBe('STEM-indicatoren: laatste waarde en doel');
    expect(await stem.getByRole('link', { name: 'Modellicentie Gratis Hergebruik, versie 1.0' }).count()).toBe(1);
    // The columns and their meaning fold open with the keyboard.
    await stem.locator('summary').focus();
    await page.keyboard.press('Enter');
    expect(await stem.getByRole('table').getByRole('rowheader').first().textContent()).toBe('indicator Indicator');
    expect(await accessibilityViolations(page)).toEqual([]);

    const [file] = await Promise.all([page.waitForEvent('download'), stem.getByTestId('open-data-stem-indicatoren-csv').click()]);
    expect(file.suggestedFilename()).toMatch(/^stem-indicatoren-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = readFileSync(await file.path(), 'utf8');
    expect(csv.startsWith('\uFEFFindicator;name_nl;name_en;school_year;value;target;target_year\r\n')).toBe(true);
    expect(csv).toMatch(/\r\nsecondary_grade23_stem_share;[^\r]*;2023-2024;0\.45\d*;/);
  });

  it('reads in English, and the JSON link gives the machine-readable description', async () => {
    const page = await world.newPage();
    await page.goto(`${world.baseUrl}/open-data`);
    await page.getByTestId('open-data-ict-park').waitFor();
    await page.getByRole('button', { name: 'EN – English' }).click();
    await page.getByRole('heading', { name: 'The schools’ ICT park' }).waitFor();
    const href = await page.getByTestId('open-data-ict-park-json').getAttribute('href');
    const dataset = await page.evaluate(async (url) => (await fetch(url!)).json(), href);
    expect(dataset).toMatchObject({ id: 'ict-park', sourceModule: 'infra', licence: { id: 'modellicentie-gratis-hergebruik-1.0' }, rows: [{ schools: 0, devices: 0 }] });
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('a centre analyst reads the other fronts on the overview, each with its source, and reaches the open data from there', async () => {
    await world.app.services.auth.createAccount({ email: 'fronten@kenniscentrum.test', password: PASSWORD, role: 'centre_analyst', displayName: 'Frank Fronten' });
    const page = await logIn(world, 'fronten@kenniscentrum.test');
    await page.goto(`${world.baseUrl}/kenniscentrum`);
    const fronts = page.getByTestId('centre-fronts');
    await fronts.waitFor();
    expect(await fronts.getByRole('heading', { level: 3 }).allTextContents()).toEqual([
      'ICT-infrastructuur',
      'Financiering: besteed tegenover budget',
      'Scholen met een actueel ICT-beleidsplan',
      'Cybercheck: maturiteit per thema',
      'Schoolreflectie per domein',
      'STEM-indicatoren',
    ]);
    expect(await fronts.getByTestId('centre-front-stem').textContent()).toMatch(/Bron: STEM-monitor, gegevens van 2023-2024/);
    expect(await accessibilityViolations(page)).toEqual([]);
    await fronts.getByRole('link', { name: 'Alle cijfers als open data (CSV en JSON)' }).click();
    await page.getByTestId('open-data').waitFor();
  });
});
