import type { FastifyInstance, preHandlerAsyncHookHandler } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBodySchema } from '../../../shared/errors';
import {
  cyberCheckAnswerBodySchema,
  cyberCheckAnswerParamsSchema,
  cyberCheckInstrumentParamsSchema,
  cyberCheckInstrumentSchema,
  cyberCheckListSchema,
  cyberCheckParamsSchema,
  cyberCheckResultQuerySchema,
  cyberCheckResultSchema,
  cyberCheckSchema,
} from '../../../shared/school/cyber-check/cyber-check-api';
import { cyberCheckActionsCsv, cyberCheckCsvFileName } from '../../../shared/school/cyber-check/cyber-check-csv';
import { schoolIdParamsSchema } from '../../../shared/school/schools';
import { authOf } from '../../platform/http/auth-hooks';
import { sendDownload } from '../../platform/http/download';
import type { CyberCheckService } from './cyber-check.service';

const tags = ['cyber-check'];
const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema };
const access =
  'A school you have no role in is not found (404); teachers get 403. Principals and ICT coordinators start, answer and submit; ' +
  'they and board admins read.';

/** The school's cybersecurity check: one in progress per school, answered measure by measure, with a prioritised action list. */
export function cyberCheckRoutes(app: FastifyInstance, deps: { cyberChecks: CyberCheckService; requireAuth: preHandlerAsyncHookHandler }): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { cyberChecks, requireAuth } = deps;
  const base = '/api/schools/:schoolId/cyber-checks';

  api.get('/api/instruments/cyber-check/:version', {
    preHandler: requireAuth,
    schema: {
      operationId: 'getCyberCheckInstrument',
      tags,
      summary: 'A version of the cyber check: topics, measures (key measures and their CyberFundamentals control), maturity scale, target',
      params: cyberCheckInstrumentParamsSchema,
      response: { 200: cyberCheckInstrumentSchema, ...errors },
    },
    handler: async (request) => cyberChecks.instrument(request.params.version),
  });

  api.post(base, {
    preHandler: requireAuth,
    schema: {
      operationId: 'startCyberCheck',
      tags,
      summary: 'Start the school’s cyber check on the latest version (201), or resume the one in progress (200)',
      description: `${access} A school has one check in progress at a time, shared by its principals and ICT coordinators.`,
      params: schoolIdParamsSchema,
      response: { 200: cyberCheckSchema, 201: cyberCheckSchema, ...errors },
    },
    handler: async (request, reply) => {
      const { check, created } = await cyberChecks.start(authOf(request).userId, request.params.schoolId);
      return reply.status(created ? 201 : 200).send(check);
    },
  });

  api.get(base, {
    preHandler: requireAuth,
    schema: {
      operationId: 'listCyberChecks',
      tags,
      summary: 'The school’s cyber checks, newest first, with the overall picture of each submitted one',
      description: access,
      params: schoolIdParamsSchema,
      response: { 200: cyberCheckListSchema, ...errors },
    },
    handler: async (request) => ({ items: await cyberChecks.list(authOf(request).userId, request.params.schoolId) }),
  });

  api.get(`${base}/:checkId`, {
    preHandler: requireAuth,
    schema: {
      operationId: 'getCyberCheck',
      tags,
      summary: 'One cyber check with its answers, progress and who last changed it',
      description: access,
      params: cyberCheckParamsSchema,
      response: { 200: cyberCheckSchema, ...errors },
    },
    handler: async (request) => cyberChecks.get(authOf(request).userId, request.params.schoolId, request.params.checkId),
  });

  api.put(`${base}/:checkId/answers/:itemId`, {
    preHandler: requireAuth,
    schema: {
      operationId: 'answerCyberCheckItem',
      tags,
      summary: 'Save the maturity of one measure; saved as given, so any manager can resume the check',
      description: `${access} A submitted check no longer changes (409 scan_submitted). Each answer is in the audit log with who gave it.`,
      params: cyberCheckAnswerParamsSchema,
      body: cyberCheckAnswerBodySchema,
      response: { 200: cyberCheckSchema, 409: errorBodySchema, ...errors },
    },
    handler: async (request) => {
      const { schoolId, checkId, itemId } = request.params;
      return cyberChecks.answer(authOf(request).userId, schoolId, checkId, itemId, request.body.option);
    },
  });

  api.post(`${base}/:checkId/submit`, {
    preHandler: requireAuth,
    schema: {
      operationId: 'submitCyberCheck',
      tags,
      summary: 'Submit a fully answered check; idempotent, and a submitted check never changes',
      description: `${access} A measure without an answer: 422 scan_incomplete naming every one.`,
      params: cyberCheckParamsSchema,
      response: { 200: cyberCheckSchema, 422: errorBodySchema, ...errors },
    },
    handler: async (request) => cyberChecks.submit(authOf(request).userId, request.params.schoolId, request.params.checkId),
  });

  api.get(`${base}/:checkId/result`, {
    preHandler: requireAuth,
    schema: {
      operationId: 'getCyberCheckResult',
      tags,
      summary: 'Per topic the mean maturity and share at target, beside the previous check, and the prioritised actions; JSON or CSV of the actions',
      description:
        `${access} Actions: every measure below the target, key measures first, then the larger gap, then topic order. ` +
        '"Don\'t know" counts as the lowest step and is marked. A check in progress has no result yet (409).',
      params: cyberCheckParamsSchema,
      querystring: cyberCheckResultQuerySchema,
      response: { 200: z.union([cyberCheckResultSchema, z.string().describe('text/csv')]), 409: errorBodySchema, ...errors },
    },
    handler: async (request, reply) => {
      const result = await cyberChecks.result(authOf(request).userId, request.params.schoolId, request.params.checkId);
      if (request.query.format === 'csv') return sendDownload(reply, 'csv', cyberCheckCsvFileName(result), cyberCheckActionsCsv(result, request.query.lang));
      return result;
    },
  });
}
