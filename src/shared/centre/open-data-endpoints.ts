import { defineEndpoints } from '../platform/endpoint';

const open = 'Open to anyone, without an account: the centre publishes these figures under the Flemish free reuse licence.';

/** The knowledge centre's open data (issue 14 §5): the catalogue, and each dataset as JSON or CSV. */
export const openDataEndpoints = defineEndpoints(
  () => import('./open-data'),
  { tags: ['open-data'] },
  {
    listOpenDatasets: {
      method: 'GET',
      path: '/api/open-data',
      summary: 'Every dataset the knowledge centre publishes, each with its machine-readable description and download links',
      description: open,
      response: { 200: 'openDatasetListSchema' },
    },
    getOpenDataset: {
      method: 'GET',
      path: '/api/open-data/:id',
      summary: 'One dataset: its description (title, period, column definitions, privacy rule, licence, source module) and rows as JSON, or the rows as CSV',
      description: `${open} \`format=csv\`: semicolons, UTF-8 with BOM, the column ids as header. An unknown id answers 404.`,
      params: 'openDatasetParamsSchema',
      query: 'openDatasetQuerySchema',
      response: { 200: 'openDatasetSchema' },
      files: ['csv'],
      errors: [400, 404],
    },
  },
);
