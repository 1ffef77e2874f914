import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations, type BrowserWorld, logIn, PASSWORD, startBrowserWorld } from './browser';
import { englishInDutch } from './page-checks';

const INDICATOR = 'secondary_grade23_stem_share';

/** 2024-2025 in Antwerp's aso: 401 of 1,000 pupils in STEM (40,1%); `gender` of the third line as given. */
const countsFile = (thirdLineGender: string) =>
  [
    'school_year;level;moment;programme_type;province;stem_category;gender;count',
    '2024-2025;secondary;grade23;aso;antwerpen;stem;f;200',
    `2024-2025;secondary;grade23;aso;antwerpen;stem;${thirdLineGender};201`,
    '2024-2025;secondary;grade23;aso;antwerpen;non_stem;f;300',
    '2024-2025;secondary;grade23;aso;antwerpen;non_stem;m;299',
  ].join('\n');

describe('the knowledge centre uploads STEM counts in the browser', () => {
  let world: BrowserWorld;
  beforeAll(async () => {
    world = await startBrowserWorld();
    const { services } = world.app;
    await services.auth.createAccount({ email: 'analist@kenniscentrum.test', password: PASSWORD, role: 'centre_analyst', displayName: 'Ann Analist' });
    const schoolId = await services.schools.createSchool({ name: 'Atheneum Noord', educationLevel: 'secondary', province: 'antwerpen' });
    await services.auth.createAccount({ email: 'leraar@noord.test', password: PASSWORD, role: 'teacher', displayName: 'Lien', schoolId });
  });
  afterAll(() => world?.close());

  it('an analyst checks a file with a bad line, sees its line and field, fixes it, imports, and the monitor shows the new year', async () => {
    const page = await logIn(world, 'analist@kenniscentrum.test');
    await page.goto(`${world.baseUrl}/stem`);
    await page.getByTestId('stem-import-link').click();
    const panel = page.getByTestId('stem-import-panel');
    await panel.getByLabel('Bestand (CSV of .xlsx)').setInputFiles({ name: 'tellingen.csv', mimeType: 'text/csv', buffer: Buffer.from(countsFile('q')) });
    await panel.getByRole('button', { name: 'Controleer' }).click();
    const report = page.getByTestId('stem-import-report');
    await report.getByRole('rowheader', { name: 'regel 3: gender' }).waitFor();
    expect(await report.textContent()).toContain('Er is niets geïmporteerd');
    expect(await report.getByRole('cell').allTextContents()).toEqual(['“q”: Kies een van: f, m, x.']);
    expect(await englishInDutch(page)).toEqual([]);
    expect(await accessibilityViolations(page)).toEqual([]);

    await panel.getByLabel('Bestand (CSV of .xlsx)').setInputFiles({ name: 'tellingen.csv', mimeType: 'text/csv', buffer: Buffer.from(countsFile('m')) });
    await panel.getByRole('button', { name: 'Controleer' }).click();
    await expect.poll(() => report.textContent()).toContain('2024-2025: zou vervangen worden door 4 tellingen (1.000 leerlingen)');
    // The check wrote nothing.
    expect(await page.evaluate(async () => (await (await fetch('/api/stem/definitions')).json()).years)).toEqual([]);
    await panel.getByRole('button', { name: 'Importeren' }).click();
    await expect.poll(() => report.textContent()).toContain('2024-2025: vervangen door 4 tellingen (1.000 leerlingen)');
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByRole('link', { name: 'Terug naar de STEM-monitor' }).click();
    await expect.poll(() => page.getByTestId(`stem-tile-${INDICATOR}`).getByTestId('stem-tile-value').textContent()).toBe('40,1%');
  });

  it('a teacher sees no upload link, and the page says they may not import', async () => {
    const page = await logIn(world, 'leraar@noord.test');
    await page.goto(`${world.baseUrl}/stem`);
    await page.getByTestId('stem-monitor').waitFor();
    expect(await page.getByTestId('stem-import-link').count()).toBe(0);
    await page.goto(`${world.baseUrl}/stem/importeren`);
    expect(await page.getByTestId('stem-import-refused').textContent()).toContain('Alleen analisten van het kenniscentrum en beheerders');
    expect(await page.getByTestId('stem-import-panel').count()).toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);
  });
});
