import type { FastifyInstance, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  importJsonBodySchema,
  importQuerySchema,
  importReportSchema,
  providerChoiceQuerySchema,
  providerInputSchema,
  providerListSchema,
  providerParamsSchema,
  providerSchema,
  searchQuerySchema,
  searchResultSchema,
  sessionInputSchema,
  sessionParamsSchema,
  sessionSchema,
  trainingInputSchema,
  trainingParamsSchema,
  trainingSchema,
  trainingSummaryListSchema,
} from '../../shared/catalogue/api';
import { errorBodySchema } from '../../shared/errors';
import { downloadDate, sendDownload } from '../platform/http/download';
import type { CatalogueService } from './catalogue.service';

const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema };
const tags = ['catalogue'];
/** A CSV of 20,000 trainings with long descriptions. */
const IMPORT_BODY_LIMIT = 50 * 1024 * 1024;


export function catalogueRoutes(
  app: FastifyInstance,
  deps: { catalogue: CatalogueService; requireAuth: preHandlerAsyncHookHandler; optionalAuth: preHandlerAsyncHookHandler },
): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { catalogue, requireAuth, optionalAuth } = deps;
  const caller = (request: FastifyRequest) => catalogue.caller(request.auth);

  // CSV files come as text; the import route takes them besides JSON.
  app.addContentTypeParser(['text/csv', 'application/csv'], { parseAs: 'string', bodyLimit: IMPORT_BODY_LIMIT }, (_request, body, done) =>
    done(null, body),
  );

  /*
   * searchTrainings is the catalogue's hottest read. Its body is built field by field in the
   * contract's order from typed rows (training-dto.ts) and kept, serialised, in the search cache,
   * so the route sends those bytes as they are instead of re-checking them with Zod on every
   * request; a test holds the bytes to the contract.
   */
  api.get('/api/trainings', {
    schema: {
      operationId: 'searchTrainings',
      tags,
      summary: 'Search published trainings: words (any case, with or without accents, prefixes), filters, facet counts, pages',
      description:
        'Every word must match title, summary or description as a word or the start of one. Each facet counts the results of all ' +
        'the other filters, so a reader sees what choosing a value would give. Results may lag writes by up to 30 seconds.',
      querystring: searchQuerySchema,
      response: { 200: searchResultSchema, 400: errorBodySchema },
    },
    // The bytes stand in for the typed body (see above), hence the cast.
    handler: async (request, reply) => reply.type('application/json; charset=utf-8').send((await catalogue.searchJson(request.query)) as never),
  });

  api.get('/api/trainings/:trainingId', {
    preHandler: optionalAuth,
    schema: {
      operationId: 'getTraining',
      tags,
      summary: 'One training with its sessions (upcoming first), and the caller’s own enrolment, bookmark and completion',
      params: trainingParamsSchema,
      response: { 200: trainingSchema, ...errors },
    },
    handler: async (request) => catalogue.getTraining(await caller(request), request.params.trainingId),
  });

  api.post('/api/trainings', {
    preHandler: requireAuth,
    schema: {
      operationId: 'createTraining',
      tags,
      summary: 'Add a training of your provider organisation (admins name the provider with ?providerId=)',
      querystring: providerChoiceQuerySchema,
      body: trainingInputSchema,
      response: { 201: trainingSchema, ...errors },
    },
    handler: async (request, reply) => reply.status(201).send(await catalogue.createTraining(await caller(request), request.query.providerId, request.body)),
  });

  api.put('/api/trainings/:trainingId', {
    preHandler: requireAuth,
    schema: {
      operationId: 'updateTraining',
      tags,
      summary: 'Change a training of your provider organisation; every field is replaced',
      params: trainingParamsSchema,
      body: trainingInputSchema,
      response: { 200: trainingSchema, ...errors },
    },
    handler: async (request) => catalogue.updateTraining(await caller(request), request.params.trainingId, request.body),
  });

  api.post('/api/trainings/:trainingId/sessions', {
    preHandler: requireAuth,
    schema: {
      operationId: 'createSession',
      tags,
      summary: 'Add a session (date, place, capacity, deadlines) to a training of your provider organisation',
      params: trainingParamsSchema,
      body: sessionInputSchema,
      response: { 201: sessionSchema, ...errors },
    },
    handler: async (request, reply) => reply.status(201).send(await catalogue.createSession(await caller(request), request.params.trainingId, request.body)),
  });

  api.put('/api/sessions/:sessionId', {
    preHandler: requireAuth,
    schema: {
      operationId: 'updateSession',
      tags,
      summary: 'Change a session; the capacity never drops below the people enrolled, and added seats go to the waiting list',
      params: sessionParamsSchema,
      body: sessionInputSchema,
      response: { 200: sessionSchema, ...errors },
    },
    handler: async (request) => catalogue.updateSession(await caller(request), request.params.sessionId, request.body),
  });

  api.post('/api/trainings/import', {
    preHandler: requireAuth,
    bodyLimit: IMPORT_BODY_LIMIT,
    schema: {
      operationId: 'importTrainings',
      tags,
      summary: 'Import trainings from CSV (text/csv; semicolon, Dutch headers) or JSON ({ trainings: [...] }), all or nothing',
      description:
        'Any bad line makes the whole import fail with 422 import_rejected; `details` then names every bad line and field ' +
        '(`line 3: prijs_euro`, or `body.trainings.2.priceEuro` for JSON) and nothing is written. `?dryRun=true` only checks; ' +
        'its `imported` counts the trainings that would be imported.',
      querystring: importQuerySchema,
      body: z.union([z.string().min(1).describe('The CSV file, as text/csv'), importJsonBodySchema]),
      response: { 200: importReportSchema, 422: errorBodySchema, ...errors },
    },
    handler: async (request) => catalogue.importTrainings(await caller(request), request.query.providerId, request.body, request.query.dryRun),
  });

  api.get('/api/provider/trainings', {
    preHandler: requireAuth,
    schema: {
      operationId: 'listProviderTrainings',
      tags,
      summary: 'The trainings of your provider organisation, in every status, last changed first',
      querystring: providerChoiceQuerySchema,
      response: { 200: trainingSummaryListSchema, ...errors },
    },
    handler: async (request) => ({ items: await catalogue.listProviderTrainings(await caller(request), request.query.providerId) }),
  });

  api.get('/api/provider/trainings/export', {
    preHandler: requireAuth,
    schema: {
      operationId: 'exportTrainings',
      tags,
      summary: 'Download the trainings of your provider organisation as CSV, in the columns the import reads',
      querystring: providerChoiceQuerySchema,
      response: { 200: z.string().describe('text/csv'), ...errors },
    },
    handler: async (request, reply) => {
      const csv = await catalogue.exportTrainings(await caller(request), request.query.providerId);
      return sendDownload(reply, 'csv', `opleidingen-${downloadDate()}.csv`, csv);
    },
  });

  api.get('/api/providers', {
    preHandler: optionalAuth,
    schema: {
      operationId: 'listProviders',
      tags,
      summary: 'Training providers: the verified ones; admins and centre analysts see all',
      response: { 200: providerListSchema, 400: errorBodySchema },
    },
    handler: async (request) => ({ items: await catalogue.listProviders(await caller(request)) }),
  });

  api.post('/api/providers', {
    preHandler: requireAuth,
    schema: {
      operationId: 'createProvider',
      tags,
      summary: 'Add a training provider organisation (admins and centre analysts)',
      body: providerInputSchema,
      response: { 201: providerSchema, ...errors },
    },
    handler: async (request, reply) => reply.status(201).send(await catalogue.createProvider(await caller(request), request.body)),
  });

  api.post('/api/providers/:providerId/verify', {
    preHandler: requireAuth,
    schema: {
      operationId: 'verifyProvider',
      tags,
      summary: 'Mark a provider as verified (admins and centre analysts)',
      params: providerParamsSchema,
      response: { 200: providerSchema, ...errors },
    },
    handler: async (request) => catalogue.verifyProvider(await caller(request), request.params.providerId),
  });
}
