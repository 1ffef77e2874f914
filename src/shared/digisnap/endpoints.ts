import { defineEndpoints } from '../platform/endpoint';

/** The Digisnap endpoints: the framework, your scans, your profile and your data. */
export const digisnapEndpoints = defineEndpoints(
  async () => ({
    ...(await import('./api')),
    ...(await import('./framework')),
  }),
  { tags: ['digisnap'] },
  {
    getCurrentFramework: {
      method: 'GET',
      path: '/api/frameworks/current',
      summary: 'The competence framework new scans are taken with: areas, competences, items, options, levels, tips',
      response: { 200: 'frameworkSchema' },
    },
    listFrameworkVersions: {
      method: 'GET',
      path: '/api/frameworks',
      summary: 'Every loaded framework version with its label, scoring rule and maximum total, so a scan of any version is shown labelled as it was scored',
      response: { 200: 'frameworkVersionListSchema' },
    },
    getFrameworkVersion: {
      method: 'GET',
      path: '/api/frameworks/:frameworkId/:version',
      summary: 'One framework version, current or earlier: what a scan taken with it shows, answered and scored by',
      params: 'frameworkVersionParamsSchema',
      response: { 200: 'frameworkSchema' },
      errors: [400, 404],
    },
    startScan: {
      method: 'POST',
      path: '/api/scans',
      summary: 'Start a scan, or resume the one in progress',
      response: { 200: 'scanSchema', 201: 'scanSchema' },
      errors: [400, 401, 403, 404],
    },
    getScan: {
      method: 'GET',
      path: '/api/scans/:scanId',
      summary: 'One of your scans',
      params: 'scanParamsSchema',
      response: { 200: 'scanSchema' },
      errors: [400, 401, 403, 404],
    },
    answerScanItem: {
      method: 'PUT',
      path: '/api/scans/:scanId/answers/:competence',
      summary: 'Save the answer to one competence; saved as given, so a scan can be resumed anywhere',
      params: 'answerParamsSchema',
      body: 'answerBodySchema',
      response: { 200: 'scanSchema' },
      errors: [400, 401, 403, 404, 409],
    },
    answerScanBackground: {
      method: 'PUT',
      path: '/api/scans/:scanId/background',
      summary: 'Save the optional background questions (null clears one)',
      params: 'scanParamsSchema',
      body: 'backgroundSchema',
      response: { 200: 'scanSchema' },
      errors: [400, 401, 403, 404, 409],
    },
    submitScan: {
      method: 'POST',
      path: '/api/scans/:scanId/submit',
      summary: 'Submit a fully answered scan; idempotent, and a submitted scan never changes',
      params: 'scanParamsSchema',
      response: { 200: 'scanSchema' },
      errors: [400, 401, 403, 404, 422],
    },
    listMyScans: {
      method: 'GET',
      path: '/api/me/scans',
      summary: 'Your scans, newest first',
      response: { 200: 'scanListSchema' },
      errors: [400, 401, 403, 404],
    },
    getMyProfile: {
      method: 'GET',
      path: '/api/me/profile',
      summary: 'Your competence profile from your latest submitted scan, with growth since earlier scans; null before your first',
      response: { 200: 'myProfileSchema' },
      errors: [400, 401, 403, 404],
    },
  },
);
