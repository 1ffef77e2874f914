import type { FastifyInstance, preHandlerAsyncHookHandler } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  answerBodySchema,
  answerParamsSchema,
  backgroundSchema,
  exportQuerySchema,
  profileSchema,
  scanListSchema,
  scanParamsSchema,
  scanSchema,
} from '../../shared/digisnap/api';
import { frameworkSchema } from '../../shared/digisnap/framework';
import { errorBodySchema } from '../../shared/errors';
import type { AuthService } from '../platform/auth/auth.service';
import { authOf } from '../platform/http/auth-hooks';
import { downloadDate, sendDownload } from '../platform/http/download';
import type { DigisnapService } from './digisnap.service';
import { exportCsv } from './digisnap.export';

const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema };
const tags = ['digisnap'];

export function digisnapRoutes(
  app: FastifyInstance,
  deps: { digisnap: DigisnapService; auth: AuthService; requireAuth: preHandlerAsyncHookHandler },
): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { digisnap, requireAuth } = deps;

  api.get('/api/frameworks/current', {
    schema: {
      operationId: 'getCurrentFramework',
      tags,
      summary: 'The competence framework new scans are taken with: areas, competences, items, options, levels, tips',
      response: { 200: frameworkSchema },
    },
    handler: async () => digisnap.currentFramework(),
  });

  api.post('/api/scans', {
    preHandler: requireAuth,
    schema: {
      operationId: 'startScan',
      tags,
      summary: 'Start a scan, or resume the one in progress',
      response: { 200: scanSchema, 201: scanSchema, ...errors },
    },
    handler: async (request, reply) => {
      const { scan, created } = await digisnap.startScan(authOf(request).userId);
      return reply.status(created ? 201 : 200).send(scan);
    },
  });

  api.get('/api/scans/:scanId', {
    preHandler: requireAuth,
    schema: { operationId: 'getScan', tags, summary: 'One of your scans', params: scanParamsSchema, response: { 200: scanSchema, ...errors } },
    handler: async (request) => digisnap.getScan(authOf(request).userId, request.params.scanId),
  });

  api.put('/api/scans/:scanId/answers/:competence', {
    preHandler: requireAuth,
    schema: {
      operationId: 'answerScanItem',
      tags,
      summary: 'Save the answer to one competence; saved as given, so a scan can be resumed anywhere',
      params: answerParamsSchema,
      body: answerBodySchema,
      response: { 200: scanSchema, 409: errorBodySchema, ...errors },
    },
    handler: async (request) =>
      digisnap.answerItem(authOf(request).userId, request.params.scanId, request.params.competence, request.body.option),
  });

  api.put('/api/scans/:scanId/background', {
    preHandler: requireAuth,
    schema: {
      operationId: 'answerScanBackground',
      tags,
      summary: 'Save the optional background questions (null clears one)',
      params: scanParamsSchema,
      body: backgroundSchema,
      response: { 200: scanSchema, 409: errorBodySchema, ...errors },
    },
    handler: async (request) => digisnap.answerBackground(authOf(request).userId, request.params.scanId, request.body),
  });

  api.post('/api/scans/:scanId/submit', {
    preHandler: requireAuth,
    schema: {
      operationId: 'submitScan',
      tags,
      summary: 'Submit a fully answered scan; idempotent, and a submitted scan never changes',
      params: scanParamsSchema,
      response: { 200: scanSchema, 422: errorBodySchema, ...errors },
    },
    handler: async (request) => digisnap.submitScan(authOf(request).userId, request.params.scanId),
  });

  api.get('/api/me/scans', {
    preHandler: requireAuth,
    schema: { operationId: 'listMyScans', tags, summary: 'Your scans, newest first', response: { 200: scanListSchema, ...errors } },
    handler: async (request) => ({ scans: await digisnap.listScans(authOf(request).userId) }),
  });

  api.get('/api/me/profile', {
    preHandler: requireAuth,
    schema: {
      operationId: 'getMyProfile',
      tags,
      summary: 'Your competence profile from your latest submitted scan, with growth since earlier scans',
      response: { 200: profileSchema, ...errors },
    },
    // The profile is stored as the JSON this route sends (written at submit, held to the contract
    // by a test), so it goes out as it is: a JSON string body skips the serializer. The typed
    // send() only knows objects, hence the cast.
    handler: async (request, reply) => {
      const body = await digisnap.profileJson(authOf(request).userId);
      return reply.type('application/json; charset=utf-8').send(body as never);
    },
  });

  api.get('/api/me/export', {
    preHandler: requireAuth,
    schema: {
      operationId: 'exportMyData',
      tags,
      summary: 'Download all your own data: account, scans, answers and results (JSON or CSV)',
      querystring: exportQuerySchema,
      response: { 200: z.any(), ...errors },
    },
    handler: async (request, reply) => {
      const userId = authOf(request).userId;
      const [account, scans] = await Promise.all([deps.auth.currentUser(userId), digisnap.exportScans(userId)]);
      const date = downloadDate();
      if (request.query.format === 'csv') return sendDownload(reply, 'csv', `digisnap-${date}.csv`, exportCsv(digisnap.frameworkLookup(), scans));
      return sendDownload(reply, 'json', `digisnap-${date}.json`, JSON.stringify({ exportedAt: new Date().toISOString(), account, scans }, null, 2));
    },
  });
}
