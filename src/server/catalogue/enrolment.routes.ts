import type { FastifyInstance, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  completionBodySchema,
  completionListSchema,
  enrolmentListSchema,
  enrolmentParamsSchema,
  enrolmentSchema,
  listFormatQuerySchema,
  recommendationsQuerySchema,
  recommendationsSchema,
  sessionEnrolmentListSchema,
  sessionParamsSchema,
  trainingParamsSchema,
  trainingSummaryListSchema,
} from '../../shared/catalogue/api';
import { errorBodySchema, unauthenticated } from '../../shared/errors';
import { sendDownload } from '../platform/http/download';
import type { CatalogueService } from './catalogue.service';
import { EnrolmentService } from './enrolment.service';
import type { RecommendationService } from './recommendation.service';

const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema };
const tags = ['catalogue'];
const noContent = { 204: z.undefined().describe('Done') };

export function enrolmentRoutes(
  app: FastifyInstance,
  deps: { catalogue: CatalogueService; enrolments: EnrolmentService; recommendations: RecommendationService; requireAuth: preHandlerAsyncHookHandler },
): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { enrolments, requireAuth } = deps;
  const caller = (request: FastifyRequest) => deps.catalogue.caller(request.auth);

  api.post('/api/sessions/:sessionId/enrolments', {
    preHandler: requireAuth,
    schema: {
      operationId: 'enrolInSession',
      tags,
      summary: 'Enrol in a session; when it is full you join its waiting list',
      description: 'After the enrolment deadline or once the session started: 409 enrolment_closed. Enrolled or waiting already: 409 conflict.',
      params: sessionParamsSchema,
      response: { 201: enrolmentSchema, 409: errorBodySchema, ...errors },
    },
    handler: async (request, reply) => reply.status(201).send(await enrolments.enrol(await caller(request), request.params.sessionId)),
  });

  api.delete('/api/enrolments/:enrolmentId', {
    preHandler: requireAuth,
    schema: {
      operationId: 'cancelEnrolment',
      tags,
      summary: 'Cancel your enrolment or leave the waiting list; the first on the waiting list takes the seat',
      description: 'After the cancellation deadline an enrolment can no longer be cancelled: 409 cancellation_closed. Leaving a waiting list is always possible.',
      params: enrolmentParamsSchema,
      response: { 200: enrolmentSchema, 409: errorBodySchema, ...errors },
    },
    handler: async (request) => enrolments.cancel(await caller(request), request.params.enrolmentId),
  });

  api.get('/api/me/enrolments', {
    preHandler: requireAuth,
    schema: { operationId: 'listMyEnrolments', tags, summary: 'Your enrolments and waiting-list places, soonest first', response: { 200: enrolmentListSchema, ...errors } },
    handler: async (request) => ({ items: await enrolments.listMine(await caller(request)) }),
  });

  api.get('/api/sessions/:sessionId/enrolments', {
    preHandler: requireAuth,
    schema: {
      operationId: 'listSessionEnrolments',
      tags,
      summary: 'Who enrolled in a session of your provider organisation (JSON, or a CSV download with ?format=csv)',
      params: sessionParamsSchema,
      querystring: listFormatQuerySchema,
      response: { 200: z.union([sessionEnrolmentListSchema, z.string().describe('text/csv')]), ...errors },
    },
    handler: async (request, reply) => {
      const items = await enrolments.sessionList(await caller(request), request.params.sessionId);
      if (request.query.format === 'json') return { items };
      return sendDownload(reply, 'csv', `inschrijvingen-${request.params.sessionId}.csv`, EnrolmentService.sessionListCsv(items));
    },
  });

  api.get('/api/me/recommendations', {
    preHandler: requireAuth,
    schema: {
      operationId: 'getMyRecommendations',
      tags,
      summary: 'Trainings for your weakest competences, from your latest Digisnap profile; 404 before your first submitted scan',
      querystring: recommendationsQuerySchema,
      response: { 200: recommendationsSchema, ...errors },
    },
    // Only the teacher's id is needed: no roles or provider organisations to read first.
    handler: async (request) => {
      if (!request.auth) throw unauthenticated();
      return deps.recommendations.recommendationsForUser(request.auth.userId, request.query.limit);
    },
  });

  api.get('/api/me/bookmarks', {
    preHandler: requireAuth,
    schema: { operationId: 'listMyBookmarks', tags, summary: 'The trainings you bookmarked, last first', response: { 200: trainingSummaryListSchema, ...errors } },
    handler: async (request) => ({ items: await enrolments.listBookmarks(await caller(request)) }),
  });

  api.put('/api/me/bookmarks/:trainingId', {
    preHandler: requireAuth,
    schema: { operationId: 'addBookmark', tags, summary: 'Bookmark a training', params: trainingParamsSchema, response: { ...noContent, ...errors } },
    handler: async (request, reply) => {
      await enrolments.addBookmark(await caller(request), request.params.trainingId);
      return reply.status(204).send(undefined);
    },
  });

  api.delete('/api/me/bookmarks/:trainingId', {
    preHandler: requireAuth,
    schema: { operationId: 'removeBookmark', tags, summary: 'Remove a bookmark', params: trainingParamsSchema, response: { ...noContent, ...errors } },
    handler: async (request, reply) => {
      await enrolments.removeBookmark(await caller(request), request.params.trainingId);
      return reply.status(204).send(undefined);
    },
  });

  api.get('/api/me/completions', {
    preHandler: requireAuth,
    schema: { operationId: 'listMyCompletions', tags, summary: 'Your training history: trainings you completed, latest first', response: { 200: completionListSchema, ...errors } },
    handler: async (request) => ({ items: await enrolments.listCompletions(await caller(request)) }),
  });

  api.put('/api/me/completions/:trainingId', {
    preHandler: requireAuth,
    schema: {
      operationId: 'markTrainingCompleted',
      tags,
      summary: 'Record that you completed a training (on a day not in the future)',
      params: trainingParamsSchema,
      body: completionBodySchema,
      response: { ...noContent, ...errors },
    },
    handler: async (request, reply) => {
      await enrolments.markCompleted(await caller(request), request.params.trainingId, request.body.completedOn);
      return reply.status(204).send(undefined);
    },
  });

  api.delete('/api/me/completions/:trainingId', {
    preHandler: requireAuth,
    schema: { operationId: 'unmarkTrainingCompleted', tags, summary: 'Remove a training from your history', params: trainingParamsSchema, response: { ...noContent, ...errors } },
    handler: async (request, reply) => {
      await enrolments.unmarkCompleted(await caller(request), request.params.trainingId);
      return reply.status(204).send(undefined);
    },
  });
}
