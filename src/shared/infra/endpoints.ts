import { defineEndpoints } from '../platform/endpoint';

const readers = 'For the principal, the ICT coordinator and the board admins of the school; teachers get 403, anyone without a role in the school 404.';
const managers = 'For the principal and the ICT coordinator of the school; board admins read only and get 403, as do teachers; anyone without a role in the school 404.';

/** The ICT park: a school's devices, their lifecycle, import and export, and the board's view. */
export const infraEndpoints = defineEndpoints(
  () => import('./api'),
  { tags: ['infra'] },
  {
    listDevices: {
      method: 'GET',
      path: '/api/schools/:schoolId/devices',
      summary: 'The school’s devices: words, filters (type, state, funding, location, purchase year), sorted, a page at a time',
      description: readers,
      params: 'schoolIdParamsSchema',
      query: 'deviceListQuerySchema',
      response: { 200: 'deviceListSchema' },
      errors: [400, 401, 403, 404],
    },
    listBoardDevices: {
      method: 'GET',
      path: '/api/boards/:boardId/devices',
      summary: 'The devices of every school of a board, read only, with the same filters and pages',
      description: 'For the board’s admins; anyone else finds no board (404).',
      params: 'boardParamsSchema',
      query: 'deviceListQuerySchema',
      response: { 200: 'deviceListSchema' },
      errors: [400, 401, 404],
    },
    createDevice: {
      method: 'POST',
      path: '/api/schools/:schoolId/devices',
      summary: 'Add a device (its model is found by manufacturer and name, or added); the asset tag is unique in the school',
      description: `${managers} A tag the school uses already answers 409 conflict on body.device.assetTag.`,
      params: 'schoolIdParamsSchema',
      body: 'createDeviceBodySchema',
      response: { 201: 'deviceDetailSchema' },
      errors: [400, 401, 403, 404, 409],
    },
    getDevice: {
      method: 'GET',
      path: '/api/devices/:deviceId',
      summary: 'One device with its history of states and its sanitisation record',
      description: readers,
      params: 'deviceParamsSchema',
      response: { 200: 'deviceDetailSchema' },
      errors: [400, 401, 403, 404],
    },
    updateDevice: {
      method: 'PUT',
      path: '/api/devices/:deviceId',
      summary: 'Change a device’s details (every field is replaced); its state changes through changeDeviceState',
      description: managers,
      params: 'deviceParamsSchema',
      body: 'updateDeviceBodySchema',
      response: { 200: 'deviceDetailSchema' },
      errors: [400, 401, 403, 404, 409],
    },
    changeDeviceState: {
      method: 'POST',
      path: '/api/devices/:deviceId/state',
      summary: 'Move a device to another state of its lifecycle; the move and its note are kept in the device’s history',
      description:
        `${managers} A move the lifecycle does not allow answers 409 transition_not_allowed, naming the allowed states in its message and details. ` +
        'Decommissioned and donated need `sanitisation` (clear, purge or destroy; who; when), else 400 on body.sanitisation; disposed comes only after decommissioned.',
      params: 'deviceParamsSchema',
      body: 'changeDeviceStateBodySchema',
      response: { 200: 'deviceDetailSchema' },
      errors: [400, 401, 403, 404, 409],
    },
    importDevices: {
      method: 'POST',
      path: '/api/schools/:schoolId/devices/import',
      summary: 'Import devices from CSV or .xlsx, in our own columns or in Snipe-IT’s asset import columns, all or nothing',
      description:
        `${managers} The format is detected from the header (\`inventarisnummer\` or \`Asset Tag\`) unless ?format= names it. ` +
        'Semicolons or commas, a BOM, quoted fields and CR, LF or CRLF line ends are read. Any bad line makes the whole import fail with 422 import_rejected; ' +
        '`details` names every bad line and column and nothing is written. `?dryRun=true` only checks.',
      params: 'schoolIdParamsSchema',
      query: 'deviceImportQuerySchema',
      tableBody: true,
      // 100,000 devices in a wide CSV.
      bodyLimit: 20 * 1024 * 1024,
      response: { 200: 'deviceImportReportSchema' },
      errors: [400, 401, 403, 404, 413, 422],
    },
    exportDevices: {
      method: 'GET',
      path: '/api/schools/:schoolId/devices/export',
      summary: 'Download the school’s devices as CSV or .xlsx, in the columns the import reads; formula-like texts are escaped',
      description: readers,
      params: 'schoolIdParamsSchema',
      query: 'deviceExportQuerySchema',
      files: ['csv', 'xlsx'],
      errors: [400, 401, 403, 404],
    },
  },
);
