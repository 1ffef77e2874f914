import type { FastifyInstance, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import { reflectionEndpoints as endpoints } from '../../../shared/school/reflection/endpoints';
import { reflectionReportCsv } from '../../../shared/school/reflection/reflection-csv';
import { authOf, CSRF_HEADER } from '../../platform/http/auth-hooks';
import { sendDownload } from '../../platform/http/download';
import { route } from '../../platform/http/route';
import type { ReflectionService } from './reflection.service';

/** Reflection rounds (school reflection, AI readiness), anonymous answering and the report. */
export function reflectionRoutes(
  app: FastifyInstance,
  deps: { reflections: ReflectionService; requireAuth: preHandlerAsyncHookHandler; optionalAuth: preHandlerAsyncHookHandler },
): void {
  const { reflections, requireAuth, optionalAuth } = deps;

  route(app, endpoints.listReflectionInstruments, {
    preHandler: requireAuth,
    handler: async () => ({ items: reflections.listInstruments() }),
  });

  // ---------------------------------------------------------------- rounds (managers)

  route(app, endpoints.openReflectionRound, {
    preHandler: requireAuth,
    handler: async (request, reply) => reply.status(201).send(await reflections.openRound(authOf(request).userId, request.params.schoolId, request.body)),
  });

  route(app, endpoints.listReflectionRounds, {
    preHandler: requireAuth,
    handler: async (request) => ({ items: await reflections.listRounds(authOf(request).userId, request.params.schoolId) }),
  });

  route(app, endpoints.getReflectionRound, {
    preHandler: requireAuth,
    handler: async (request) => reflections.getRound(authOf(request).userId, request.params.schoolId, request.params.roundId),
  });

  route(app, endpoints.closeReflectionRound, {
    preHandler: requireAuth,
    handler: async (request) => reflections.closeRound(authOf(request).userId, request.params.schoolId, request.params.roundId),
  });

  route(app, endpoints.reopenReflectionRound, {
    preHandler: requireAuth,
    handler: async (request) => reflections.reopenRound(authOf(request).userId, request.params.schoolId, request.params.roundId, request.body ?? {}),
  });

  route(app, endpoints.createReflectionCode, {
    preHandler: requireAuth,
    handler: async (request, reply) => reply.status(201).send(await reflections.createCode(authOf(request).userId, request.params.schoolId, request.params.roundId, request.body)),
  });

  route(app, endpoints.rotateReflectionCode, {
    preHandler: requireAuth,
    handler: async (request) => reflections.rotateCode(authOf(request).userId, request.params.schoolId, request.params.roundId, request.params.codeId),
  });

  route(app, endpoints.revokeReflectionCode, {
    preHandler: requireAuth,
    handler: async (request) => reflections.revokeCode(authOf(request).userId, request.params.schoolId, request.params.roundId, request.params.codeId),
  });

  route(app, endpoints.getReflectionReport, {
    preHandler: requireAuth,
    handler: async (request, reply) => {
      const report = await reflections.report(authOf(request).userId, request.params.schoolId, request.params.roundId);
      if (request.query.format !== 'csv') return report;
      const file = `reflectie-${report.round.instrument.id}-${report.round.opensOn}.csv`;
      return sendDownload(reply, 'csv', file, reflectionReportCsv(report, request.query.lang));
    },
  });

  // ---------------------------------------------------------------- respondents with an account

  route(app, endpoints.listMyReflections, {
    preHandler: requireAuth,
    handler: async (request) => ({ items: await reflections.listMyRounds(authOf(request).userId) }),
  });

  route(app, endpoints.startReflectionResponse, {
    preHandler: requireAuth,
    handler: async (request, reply) => reply.status(201).send(await reflections.startAccountResponse(authOf(request).userId, request.params.roundId)),
  });

  // ---------------------------------------------------------------- pupils, by class code

  route(app, endpoints.getReflectionCode, {
    handler: async (request) => reflections.codeInfo(request.params.code),
  });

  route(app, endpoints.startPupilReflection, {
    handler: async (request, reply) => reply.status(201).send(await reflections.startPupilResponse(request.params.code)),
  });

  // ---------------------------------------------------------------- any response, by its token

  route(app, endpoints.getReflectionResponse, {
    handler: async (request) => reflections.getResponse(request.params.token),
  });

  route(app, endpoints.answerReflectionItem, {
    handler: async (request) => reflections.answer(request.params.token, request.params.item, request.body.option),
  });

  route(app, endpoints.submitReflectionResponse, {
    preHandler: optionalAuth,
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
