import type { FastifyInstance, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import { enrolmentEndpoints as endpoints } from '../../shared/catalogue/endpoints';
import { unauthenticated } from '../../shared/errors';
import { sendDownload } from '../platform/http/download';
import { nullWhenNothingYet } from '../platform/http/nothing-yet';
import { route } from '../platform/http/route';
import type { CatalogueService } from './catalogue.service';
import { EnrolmentService } from './enrolment.service';
import type { RecommendationService } from './recommendation.service';

export function enrolmentRoutes(
  app: FastifyInstance,
  deps: { catalogue: CatalogueService; enrolments: EnrolmentService; recommendations: RecommendationService; requireAuth: preHandlerAsyncHookHandler },
): void {
  const { enrolments, requireAuth } = deps;
  const caller = (request: FastifyRequest) => deps.catalogue.caller(request.auth);

  route(app, endpoints.enrolInSession, {
    preHandler: requireAuth,
    handler: async (request, reply) => reply.status(201).send(await enrolments.enrol(await caller(request), request.params.sessionId)),
  });

  route(app, endpoints.cancelEnrolment, {
    preHandler: requireAuth,
    handler: async (request) => enrolments.cancel(await caller(request), request.params.enrolmentId),
  });

  route(app, endpoints.listMyEnrolments, {
    preHandler: requireAuth,
    handler: async (request) => ({ items: await enrolments.listMine(await caller(request)) }),
  });

  route(app, endpoints.listSessionEnrolments, {
    preHandler: requireAuth,
    handler: async (request, reply) => {
      const items = await enrolments.sessionList(await caller(request), request.params.sessionId);
      if (request.query.format === 'json') return { items };
      return sendDownload(reply, 'csv', `inschrijvingen-${request.params.sessionId}.csv`, EnrolmentService.sessionListCsv(items));
    },
  });

  route(app, endpoints.getMyRecommendations, {
    preHandler: requireAuth,
    // Only the teacher's id is needed: no roles or provider organisations to read first. The
    // answer is built in the contract's shape and key order (a test holds it to the schema), so
    // it goes out as a JSON string, past the serializer's parse of every field.
    handler: async (request, reply) => {
      if (!request.auth) throw unauthenticated();
      const body = await deps.recommendations.recommendationsJsonForUser(request.auth.userId, request.query.limit).catch(nullWhenNothingYet);
      return reply.type('application/json; charset=utf-8').send(body);
    },
  });

  route(app, endpoints.listMyBookmarks, {
    preHandler: requireAuth,
    handler: async (request) => ({ items: await enrolments.listBookmarks(await caller(request)) }),
  });

  route(app, endpoints.addBookmark, {
    preHandler: requireAuth,
    handler: async (request, reply) => {
      await enrolments.addBookmark(await caller(request), request.params.trainingId);
      return reply.status(204).send(undefined);
    },
  });

  route(app, endpoints.removeBookmark, {
    preHandler: requireAuth,
    handler: async (request, reply) => {
      await enrolments.removeBookmark(await caller(request), request.params.trainingId);
      return reply.status(204).send(undefined);
    },
  });

  route(app, endpoints.listMyCompletions, {
    preHandler: requireAuth,
    handler: async (request) => ({ items: await enrolments.listCompletions(await caller(request)) }),
  });

  route(app, endpoints.markTrainingCompleted, {
    preHandler: requireAuth,
    handler: async (request, reply) => {
      await enrolments.markCompleted(await caller(request), request.params.trainingId, request.body.completedOn);
      return reply.status(204).send(undefined);
    },
  });

  route(app, endpoints.unmarkTrainingCompleted, {
    preHandler: requireAuth,
    handler: async (request, reply) => {
      await enrolments.unmarkCompleted(await caller(request), request.params.trainingId);
      return reply.status(204).send(undefined);
    },
  });
}
