import type { FastifyInstance, preHandlerAsyncHookHandler } from 'fastify';
import { fundingEndpoints as endpoints } from '../../shared/infra/funding-endpoints';
import { authOf } from '../platform/http/auth-hooks';
import { sendDownload } from '../platform/http/download';
import { route } from '../platform/http/route';
import type { FundingService } from './funding.service';

/** The ICT park's funding: the school's summary, pupil counts, terms, spending and evidence; the board's summary and evidence export. */
export function fundingRoutes(app: FastifyInstance, deps: { funding: FundingService; requireAuth: preHandlerAsyncHookHandler }): void {
  const { funding, requireAuth } = deps;

  route(app, endpoints.getFundingSummary, {
    preHandler: requireAuth,
    handler: async (request) => funding.summary(authOf(request).userId, request.params.schoolId, request.query.scheme),
  });

  route(app, endpoints.setPupilCounts, {
    preHandler: requireAuth,
    handler: async (request) => funding.setPupilCounts(authOf(request).userId, request.params.schoolId, request.body),
  });

  route(app, endpoints.importPupilCounts, {
    preHandler: requireAuth,
    handler: async (request) => funding.importPupilCounts(authOf(request).userId, request.params.schoolId, request.body),
  });

  route(app, endpoints.setFundingTerms, {
    preHandler: requireAuth,
    handler: async (request) => funding.setTerms(authOf(request).userId, request.params.schoolId, request.body),
  });

  route(app, endpoints.recordSpending, {
    preHandler: requireAuth,
    handler: async (request, reply) => reply.status(201).send(await funding.recordSpending(authOf(request).userId, request.params.schoolId, request.body)),
  });

  route(app, endpoints.addSpendingEvidence, {
    preHandler: requireAuth,
    handler: async (request) => funding.addEvidence(authOf(request).userId, request.params.spendingId, request.body),
  });

  route(app, endpoints.getBoardFundingSummary, {
    preHandler: requireAuth,
    handler: async (request) => funding.boardSummary(authOf(request).userId, request.params.boardId, request.query.scheme),
  });

  route(app, endpoints.exportFundingEvidence, {
    preHandler: requireAuth,
    handler: async (request, reply) => {
      const { fileName, zip } = await funding.evidenceExport(authOf(request).userId, request.params.boardId, request.query);
      return sendDownload(reply, 'zip', fileName, zip);
    },
  });
}
