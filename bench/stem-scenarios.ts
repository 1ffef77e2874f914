import { readFileSync } from 'node:fs';
import { stemImportReportSchema, stemIndicatorListSchema, stemIndicatorsSchema } from '../src/shared/stem/api';
import type { CentreAnalyst } from './centre-analyst';
import type { Scenario } from './scenarios';
import type { StemManifest } from './stem';

/**
 * The STEM monitor's scenario (issue 13 §6): anyone, without an account, reads every indicator of a
 * school year split by province, another school year each request, as visitors of the dashboard
 * go back and forth through the years.
 */

export const stemIndicatorsPath = (year: string, breakdown = 'province') => `/api/stem/indicators?year=${encodeURIComponent(year)}&breakdown=${breakdown}`;

export function getStemIndicators(stem: StemManifest): Scenario {
  const paths = stem.years.map((year) => stemIndicatorsPath(year));
  let next = 0;
  return {
    name: 'getStemIndicators',
    operationId: 'getStemIndicators',
    requests: () => [{ method: 'GET', path: paths[0], setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length] }) }],
  };
}

/** The indicator whose figure the check recomputes from the generated rows. */
const CHECKED_INDICATOR = 'secondary_year3_stem_share';

/**
 * Before the STEM monitor is measured: every year's province answer holds to its contract and goes
 * out as the Zod serializer would write it, and one figure (the year-3 STEM share of a province in
 * a year before the reform) equals what the generated rows add up to, counted by the categories the
 * API's own definition names. These are each year's first reads, which compute the answer the
 * server then keeps until the next import: returns their mean time, printed beside the figures.
 */
export async function checkStemContracts(url: string, stem: StemManifest): Promise<{ firstReadMs: number }> {
  let firstReadMs = 0;
  for (const year of stem.years) {
    const started = performance.now();
    const body = await get(url, stemIndicatorsPath(year));
    firstReadMs += performance.now() - started;
    const answer = stemIndicatorsSchema.parse(JSON.parse(body));
    if (body !== JSON.stringify(stemIndicatorsSchema.encode(answer))) throw new Error(`getStemIndicators ${year} differs from the Zod serializer’s bytes`);
    if (answer.year !== year || answer.breakdown !== 'province') throw new Error(`getStemIndicators ${year}: answered ${answer.year} by ${answer.breakdown}`);
    if (answer.indicators.length === 0) throw new Error(`getStemIndicators ${year}: no indicators`);
  }
  const definitions = stemIndicatorListSchema.parse(JSON.parse(await get(url, '/api/stem/definitions')));
  const definition = definitions.indicators.find((d) => d.id === CHECKED_INDICATOR);
  if (!definition) throw new Error(`listStemIndicators lacks ${CHECKED_INDICATOR}`);
  const { year, province, counts } = stem.check;
  const answer = stemIndicatorsSchema.parse(JSON.parse(await get(url, stemIndicatorsPath(year))));
  const figure = answer.indicators.find((i) => i.indicator === CHECKED_INDICATOR);
  const value = figure?.groups?.find((group) => group.key === province)?.value;
  if (figure?.definition !== 'categories_2012' || !value) throw new Error(`getStemIndicators ${year}: no ${CHECKED_INDICATOR} for ${province} by the 2012 categories`);
  const numerator = definition.countedCategories.reduce((sum, category) => sum + (counts[category] ?? 0), 0);
  const denominator = Object.values(counts).reduce((sum, count) => sum + count, 0);
  if (value.numerator !== numerator || value.denominator !== denominator) {
    throw new Error(`getStemIndicators ${year}, ${CHECKED_INDICATOR} in ${province}: ${value.numerator} / ${value.denominator}, the rows add up to ${numerator} / ${denominator}`);
  }
  return { firstReadMs: firstReadMs / stem.years.length };
}

/**
 * The last year's CSV uploaded once more as the knowledge centre does (importStemCounts, the whole
 * HTTP path: body, reader, checks, the year replaced in one transaction), after the measurements,
 * since it bumps the data version. The same counts, so the answers stay as checked.
 */
export async function uploadStemYear(url: string, stem: StemManifest, analyst: CentreAnalyst): Promise<{ year: string; lines: number; megabytes: number; seconds: number }> {
  const csv = readFileSync(stem.csvImport.file);
  const started = performance.now();
  const response = await fetch(`${url}/api/stem/counts/import`, {
    method: 'POST',
    headers: { 'content-type': 'text/csv', cookie: `ds_session=${analyst.token}`, 'x-csrf-token': analyst.csrfToken },
    body: csv,
  });
  const body = await response.text();
  const seconds = (performance.now() - started) / 1000;
  if (response.status !== 200) throw new Error(`importStemCounts of ${stem.csvImport.year} answered ${response.status}: ${body.slice(0, 300)}`);
  const report = stemImportReportSchema.parse(JSON.parse(body));
  if (report.rows !== stem.csvImport.rows) throw new Error(`importStemCounts of ${stem.csvImport.year} imported ${report.rows} lines, the file has ${stem.csvImport.rows}`);
  return { year: stem.csvImport.year, lines: report.rows, megabytes: Math.round(csv.length / 1e5) / 10, seconds: Math.round(seconds * 10) / 10 };
}

async function get(url: string, path: string): Promise<string> {
  const response = await fetch(`${url}${path}`);
  const body = await response.text();
  if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status}: ${body.slice(0, 300)}`);
  return body;
}
