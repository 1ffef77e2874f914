import type { FastifyInstance, preHandlerAsyncHookHandler } from 'fastify';
import { cyberCheckActionsCsv, cyberCheckCsvFileName } from '../../../shared/school/cyber-check/cyber-check-csv';
import { cyberCheckEndpoints as endpoints } from '../../../shared/school/cyber-check/endpoints';
import { authOf } from '../../platform/http/auth-hooks';
import { sendDownload } from '../../platform/http/download';
import { route } from '../../platform/http/route';
import type { CyberCheckService } from './cyber-check.service';

/** The school's cybersecurity check: one in progress per school, answered measure by measure, with a prioritised action list. */
export function cyberCheckRoutes(app: FastifyInstance, deps: { cyberChecks: CyberCheckService; requireAuth: preHandlerAsyncHookHandler }): void {
  const { cyberChecks, requireAuth } = deps;

  route(app, endpoints.getCyberCheckInstrument, {
    preHandler: requireAuth,
    handler: async (request) => cyberChecks.instrument(request.params.version),
  });

  route(app, endpoints.startCyberCheck, {
    preHandler: requireAuth,
    handler: async (request, reply) => {
      const { check, created } = await cyberChecks.start(authOf(request).userId, request.params.schoolId);
      return reply.status(created ? 201 : 200).send(check);
    },
  });

  route(app, endpoints.listCyberChecks, {
    preHandler: requireAuth,
    handler: async (request) => ({ items: await cyberChecks.list(authOf(request).userId, request.params.schoolId) }),
  });

  route(app, endpoints.getCyberCheckParkFacts, {
    preHandler: requireAuth,
    handler: async (request) => cyberChecks.parkFacts(authOf(request).userId, request.params.schoolId),
  });

  route(app, endpoints.getCyberCheck, {
    preHandler: requireAuth,
    handler: async (request) => cyberChecks.get(authOf(request).userId, request.params.schoolId, request.params.checkId),
  });

  route(app, endpoints.answerCyberCheckItem, {
    preHandler: requireAuth,
    handler: async (request) => {
      const { schoolId, checkId, itemId } = request.params;
      return cyberChecks.answer(authOf(request).userId, schoolId, checkId, itemId, request.body.option);
    },
  });

  route(app, endpoints.submitCyberCheck, {
    preHandler: requireAuth,
    handler: async (request) => cyberChecks.submit(authOf(request).userId, request.params.schoolId, request.params.checkId),
  });

  route(app, endpoints.getCyberCheckResult, {
    preHandler: requireAuth,
    handler: async (request, reply) => {
      const result = await cyberChecks.result(authOf(request).userId, request.params.schoolId, request.params.checkId);
      if (request.query.format === 'csv') return sendDownload(reply, 'csv', cyberCheckCsvFileName(result), cyberCheckActionsCsv(result, request.query.lang));
      return result;
    },
  });
}
