import { defineEndpoints } from '../platform/endpoint';

const open = 'Open to anyone, without an account: the STEM monitor is public.';

/** The STEM monitor: counts in, indicators, definitions and series out (issue 13). */
export const stemEndpoints = defineEndpoints(
  () => import('./api'),
  { tags: ['stem'] },
  {
    importStemCounts: {
      method: 'POST',
      path: '/api/stem/counts/import',
      summary: 'Import STEM counts from CSV (or .xlsx), all or nothing; each school year in the file replaces that year',
      description:
        'For the knowledge centre’s analysts and the admins. Columns: school_year (2018-2019), level, moment, programme_type, province, stem_category, gender (f, m, x), count, ' +
        'and optionally domain (the study domain 1–10 of a modernised programme) and school_number (school-level lines are summed). Semicolons or commas, a BOM or not. ' +
        'Any bad line makes the whole import fail with 422 import_rejected, `details` naming every bad line and column, and nothing is written. `?dryRun=true` only checks.',
      query: 'stemImportQuerySchema',
      tableBody: true,
      // 15 years of school-level counts of one level in a CSV.
      bodyLimit: 100 * 1024 * 1024,
      response: { 200: 'stemImportReportSchema' },
      errors: [400, 401, 403, 413, 415, 422],
    },
    getStemIndicators: {
      method: 'GET',
      path: '/api/stem/indicators',
      summary: 'Every STEM indicator of a school year, for Flanders and per group of a breakdown, each value with its numerator and denominator',
      description: `${open} Cells of 1 to 4 pupils are hidden (status hidden), and so is every share that would let one be recovered. A year without counts gives status no_data.`,
      query: 'stemIndicatorsQuerySchema',
      response: { 200: 'stemIndicatorsSchema' },
      errors: [400],
    },
    listStemIndicators: {
      method: 'GET',
      path: '/api/stem/definitions',
      summary: 'The STEM categories, both definitions, the indicators with baselines, targets and published values (source and verified), and the years with counts',
      description: open,
      response: { 200: 'stemIndicatorListSchema' },
    },
    getStemSeries: {
      method: 'GET',
      path: '/api/stem/series',
      summary: 'One indicator over every school year with counts: the change against the baseline, the distance to each target and the yearly pace needed',
      description: `${open} An unknown indicator answers 404.`,
      query: 'stemSeriesQuerySchema',
      response: { 200: 'stemSeriesSchema' },
      errors: [400, 404],
    },
  },
);
