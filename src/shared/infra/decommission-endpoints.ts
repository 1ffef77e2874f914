import { defineEndpoints } from '../platform/endpoint';

const readers = 'For the principal, the ICT coordinator and the board admins of the school; teachers get 403, anyone without a role in the school 404.';
const managers = 'For the principal and the ICT coordinator of the school; board admins read only and get 403, as do teachers; anyone without a role in the school 404.';

/** The end of devices' lives: reuse partners, decommission batches, the replacement forecast. */
export const decommissionEndpoints = defineEndpoints(
  () => import('./decommission-api'),
  { tags: ['infra'] },
  {
    listReusePartners: {
      method: 'GET',
      path: '/api/reuse-partners',
      summary: 'The partners a school can hand devices to, reuse before recycling, and the order of the routes to consider',
      description: 'For any logged-in user: the list is public knowledge.',
      response: { 200: 'reusePartnersSchema' },
      errors: [401],
    },
    listDecommissionBatches: {
      method: 'GET',
      path: '/api/schools/:schoolId/decommission-batches',
      summary: 'The school’s decommission batches, newest first, with whether each is certified',
      description: readers,
      params: 'schoolIdParamsSchema',
      response: { 200: 'decommissionBatchListSchema' },
      errors: [400, 401, 403, 404],
    },
    createDecommissionBatch: {
      method: 'POST',
      path: '/api/schools/:schoolId/decommission-batches',
      summary: 'Hand a batch of devices to a partner: each device’s wipe is recorded and it moves to donated, or through decommissioned to disposed, all in one transaction',
      description:
        `${managers} All or nothing: a device the batch cannot take answers 422 decommission_rejected, whose \`details\` name every refused device ` +
        '(`body.devices.N.assetTag`, N from 0) and why; an unknown partner or a certificate file not of the school answers 400 on its field. Nothing is written then.',
      params: 'schoolIdParamsSchema',
      body: 'createDecommissionBatchBodySchema',
      response: { 201: 'decommissionBatchSchema' },
      errors: [400, 401, 403, 404, 422],
    },
    getDecommissionBatch: {
      method: 'GET',
      path: '/api/decommission-batches/:batchId',
      summary: 'One decommission batch: its partner, certificate and every device with its wipe record',
      description: readers,
      params: 'decommissionBatchParamsSchema',
      response: { 200: 'decommissionBatchSchema' },
      errors: [400, 401, 403, 404],
    },
    attachDecommissionCertificate: {
      method: 'POST',
      path: '/api/decommission-batches/:batchId/certificate',
      summary: 'Add the certificate a batch was handed over without: the whole batch’s, or one device’s with its wipe record',
      description:
        `${managers} A certificate once given stays (409 conflict on its field), so what an auditor saw does not change under them; ` +
        'a file not of the school answers 400 on body.fileId, a device not in the batch 400 on body.deviceId.',
      params: 'decommissionBatchParamsSchema',
      body: 'attachCertificateBodySchema',
      response: { 200: 'decommissionBatchSchema' },
      errors: [400, 401, 403, 404, 409],
    },
    getReplacementForecast: {
      method: 'GET',
      path: '/api/schools/:schoolId/replacement-forecast',
      summary:
        'Devices due for replacement (past their expected life, or out of warranty and often in repair) and, per school year, how many reach end of life and what replacing them costs',
      description: readers,
      params: 'schoolIdParamsSchema',
      response: { 200: 'replacementForecastSchema' },
      errors: [400, 401, 403, 404],
    },
  },
);
