import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readXlsx } from '../support/xlsx-reader';
import { accessibilityViolations, type BrowserWorld, startBrowserWorld } from './browser';

const INDICATOR = 'secondary_grade23_stem_share';

/** One line of counts of the 2nd and 3rd grade. */
const line = (year: string, province: string, programmeType: string, category: 'stem' | 'non_stem', gender: 'f' | 'm', count: number) => ({
  year,
  level: 'secondary' as const,
  moment: 'grade23' as const,
  programmeType,
  province,
  category,
  domain: null,
  gender,
  count,
  schoolNumber: '',
});

/**
 * Flanders: 335 of 1,000 pupils in STEM in 2010-2011 (33,5%), 364 of 1,000 in 2023-2024 (36,4%,
 * +2,9 pp). Limburg has 3 STEM pupils in 2023-2024, so its share is hidden.
 */
const counts = [
  line('2010-2011', 'antwerpen', 'aso', 'stem', 'f', 100),
  line('2010-2011', 'antwerpen', 'aso', 'stem', 'm', 150),
  line('2010-2011', 'antwerpen', 'aso', 'non_stem', 'f', 250),
  line('2010-2011', 'antwerpen', 'aso', 'non_stem', 'm', 200),
  line('2010-2011', 'limburg', 'tso', 'stem', 'f', 20),
  line('2010-2011', 'limburg', 'tso', 'stem', 'm', 65),
  line('2010-2011', 'limburg', 'tso', 'non_stem', 'f', 100),
  line('2010-2011', 'limburg', 'tso', 'non_stem', 'm', 115),
  line('2023-2024', 'antwerpen', 'aso', 'stem', 'f', 160),
  line('2023-2024', 'antwerpen', 'aso', 'stem', 'm', 201),
  line('2023-2024', 'antwerpen', 'aso', 'non_stem', 'f', 250),
  line('2023-2024', 'antwerpen', 'aso', 'non_stem', 'm', 186),
  line('2023-2024', 'limburg', 'tso', 'stem', 'f', 1),
  line('2023-2024', 'limburg', 'tso', 'stem', 'm', 2),
  line('2023-2024', 'limburg', 'tso', 'non_stem', 'f', 100),
  line('2023-2024', 'limburg', 'tso', 'non_stem', 'm', 100),
];

/** Clicks a download button and returns the file's bytes and name. */
async function download(page: Page, testId: string): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: readFileSync(path) };
}

describe('the public STEM monitor in the browser', () => {
  let world: BrowserWorld;
  beforeAll(async () => {
    world = await startBrowserWorld();
    await world.app.services.stem.importLines(counts, 'demo', { dryRun: false, actorId: null });
  });
  afterAll(() => world?.close());

  it('a person without an account reads the tiles, a chart, switches breakdowns, reads the table view and downloads CSV and XLSX', async () => {
    const page = await world.newPage();
    await page.goto(`${world.baseUrl}/login`);
    // The menu offers the monitor to everyone, logged in or not.
    await page.getByRole('navigation').getByRole('link', { name: 'STEM-monitor' }).click();
    await page.getByTestId('stem-monitor').waitFor();
    expect(await page.getByTestId('stem-demo-data').textContent()).toMatch(/Demodata/);

    const tile = page.getByTestId(`stem-tile-${INDICATOR}`);
    await expect.poll(() => tile.getByTestId('stem-tile-value').textContent()).toBe('36,4%');
    expect(await tile.getByTestId('stem-tile-change').textContent()).toBe('+2,9 pp tegenover 2010-2011 (basisjaar)');
    // The 2030 target with the distance and the yearly pace, marked as not verified.
    expect(await tile.getByTestId('stem-tile-target').textContent()).toMatch(/Streefcijfer 40,25% tegen 2030-2031: nog \+3,9 pp, dat is \+0,\d pp per jaar niet geverifieerd/);
    expect(await accessibilityViolations(page)).toEqual([]);

    // The same number as the API.
    const api = await page.evaluate(async (indicator) => (await fetch(`/api/stem/series?indicator=${indicator}`)).json(), INDICATOR);
    expect(api.years.at(-1).total.share).toBeCloseTo(0.364, 6);

    await tile.getByRole('heading').getByRole('link').click();
    await page.getByTestId('stem-indicator').waitFor();
    const chart = page.getByTestId('stem-series-chart');
    await chart.locator('svg').first().waitFor();
    expect(await chart.getAttribute('aria-label')).toMatch(/Vlaanderen: 36,4%/);

    // Break down by province: Limburg's share is hidden, never 0.
    await page.getByTestId('stem-breakdown').getByLabel('Provincie').check();
    await page.waitForURL(/opsplitsing=province/);
    const table = page.getByTestId('stem-series-chart-table');
    await table.locator('summary').click();
    // Two years of Flanders and the six provinces, those without pupils as "geen gegevens".
    await expect.poll(() => table.locator('tbody tr').count()).toBe(14);
    const limburg = table.locator('tbody tr', { hasText: '2023-2024, Limburg' });
    expect(await limburg.textContent()).toMatch(/verborgen.*< 5/);
    expect(await table.locator('caption').textContent()).toBe('STEM-leerlingen in de 2de en 3de graad per schooljaar en groep');
    expect(await page.getByTestId('stem-hidden-note').first().textContent()).toMatch(/Limburg 2023-2024/);
    expect(await accessibilityViolations(page)).toEqual([]);

    const csv = await download(page, 'stem-series-chart-csv');
    expect(csv.name).toBe(`stem-${INDICATOR}-province.csv`);
    const text = csv.bytes.toString('utf8');
    expect(text.startsWith('\uFEFFSchooljaar;Groep;Aandeel;Teller;Noemer;')).toBe(true);
    expect(text).toMatch(/\r\n2023-2024;Vlaanderen;36,4;364;1000;2,9;36,4;[^\r\n]*;demodata;/);
    expect(text).toMatch(/\r\n2023-2024;Limburg;verborgen;verborgen;verborgen;[^\r\n]*< 5/);

    const xlsx = await download(page, 'stem-series-chart-xlsx');
    expect(xlsx.name).toBe(`stem-${INDICATOR}-province.xlsx`);
    const rows = Object.values(readXlsx(xlsx.bytes).sheets)[0];
    const flanders = rows.find((row) => row[0]?.value === '2023-2024' && row[1]?.value === 'Vlaanderen');
    expect(flanders?.slice(2, 5)).toEqual([
      { value: 0.364, format: '0.0%' },
      { value: 364, format: '0' },
      { value: 1000, format: '0' },
    ]);
    expect(rows.find((row) => row[1]?.value === 'Limburg' && row[0]?.value === '2023-2024')?.[2]?.value).toBe('verborgen');

    // The provinces compared: Limburg is a hatched bar labelled "< 5", and the gender gap has its own table.
    const provinces = page.getByTestId('stem-province-chart');
    await provinces.locator('svg').first().waitFor();
    expect(await provinces.getAttribute('aria-label')).toMatch(/Limburg: < 5 \(verborgen\)/);
    const gender = page.getByTestId('stem-gender-chart-table');
    await gender.locator('summary').click();
    expect(await gender.locator('tbody tr').count()).toBe(2);
    expect(await accessibilityViolations(page)).toEqual([]);
  });
});
