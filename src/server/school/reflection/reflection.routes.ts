import type { FastifyInstance, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBodySchema } from '../../../shared/errors';
import {
  answerBodySchema,
  classCodeInfoSchema,
  classCodeParamsSchema,
  codeParamsSchema,
  createCodeBodySchema,
  instrumentListSchema,
  myRoundListSchema,
  openRoundBodySchema,
  reflectionReportSchema,
  reopenRoundBodySchema,
  reportQuerySchema,
  respondentRoundParamsSchema,
  responseItemParamsSchema,
  responseSchema,
  responseTokenParamsSchema,
  roundListSchema,
  roundParamsSchema,
  roundSchema,
  startedResponseSchema,
} from '../../../shared/school/reflection/reflection';
import { reflectionReportCsv } from '../../../shared/school/reflection/reflection-csv';
import { schoolIdParamsSchema } from '../../../shared/school/schools';
import { CSRF_HEADER, authOf } from '../../platform/http/auth-hooks';
import { sendDownload } from '../../platform/http/download';
import type { ReflectionService } from './reflection.service';

const tags = ['reflections'];
const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema };
const publicErrors = { 400: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema };
const access =
  'A school you have no role in is not found (404); teachers get 403. Principals and ICT coordinators run rounds; ' +
  'they and board admins read them.';
const anonymous =
  'No account needed: the response token is the only key to the answers, and only its hash is stored. Nothing stored ' +
  'links a response to an account, a class code or a time.';

/** Reflection rounds (school reflection, AI readiness), anonymous answering and the report. */
export function reflectionRoutes(
  app: FastifyInstance,
  deps: { reflections: ReflectionService; requireAuth: preHandlerAsyncHookHandler; optionalAuth: preHandlerAsyncHookHandler },
): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { reflections, requireAuth, optionalAuth } = deps;
  const base = '/api/schools/:schoolId/reflections';
  const round = `${base}/:roundId`;

  api.get('/api/reflection-instruments', {
    preHandler: requireAuth,
    schema: {
      operationId: 'listReflectionInstruments',
      tags,
      summary: 'The instruments a reflection round can be opened with, in their newest version',
      response: { 200: instrumentListSchema, 401: errorBodySchema },
    },
    handler: async () => ({ items: reflections.listInstruments() }),
  });

  // ---------------------------------------------------------------- rounds (managers)

  api.post(base, {
    preHandler: requireAuth,
    schema: {
      operationId: 'openReflectionRound',
      tags,
      summary: 'Open a reflection round: instrument, groups taking part, window, minimum group size, pupils per class code',
      description: `${access} Two rounds of the same instrument may not overlap (409).`,
      params: schoolIdParamsSchema,
      body: openRoundBodySchema,
      response: { 201: roundSchema, 409: errorBodySchema, ...errors },
    },
    handler: async (request, reply) => reply.status(201).send(await reflections.openRound(authOf(request).userId, request.params.schoolId, request.body)),
  });

  api.get(base, {
    preHandler: requireAuth,
    schema: {
      operationId: 'listReflectionRounds',
      tags,
      summary: 'The school’s reflection rounds, newest first, with participation counts and class codes',
      description: access,
      params: schoolIdParamsSchema,
      response: { 200: roundListSchema, ...errors },
    },
    handler: async (request) => ({ items: await reflections.listRounds(authOf(request).userId, request.params.schoolId) }),
  });

  api.get(round, {
    preHandler: requireAuth,
    schema: {
      operationId: 'getReflectionRound',
      tags,
      summary: 'One round with participation per group (counts only, never who) and its class codes',
      description: access,
      params: roundParamsSchema,
      response: { 200: roundSchema, ...errors },
    },
    handler: async (request) => reflections.getRound(authOf(request).userId, request.params.schoolId, request.params.roundId),
  });

  api.post(`${round}/close`, {
    preHandler: requireAuth,
    schema: {
      operationId: 'closeReflectionRound',
      tags,
      summary: 'Close the round now; no answer changes after this',
      description: access,
      params: roundParamsSchema,
      response: { 200: roundSchema, 409: errorBodySchema, ...errors },
    },
    handler: async (request) => reflections.closeRound(authOf(request).userId, request.params.schoolId, request.params.roundId),
  });

  api.post(`${round}/reopen`, {
    preHandler: requireAuth,
    schema: {
      operationId: 'reopenReflectionRound',
      tags,
      summary: 'Reopen a closed round, to its last day or a new one',
      description: access,
      params: roundParamsSchema,
      body: reopenRoundBodySchema.nullish(),
      response: { 200: roundSchema, 409: errorBodySchema, ...errors },
    },
    handler: async (request) => reflections.reopenRound(authOf(request).userId, request.params.schoolId, request.params.roundId, request.body ?? {}),
  });

  api.post(`${round}/codes`, {
    preHandler: requireAuth,
    schema: {
      operationId: 'createReflectionCode',
      tags,
      summary: 'A class code for pupils, with a label (e.g. the class) and the number of pupils it admits',
      description: `${access} Only for rounds pupils take part in (409).`,
      params: roundParamsSchema,
      body: createCodeBodySchema,
      response: { 201: roundSchema, 409: errorBodySchema, ...errors },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await reflections.createCode(authOf(request).userId, request.params.schoolId, request.params.roundId, request.body)),
  });

  api.post(`${round}/codes/:codeId/rotate`, {
    preHandler: requireAuth,
    schema: {
      operationId: 'rotateReflectionCode',
      tags,
      summary: 'Replace a class code’s text; the old one stops working at once, its places used stay counted',
      description: access,
      params: codeParamsSchema,
      response: { 200: roundSchema, 409: errorBodySchema, ...errors },
    },
    handler: async (request) =>
      reflections.rotateCode(authOf(request).userId, request.params.schoolId, request.params.roundId, request.params.codeId),
  });

  api.post(`${round}/codes/:codeId/revoke`, {
    preHandler: requireAuth,
    schema: {
      operationId: 'revokeReflectionCode',
      tags,
      summary: 'Stop a class code; responses started with it can still be finished',
      description: access,
      params: codeParamsSchema,
      response: { 200: roundSchema, 409: errorBodySchema, ...errors },
    },
    handler: async (request) =>
      reflections.revokeCode(authOf(request).userId, request.params.schoolId, request.params.roundId, request.params.codeId),
  });

  api.get(`${round}/report`, {
    preHandler: requireAuth,
    schema: {
      operationId: 'getReflectionReport',
      tags,
      summary: 'The report per section and statement, per group and for all groups: respondents, mean, spread, not applicable; JSON or CSV',
      description:
        `${access} A group below the threshold shows nothing, and so does a group that could be worked out from the total. ` +
        'A group’s answers join the report in batches of at least the threshold (`awaiting` until then), so two states never ' +
        'differ by one respondent. Fewer respondents than the threshold in all: 422 too_few_respondents.',
      params: roundParamsSchema,
      querystring: reportQuerySchema,
      response: { 200: z.union([reflectionReportSchema, z.string().describe('text/csv')]), 422: errorBodySchema, ...errors },
    },
    handler: async (request, reply) => {
      const report = await reflections.report(authOf(request).userId, request.params.schoolId, request.params.roundId);
      if (request.query.format !== 'csv') return report;
      const file = `reflectie-${report.round.instrument.id}-${report.round.opensOn}.csv`;
      return sendDownload(reply, 'csv', file, reflectionReportCsv(report, request.query.lang));
    },
  });

  // ---------------------------------------------------------------- respondents with an account

  api.get('/api/me/reflections', {
    preHandler: requireAuth,
    schema: {
      operationId: 'listMyReflections',
      tags,
      summary: 'Open rounds in your schools that your group answers, and whether you started or finished',
      response: { 200: myRoundListSchema, 401: errorBodySchema },
    },
    handler: async (request) => ({ items: await reflections.listMyRounds(authOf(request).userId) }),
  });

  api.post('/api/reflection-rounds/:roundId/responses', {
    preHandler: requireAuth,
    schema: {
      operationId: 'startReflectionResponse',
      tags,
      summary: 'Start answering a round from your account: returns the token of a response that is not linked to you',
      description:
        'Your group follows from your roles in the school (principal, board admin, ICT coordinator: leaders; teacher: teachers). ' +
        'A round of a school you have no role in is not found; a group that does not take part gets 403; a round that is not open ' +
        '409 round_not_open; an account that submitted already 409 already_answered.',
      params: respondentRoundParamsSchema,
      response: { 201: startedResponseSchema, 409: errorBodySchema, ...errors },
    },
    handler: async (request, reply) => reply.status(201).send(await reflections.startAccountResponse(authOf(request).userId, request.params.roundId)),
  });

  // ---------------------------------------------------------------- pupils, by class code

  api.get('/api/reflection-codes/:code', {
    schema: {
      operationId: 'getReflectionCode',
      tags,
      summary: 'What a class code opens: the school, the instrument and whether the round is open',
      description: `${anonymous} An unknown or revoked code is not found (case and dash do not matter).`,
      params: classCodeParamsSchema,
      response: { 200: classCodeInfoSchema, 404: errorBodySchema },
    },
    handler: async (request) => reflections.codeInfo(request.params.code),
  });

  api.post('/api/reflection-codes/:code/responses', {
    schema: {
      operationId: 'startPupilReflection',
      tags,
      summary: 'Start answering as a pupil with a class code',
      description: `${anonymous} A code admits a set number of pupils (409 class_code_full); a round that is not open: 409 round_not_open.`,
      params: classCodeParamsSchema,
      response: { 201: startedResponseSchema, ...publicErrors },
    },
    handler: async (request, reply) => reply.status(201).send(await reflections.startPupilResponse(request.params.code)),
  });

  // ---------------------------------------------------------------- any response, by its token

  const byToken = '/api/reflection-responses/:token';

  api.get(byToken, {
    schema: {
      operationId: 'getReflectionResponse',
      tags,
      summary: 'A response: the statements for its group, the answers so far, progress and whether it is submitted',
      description: anonymous,
      params: responseTokenParamsSchema,
      response: { 200: responseSchema, 404: errorBodySchema },
    },
    handler: async (request) => reflections.getResponse(request.params.token),
  });

  api.put(`${byToken}/answers/:item`, {
    schema: {
      operationId: 'answerReflectionItem',
      tags,
      summary: 'Save the answer to one statement (an option index; "not applicable" is the last option)',
      description: `${anonymous} Nothing changes once the response is submitted (409 scan_submitted) or the round is closed (409 round_not_open).`,
      params: responseItemParamsSchema,
      body: answerBodySchema,
      response: { 200: responseSchema, ...publicErrors },
    },
    handler: async (request) => reflections.answer(request.params.token, request.params.item, request.body.option),
  });

  api.post(`${byToken}/submit`, {
    preHandler: optionalAuth,
    schema: {
      operationId: 'submitReflectionResponse',
      tags,
      summary: 'Submit a fully answered response; idempotent, and a submitted response never changes',
      description:
        `${anonymous} A leader’s or teacher’s response is submitted with the session of the account that started it (401 without): ` +
        'that account is marked as finished, so it answers once (409 already_answered). Unanswered statements: 422 scan_incomplete.',
      params: responseTokenParamsSchema,
      response: { 200: responseSchema, 401: errorBodySchema, 403: errorBodySchema, 422: errorBodySchema, ...publicErrors },
    },
    handler: async (request) => reflections.submit(request.params.token, sessionUserId(request)),
  });
}

/**
 * The caller's account when a session came along with its CSRF token, as every write with a
 * session needs; otherwise anonymous (a pupil on a shared device may carry a stale cookie).
 */
function sessionUserId(request: FastifyRequest): string | null {
  return request.auth && request.headers[CSRF_HEADER] === request.auth.csrfToken ? request.auth.userId : null;
}
