import { defineEndpoints } from '../../platform/endpoint';

const access = 'A school you have no role in is not found (404); teachers get 403. Principals and ICT coordinators start, answer and submit; ' + 'they and board admins read.';

/** The school's cyber check. */
export const cyberCheckEndpoints = defineEndpoints(
  async () => ({
    ...(await import('./cyber-check-api')),
    ...(await import('../schools')),
  }),
  { tags: ['cyber-check'] },
  {
    getCyberCheckInstrument: {
      method: 'GET',
      path: '/api/instruments/cyber-check/:version',
      summary: 'A version of the cyber check: topics, measures (key measures and their CyberFundamentals control), maturity scale, target',
      params: 'cyberCheckInstrumentParamsSchema',
      response: { 200: 'cyberCheckInstrumentSchema' },
      errors: [400, 401, 403, 404],
    },
    startCyberCheck: {
      method: 'POST',
      path: '/api/schools/:schoolId/cyber-checks',
      summary: 'Start the school’s cyber check on the latest version (201), or resume the one in progress (200)',
      description: `${access} A school has one check in progress at a time, shared by its principals and ICT coordinators.`,
      params: 'schoolIdParamsSchema',
      response: { 200: 'cyberCheckSchema', 201: 'cyberCheckSchema' },
      errors: [400, 401, 403, 404],
    },
    listCyberChecks: {
      method: 'GET',
      path: '/api/schools/:schoolId/cyber-checks',
      summary: 'The school’s cyber checks, newest first, with the overall picture of each submitted one',
      description: access,
      params: 'schoolIdParamsSchema',
      response: { 200: 'cyberCheckListSchema' },
      errors: [400, 401, 403, 404],
    },
    getCyberCheckParkFacts: {
      method: 'GET',
      path: '/api/schools/:schoolId/cyber-check-park-facts',
      summary: 'What the school’s ICT park knows for the inventory (ID.AM-01.1) and disposal (PR.DS-01.9) measures, to set beside the school’s own answer',
      description: access,
      params: 'schoolIdParamsSchema',
      response: { 200: 'cyberCheckParkFactsSchema' },
      errors: [400, 401, 403, 404],
    },
    getCyberCheck: {
      method: 'GET',
      path: '/api/schools/:schoolId/cyber-checks/:checkId',
      summary: 'One cyber check with its answers, progress and who last changed it',
      description: access,
      params: 'cyberCheckParamsSchema',
      response: { 200: 'cyberCheckSchema' },
      errors: [400, 401, 403, 404],
    },
    answerCyberCheckItem: {
      method: 'PUT',
      path: '/api/schools/:schoolId/cyber-checks/:checkId/answers/:itemId',
      summary: 'Save the maturity of one measure; saved as given, so any manager can resume the check',
      description: `${access} A submitted check no longer changes (409 scan_submitted). Each answer is in the audit log with who gave it.`,
      params: 'cyberCheckAnswerParamsSchema',
      body: 'cyberCheckAnswerBodySchema',
      response: { 200: 'cyberCheckSchema' },
      errors: [400, 401, 403, 404, 409],
    },
    submitCyberCheck: {
      method: 'POST',
      path: '/api/schools/:schoolId/cyber-checks/:checkId/submit',
      summary: 'Submit a fully answered check; idempotent, and a submitted check never changes',
      description: `${access} A measure without an answer: 422 scan_incomplete naming every one.`,
      params: 'cyberCheckParamsSchema',
      response: { 200: 'cyberCheckSchema' },
      errors: [400, 401, 403, 404, 422],
    },
    getCyberCheckResult: {
      method: 'GET',
      path: '/api/schools/:schoolId/cyber-checks/:checkId/result',
      summary: 'Per topic the mean maturity and share at target, beside the previous check, and the prioritised actions; JSON or CSV of the actions',
      description:
        `${access} Actions: every measure below the target, key measures first, then the larger gap, then topic order. ` +
        '"Don\'t know" counts as the lowest step and is marked. A check in progress has no result yet (409).',
      params: 'cyberCheckParamsSchema',
      query: 'cyberCheckResultQuerySchema',
      response: { 200: 'cyberCheckResultSchema' },
      files: ['csv'],
      errors: [400, 401, 403, 404, 409],
    },
  },
);
