import type { FastifyInstance, preHandlerAsyncHookHandler } from 'fastify';
import { authEndpoints as endpoints } from '../../../shared/platform/endpoints';
import { authOf } from '../http/auth-hooks';
import { downloadDate, sendDownload } from '../http/download';
import { route } from '../http/route';
import type { PersonalDataExport } from './personal-data';

export function personalDataRoutes(app: FastifyInstance, deps: { personalData: PersonalDataExport; requireAuth: preHandlerAsyncHookHandler }): void {
  route(app, endpoints.exportMyData, {
    preHandler: deps.requireAuth,
    handler: async (request, reply) => {
      const userId = authOf(request).userId;
      const name = `digisprong-${downloadDate()}`;
      if (request.query.format === 'zip') return sendDownload(reply, 'zip', `${name}.zip`, Buffer.from(await deps.personalData.zip(userId)));
      return sendDownload(reply, 'json', `${name}.json`, await deps.personalData.json(userId, new Date().toISOString()));
    },
  });
}
