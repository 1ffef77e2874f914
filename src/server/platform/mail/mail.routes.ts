import type { FastifyInstance, preHandlerAsyncHookHandler } from 'fastify';
import { mailEndpoints as endpoints } from '../../../shared/platform/endpoints';
import { authOf } from '../http/auth-hooks';
import { route } from '../http/route';
import type { MailService } from './mail.service';

export function mailRoutes(app: FastifyInstance, deps: { mail: MailService; requireAuth: preHandlerAsyncHookHandler }): void {
  route(app, endpoints.listOutbox, {
    preHandler: deps.requireAuth,
    handler: async (request) => ({ items: await deps.mail.listOutbox(authOf(request).userId, request.query) }),
  });
}
