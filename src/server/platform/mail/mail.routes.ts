import type { FastifyInstance, preHandlerAsyncHookHandler } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorBodySchema } from '../../../shared/errors';
import { outboxListSchema, outboxQuerySchema } from '../../../shared/platform/mail';
import { authOf } from '../http/auth-hooks';
import type { MailService } from './mail.service';

export function mailRoutes(app: FastifyInstance, deps: { mail: MailService; requireAuth: preHandlerAsyncHookHandler }): void {
  app.withTypeProvider<ZodTypeProvider>().get('/api/admin/outbox', {
    preHandler: deps.requireAuth,
    schema: {
      operationId: 'listOutbox',
      tags: ['platform'],
      summary: 'The newest mails the platform sent or keeps (admins only)',
      description: 'Without SMTP_URL every mail stays here as `queued`; with it, each is `sent` or `failed` (with the reason).',
      querystring: outboxQuerySchema,
      response: { 200: outboxListSchema, 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema },
    },
    handler: async (request) => ({ items: await deps.mail.listOutbox(authOf(request).userId, request.query) }),
  });
}
