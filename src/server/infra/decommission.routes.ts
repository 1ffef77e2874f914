import type { FastifyInstance, preHandlerAsyncHookHandler } from 'fastify';
import { decommissionEndpoints as endpoints } from '../../shared/infra/decommission-endpoints';
import { authOf } from '../platform/http/auth-hooks';
import { route } from '../platform/http/route';
import type { DecommissionService } from './decommission.service';

/** The end of devices' lives: reuse partners, decommission batches, the replacement forecast. */
export function decommissionRoutes(app: FastifyInstance, deps: { decommission: DecommissionService; requireAuth: preHandlerAsyncHookHandler }): void {
  const { decommission, requireAuth } = deps;

  route(app, endpoints.listReusePartners, {
    preHandler: requireAuth,
    handler: async () => decommission.reusePartners(),
  });

  route(app, endpoints.listDecommissionBatches, {
    preHandler: requireAuth,
    handler: async (request) => decommission.listBatches(authOf(request).userId, request.params.schoolId),
  });

  route(app, endpoints.createDecommissionBatch, {
    preHandler: requireAuth,
    handler: async (request, reply) => reply.status(201).send(await decommission.createBatch(authOf(request).userId, request.params.schoolId, request.body)),
  });

  route(app, endpoints.getDecommissionBatch, {
    preHandler: requireAuth,
    handler: async (request) => decommission.getBatch(authOf(request).userId, request.params.batchId),
  });

  route(app, endpoints.attachDecommissionCertificate, {
    preHandler: requireAuth,
    handler: async (request) => decommission.attachCertificate(authOf(request).userId, request.params.batchId, request.body),
  });

  route(app, endpoints.getReplacementForecast, {
    preHandler: requireAuth,
    handler: async (request) => decommission.replacementForecast(authOf(request).userId, request.params.schoolId),
  });
}
