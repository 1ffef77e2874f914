import { defineEndpoints } from '../platform/endpoint';

/** The ICT park's file store: evidence (wipe certificates, invoices) other records point at by the file's id. */
export const infraFileEndpoints = defineEndpoints(
  () => import('./file-api'),
  { tags: ['infra'] },
  {
    uploadInfraFile: {
      method: 'POST',
      path: '/api/schools/:schoolId/infra-files',
      summary: 'Keep an evidence file (PDF, PNG or JPEG, at most 5 MiB) for the school’s ICT park',
      description:
        'For the principal and the ICT coordinator of the school; board admins read only and get 403, as do teachers; anyone without a role in the school 404. ' +
        'The type is judged by the first bytes, not the name: anything else answers 415 file_type_not_allowed on body.contentBase64.',
      params: 'schoolIdParamsSchema',
      body: 'uploadInfraFileBodySchema',
      // 5 MiB in base64 with its name.
      bodyLimit: 7 * 1024 * 1024 + 1024,
      response: { 201: 'infraFileSchema' },
      errors: [400, 401, 403, 404, 413, 415],
    },
    downloadInfraFile: {
      method: 'GET',
      path: '/api/infra-files/:fileId',
      summary: 'Download a kept evidence file, as an attachment with the type its bytes were judged to be',
      description: 'For the principal, the ICT coordinator and the board admins of the school; teachers get 403, anyone without a role in the school 404.',
      params: 'infraFileParamsSchema',
      files: ['pdf', 'png', 'jpeg'],
      errors: [400, 401, 403, 404],
    },
  },
);
