import type { FastifyInstance, preHandlerAsyncHookHandler } from 'fastify';
import { adminEndpoints as endpoints } from '../../../shared/platform/admin-endpoints';
import { authOf } from '../http/auth-hooks';
import { route } from '../http/route';
import type { AdminService } from './admin.service';

export function adminRoutes(app: FastifyInstance, deps: { admin: AdminService; requireAuth: preHandlerAsyncHookHandler }): void {
  const { admin, requireAuth } = deps;

  route(app, endpoints.listAccounts, {
    preHandler: requireAuth,
    handler: async (request) => admin.listAccounts(authOf(request).userId, request.query),
  });

  route(app, endpoints.blockAccount, {
    preHandler: requireAuth,
    handler: async (request) => admin.blockAccount(authOf(request).userId, request.params.accountId),
  });

  route(app, endpoints.unblockAccount, {
    preHandler: requireAuth,
    handler: async (request) => admin.unblockAccount(authOf(request).userId, request.params.accountId),
  });

  route(app, endpoints.sendPasswordResetLink, {
    preHandler: requireAuth,
    handler: async (request, reply) => {
      await admin.sendPasswordResetLink(authOf(request).userId, request.params.accountId);
      return reply.status(204).send();
    },
  });

  route(app, endpoints.listAuditLog, {
    preHandler: requireAuth,
    handler: async (request) => admin.listAuditLog(authOf(request).userId, request.query),
  });
}
