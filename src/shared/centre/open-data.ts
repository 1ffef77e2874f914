import { z } from 'zod';

/**
 * The open-data catalogue (issue 14 §5): every Flanders-wide figure the centre publishes, with a
 * machine-readable description, downloadable as CSV or JSON without an account.
 */

const text = z.object({ nl: z.string(), en: z.string() });

/** The Flemish government's free open data licence, under which every dataset is published. */
export const OPEN_DATA_LICENCE = {
  id: 'modellicentie-gratis-hergebruik-1.0',
  name: { nl: 'Modellicentie Gratis Hergebruik, versie 1.0', en: 'Model Licence for Free Reuse, version 1.0' },
  url: 'https://www.vlaanderen.be/digitaal-vlaanderen/onze-oplossingen/open-data/voorwaarden-voor-het-hergebruik-van-overheidsinformatie/modellicentie-gratis-hergebruik',
} as const;

/** A dataset's id as it stands in its URL: lower case words joined by hyphens. */
export const openDatasetIdSchema = z
  .string()
  .max(80)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower case letters, digits and hyphens');

export const openDatasetParamsSchema = z.object({ id: openDatasetIdSchema });

export const openDatasetQuerySchema = z.object({
  format: z.enum(['json', 'csv']).default('json').describe('json (description and rows) or csv (the rows; semicolons, UTF-8 with BOM, column ids as header)'),
});

export const openDataColumnSchema = z
  .object({
    id: z.string().describe('The CSV header and the JSON key'),
    type: z.enum(['text', 'integer', 'number', 'share', 'date', 'school_year']).describe('share: 0 to 1; date: YYYY-MM-DD; school_year: 2024-2025'),
    title: text,
    definition: text,
  })
  .meta({ id: 'OpenDataColumn' });

export const openDatasetDescriptionSchema = z
  .object({
    id: openDatasetIdSchema,
    title: text,
    description: text,
    period: text.describe('What time the figures cover'),
    privacyRule: text.describe('How small groups are kept out'),
    licence: z.object({ id: z.string(), name: text, url: z.string() }),
    sourceModule: z.string().describe('The platform module the figures come from'),
    columns: z.array(openDataColumnSchema),
    links: z.object({ json: z.string(), csv: z.string() }),
  })
  .meta({ id: 'OpenDatasetDescription' });

export const openDatasetListSchema = z.object({ datasets: z.array(openDatasetDescriptionSchema) }).meta({ id: 'OpenDatasetList' });

const cellSchema = z.union([z.string(), z.number(), z.null()]);

export const openDatasetSchema = openDatasetDescriptionSchema
  .extend({
    generatedAt: z.string().describe('When the rows were computed (ISO 8601, UTC)'),
    rows: z.array(z.record(z.string(), cellSchema)),
  })
  .meta({ id: 'OpenDataset' });

export type OpenDataColumn = z.infer<typeof openDataColumnSchema>;
export type OpenDatasetDescription = z.infer<typeof openDatasetDescriptionSchema>;
export type OpenDatasetList = z.infer<typeof openDatasetListSchema>;
export type OpenDatasetDto = z.infer<typeof openDatasetSchema>;
export type OpenDataCell = z.infer<typeof cellSchema>;
