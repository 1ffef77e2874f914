import type { FastifyInstance, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import { catalogueEndpoints as endpoints } from '../../shared/catalogue/endpoints';
import { authOf } from '../platform/http/auth-hooks';
import { downloadDate, sendDownload } from '../platform/http/download';
import { route } from '../platform/http/route';
import type { CatalogueService } from './catalogue.service';

export function catalogueRoutes(app: FastifyInstance, deps: { catalogue: CatalogueService; requireAuth: preHandlerAsyncHookHandler; optionalAuth: preHandlerAsyncHookHandler }): void {
  const { catalogue, requireAuth, optionalAuth } = deps;
  const caller = (request: FastifyRequest) => catalogue.caller(request.auth);

  /*
   * searchTrainings is the catalogue's hottest read. Its body is built field by field in the
   * contract's order from typed rows (training-dto.ts) and kept, serialised, in the search cache,
   * so the route sends those bytes as they are instead of re-checking them with Zod on every
   * request; a test holds the bytes to the contract.
   */
  route(app, endpoints.searchTrainings, {
    // The bytes stand in for the typed body (see above).
    handler: async (request, reply) => reply.type('application/json; charset=utf-8').send(await catalogue.searchJson(request.query)),
  });

  route(app, endpoints.getTraining, {
    preHandler: optionalAuth,
    handler: async (request) => catalogue.getTraining(await caller(request), request.params.trainingId),
  });

  route(app, endpoints.createTraining, {
    preHandler: requireAuth,
    handler: async (request, reply) => reply.status(201).send(await catalogue.createTraining(await caller(request), request.query.providerId, request.body)),
  });

  route(app, endpoints.updateTraining, {
    preHandler: requireAuth,
    handler: async (request) => catalogue.updateTraining(await caller(request), request.params.trainingId, request.body),
  });

  route(app, endpoints.createSession, {
    preHandler: requireAuth,
    handler: async (request, reply) => reply.status(201).send(await catalogue.createSession(await caller(request), request.params.trainingId, request.body)),
  });

  route(app, endpoints.updateSession, {
    preHandler: requireAuth,
    handler: async (request) => catalogue.updateSession(await caller(request), request.params.sessionId, request.body),
  });

  route(app, endpoints.importTrainings, {
    preHandler: requireAuth,
    handler: async (request) => catalogue.importTrainings(await caller(request), request.query.providerId, request.body, request.query.dryRun),
  });

  route(app, endpoints.listProviderTrainings, {
    preHandler: requireAuth,
    handler: async (request) => ({ items: await catalogue.listProviderTrainings(await caller(request), request.query.providerId) }),
  });

  route(app, endpoints.exportTrainings, {
    preHandler: requireAuth,
    handler: async (request, reply) => {
      const csv = await catalogue.exportTrainings(await caller(request), request.query.providerId);
      return sendDownload(reply, 'csv', `opleidingen-${downloadDate()}.csv`, csv);
    },
  });

  route(app, endpoints.listProviders, {
    preHandler: optionalAuth,
    handler: async (request) => ({ items: await catalogue.listProviders(await caller(request)) }),
  });

  route(app, endpoints.createProvider, {
    preHandler: requireAuth,
    handler: async (request, reply) => reply.status(201).send(await catalogue.createProvider(authOf(request).userId, request.body)),
  });

  route(app, endpoints.verifyProvider, {
    preHandler: requireAuth,
    handler: async (request) => catalogue.verifyProvider(authOf(request).userId, request.params.providerId),
  });
}
