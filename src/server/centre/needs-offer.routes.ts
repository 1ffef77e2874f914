import type { FastifyInstance, preHandlerAsyncHookHandler } from 'fastify';
import { needsOfferEndpoints as endpoints } from '../../shared/centre/needs-offer.endpoints';
import { authOf } from '../platform/http/auth-hooks';
import { route } from '../platform/http/route';
import type { NeedsOfferService } from './needs-offer.service';

const json = 'application/json; charset=utf-8';

/** The needs against the offer: the ranked gaps (bytes kept per data version), the targets, the providers and the message. */
export function needsOfferRoutes(app: FastifyInstance, deps: { needsOffer: NeedsOfferService; requireAuth: preHandlerAsyncHookHandler }): void {
  const { needsOffer, requireAuth } = deps;

  route(app, endpoints.getNeedsVersusOffer, {
    preHandler: requireAuth,
    handler: async (request, reply) => reply.type(json).send(await needsOffer.needsVersusOfferJson(authOf(request).userId, request.query)),
  });

  route(app, endpoints.setCentreTarget, {
    preHandler: requireAuth,
    handler: async (request) => needsOffer.setTarget(authOf(request).userId, request.params.competence, request.body.level),
  });

  route(app, endpoints.listGapProviders, {
    preHandler: requireAuth,
    handler: async (request) => needsOffer.gapProviders(authOf(request).userId, request.query),
  });

  route(app, endpoints.messageProvidersAboutGap, {
    preHandler: requireAuth,
    handler: async (request) => needsOffer.messageProviders(authOf(request).userId, request.body),
  });
}
