import type { FastifyInstance } from 'fastify';
import { openDataEndpoints as endpoints } from '../../shared/centre/open-data-endpoints';
import { sendDownload } from '../platform/http/download';
import { route } from '../platform/http/route';
import type { OpenDataService } from './open-data.service';

/** The open-data catalogue and its downloads, without login. */
export function openDataRoutes(app: FastifyInstance, deps: { openData: OpenDataService }): void {
  const { openData } = deps;

  route(app, endpoints.listOpenDatasets, {
    handler: async () => openData.list(),
  });

  route(app, endpoints.getOpenDataset, {
    handler: async (request, reply) => {
      if (request.query.format === 'json') return openData.dataset(request.params.id);
      const { fileName, csv } = await openData.csv(request.params.id);
      return sendDownload(reply, 'csv', fileName, csv);
    },
  });
}
