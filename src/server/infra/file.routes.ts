import type { FastifyInstance, preHandlerAsyncHookHandler } from 'fastify';
import { infraFileEndpoints as endpoints } from '../../shared/infra/file-endpoints';
import type { InfraFileMediaType } from '../../shared/infra/files';
import { authOf } from '../platform/http/auth-hooks';
import { type DownloadFormat, sendDownload } from '../platform/http/download';
import { route } from '../platform/http/route';
import type { InfraFileService } from './file.service';

const formatOf: Record<InfraFileMediaType, DownloadFormat> = { 'application/pdf': 'pdf', 'image/png': 'png', 'image/jpeg': 'jpeg' };

/** The ICT park's evidence files: upload and download. */
export function infraFileRoutes(app: FastifyInstance, deps: { files: InfraFileService; requireAuth: preHandlerAsyncHookHandler }): void {
  const { files, requireAuth } = deps;

  route(app, endpoints.uploadInfraFile, {
    preHandler: requireAuth,
    handler: async (request, reply) => reply.status(201).send(await files.upload(authOf(request).userId, request.params.schoolId, request.body)),
  });

  route(app, endpoints.downloadInfraFile, {
    preHandler: requireAuth,
    handler: async (request, reply) => {
      const { file, content } = await files.download(authOf(request).userId, request.params.fileId);
      return sendDownload(reply, formatOf[file.mediaType], file.name, content);
    },
  });
}
