import type { FastifyInstance, preHandlerAsyncHookHandler } from 'fastify';
import { digisnapEndpoints as endpoints } from '../../shared/digisnap/endpoints';
import { authOf } from '../platform/http/auth-hooks';
import { nullWhenNothingYet } from '../platform/http/nothing-yet';
import { route } from '../platform/http/route';
import type { DigisnapService } from './digisnap.service';

export function digisnapRoutes(app: FastifyInstance, deps: { digisnap: DigisnapService; requireAuth: preHandlerAsyncHookHandler }): void {
  const { digisnap, requireAuth } = deps;

  route(app, endpoints.getCurrentFramework, { handler: async () => digisnap.currentFramework() });

  route(app, endpoints.listFrameworkVersions, { handler: async () => ({ frameworks: digisnap.frameworkVersions() }) });

  route(app, endpoints.getFrameworkVersion, { handler: async (request) => digisnap.frameworkVersion(request.params.frameworkId, request.params.version) });

  route(app, endpoints.startScan, {
    preHandler: requireAuth,
    handler: async (request, reply) => {
      const { scan, created } = await digisnap.startScan(authOf(request).userId);
      return reply.status(created ? 201 : 200).send(scan);
    },
  });

  route(app, endpoints.getScan, {
    preHandler: requireAuth,
    handler: async (request) => digisnap.getScan(authOf(request).userId, request.params.scanId),
  });

  route(app, endpoints.answerScanItem, {
    preHandler: requireAuth,
    handler: async (request) => digisnap.answerItem(authOf(request).userId, request.params.scanId, request.params.competence, request.body.option),
  });

  route(app, endpoints.answerScanBackground, {
    preHandler: requireAuth,
    handler: async (request) => digisnap.answerBackground(authOf(request).userId, request.params.scanId, request.body),
  });

  route(app, endpoints.submitScan, {
    preHandler: requireAuth,
    // Sent as the JSON the service made in the contract's order (held to it by a test): a JSON string body skips the serializer.
    handler: async (request, reply) => {
      const body = await digisnap.submitScanJson(authOf(request).userId, request.params.scanId);
      return reply.type('application/json; charset=utf-8').send(body);
    },
  });

  route(app, endpoints.listMyScans, {
    preHandler: requireAuth,
    handler: async (request) => ({ scans: await digisnap.listScans(authOf(request).userId) }),
  });

  route(app, endpoints.getMyProfile, {
    preHandler: requireAuth,
    // The profile is stored as the JSON this route sends (written at submit, held to the contract
    // by a test), so it goes out as it is: a JSON string body skips the serializer.
    handler: async (request, reply) => {
      const body = await digisnap.profileJson(authOf(request).userId).catch(nullWhenNothingYet);
      return reply.type('application/json; charset=utf-8').send(body);
    },
  });
}
