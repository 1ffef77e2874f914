import { defineEndpoints } from '../../platform/endpoint';

const access = 'A school you have no role in is not found (404); teachers get 403. Principals and ICT coordinators run rounds; ' + 'they and board admins read them.';
const anonymous =
  'No account needed: the response token is the only key to the answers, and only its hash is stored. Nothing stored ' + 'links a response to an account, a class code or a time.';

/** Self-reflection rounds, class codes, responses and reports. */
export const reflectionEndpoints = defineEndpoints(
  async () => ({
    ...(await import('./reflection')),
    ...(await import('../schools')),
  }),
  { tags: ['reflections'] },
  {
    listReflectionInstruments: {
      method: 'GET',
      path: '/api/reflection-instruments',
      summary: 'The instruments a reflection round can be opened with, in their newest version',
      response: { 200: 'instrumentListSchema' },
      errors: [401],
    },
    openReflectionRound: {
      method: 'POST',
      path: '/api/schools/:schoolId/reflections',
      summary: 'Open a reflection round: instrument, groups taking part, window, minimum group size, pupils per class code',
      description: `${access} Two rounds of the same instrument may not overlap (409).`,
      params: 'schoolIdParamsSchema',
      body: 'openRoundBodySchema',
      response: { 201: 'roundSchema' },
      errors: [400, 401, 403, 404, 409],
    },
    listReflectionRounds: {
      method: 'GET',
      path: '/api/schools/:schoolId/reflections',
      summary: 'The school’s reflection rounds, newest first, with participation counts and class codes',
      description: access,
      params: 'schoolIdParamsSchema',
      response: { 200: 'roundListSchema' },
      errors: [400, 401, 403, 404],
    },
    getReflectionRound: {
      method: 'GET',
      path: '/api/schools/:schoolId/reflections/:roundId',
      summary: 'One round with participation per group (counts only, never who) and its class codes',
      description: access,
      params: 'roundParamsSchema',
      response: { 200: 'roundSchema' },
      errors: [400, 401, 403, 404],
    },
    closeReflectionRound: {
      method: 'POST',
      path: '/api/schools/:schoolId/reflections/:roundId/close',
      summary: 'Close the round now; no answer changes after this',
      description: access,
      params: 'roundParamsSchema',
      response: { 200: 'roundSchema' },
      errors: [400, 401, 403, 404, 409],
    },
    reopenReflectionRound: {
      method: 'POST',
      path: '/api/schools/:schoolId/reflections/:roundId/reopen',
      summary: 'Reopen a closed round, to its last day or a new one',
      description: access,
      params: 'roundParamsSchema',
      body: 'reopenRoundBodySchema',
      optionalBody: true,
      response: { 200: 'roundSchema' },
      errors: [400, 401, 403, 404, 409],
    },
    createReflectionCode: {
      method: 'POST',
      path: '/api/schools/:schoolId/reflections/:roundId/codes',
      summary: 'A class code for pupils, with a label (e.g. the class) and the number of pupils it admits',
      description: `${access} Only for rounds pupils take part in (409).`,
      params: 'roundParamsSchema',
      body: 'createCodeBodySchema',
      response: { 201: 'roundSchema' },
      errors: [400, 401, 403, 404, 409],
    },
    rotateReflectionCode: {
      method: 'POST',
      path: '/api/schools/:schoolId/reflections/:roundId/codes/:codeId/rotate',
      summary: 'Replace a class code’s text; the old one stops working at once, its places used stay counted',
      description: access,
      params: 'codeParamsSchema',
      response: { 200: 'roundSchema' },
      errors: [400, 401, 403, 404, 409],
    },
    revokeReflectionCode: {
      method: 'POST',
      path: '/api/schools/:schoolId/reflections/:roundId/codes/:codeId/revoke',
      summary: 'Stop a class code; responses started with it can still be finished',
      description: access,
      params: 'codeParamsSchema',
      response: { 200: 'roundSchema' },
      errors: [400, 401, 403, 404, 409],
    },
    getReflectionReport: {
      method: 'GET',
      path: '/api/schools/:schoolId/reflections/:roundId/report',
      summary: 'The report per section and statement, per group and for all groups: respondents, noisy counts per answer, means from them; JSON or CSV',
      description:
        `${access} Every count carries two-sided geometric noise (ε per histogram, see \`noise\`), drawn once per publication, ` +
        'stored and served again on every read. A group below the threshold shows nothing, and then neither does "all groups". ' +
        'A group’s answers join the report in batches of at least the threshold (`awaiting` until then); each batch is a new ' +
        'publication, with fresh noise for the groups that changed. Fewer respondents than the threshold in every group: 422 too_few_respondents.',
      params: 'roundParamsSchema',
      query: 'reportQuerySchema',
      response: { 200: 'reflectionReportSchema' },
      files: ['csv'],
      errors: [400, 401, 403, 404, 422],
    },
    listMyReflections: {
      method: 'GET',
      path: '/api/me/reflections',
      summary: 'Open rounds in your schools that your group answers, and whether you started or finished',
      response: { 200: 'myRoundListSchema' },
      errors: [401],
    },
    startReflectionResponse: {
      method: 'POST',
      path: '/api/reflection-rounds/:roundId/responses',
      summary: 'Start answering a round from your account: returns the token of a response that is not linked to you',
      description:
        'Your group follows from your roles in the school (principal, board admin, ICT coordinator: leaders; teacher: teachers). ' +
        'A round of a school you have no role in is not found; a group that does not take part gets 403; a round that is not open ' +
        '409 round_not_open; an account that submitted already 409 already_answered.',
      params: 'respondentRoundParamsSchema',
      response: { 201: 'startedResponseSchema' },
      errors: [400, 401, 403, 404, 409],
    },
    getReflectionCode: {
      method: 'GET',
      path: '/api/reflection-codes/:code',
      summary: 'What a class code opens: the school, the instrument and whether the round is open',
      description: `${anonymous} An unknown or revoked code is not found (case and dash do not matter).`,
      params: 'classCodeParamsSchema',
      response: { 200: 'classCodeInfoSchema' },
      errors: [404],
      rateLimit: 'classCode',
    },
    startPupilReflection: {
      method: 'POST',
      path: '/api/reflection-codes/:code/responses',
      summary: 'Start answering as a pupil with a class code',
      description: `${anonymous} A code admits a set number of pupils (409 class_code_full); a round that is not open: 409 round_not_open.`,
      params: 'classCodeParamsSchema',
      response: { 201: 'startedResponseSchema' },
      errors: [400, 404, 409],
      rateLimit: 'classCode',
    },
    getReflectionResponse: {
      method: 'GET',
      path: '/api/reflection-responses/:token',
      summary: 'A response: the statements for its group, the answers so far, progress and whether it is submitted',
      description: anonymous,
      params: 'responseTokenParamsSchema',
      response: { 200: 'responseSchema' },
      errors: [404],
    },
    answerReflectionItem: {
      method: 'PUT',
      path: '/api/reflection-responses/:token/answers/:item',
      summary: 'Save the answer to one statement (an option index; "not applicable" is the last option)',
      description: `${anonymous} Nothing changes once the response is submitted (409 scan_submitted) or the round is closed (409 round_not_open).`,
      params: 'responseItemParamsSchema',
      body: 'answerBodySchema',
      response: { 200: 'responseSchema' },
      errors: [400, 404, 409],
    },
    submitReflectionResponse: {
      method: 'POST',
      path: '/api/reflection-responses/:token/submit',
      summary: 'Submit a fully answered response; idempotent, and a submitted response never changes',
      description:
        `${anonymous} A leader’s or teacher’s response is submitted with the session of the account that started it (401 without): ` +
        'that account is marked as finished, so it answers once (409 already_answered). Unanswered statements: 422 scan_incomplete.',
      params: 'responseTokenParamsSchema',
      response: { 200: 'responseSchema' },
      errors: [400, 401, 403, 404, 409, 422],
    },
  },
);
