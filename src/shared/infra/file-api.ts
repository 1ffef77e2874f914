import { z } from 'zod';
import { INFRA_FILE_MAX_BYTES, infraFileMediaTypes } from './files';

/** The contracts of the ICT park's file store: evidence files (certificates, invoices) a school keeps with its devices. */

export { schoolIdParamsSchema } from '../school/schools';

export const infraFileParamsSchema = z.object({ fileId: z.string().min(1).max(100) });

/** Base64 of at most INFRA_FILE_MAX_BYTES bytes. */
const MAX_BASE64_LENGTH = Math.ceil(INFRA_FILE_MAX_BYTES / 3) * 4;

export const uploadInfraFileBodySchema = z.object({
  name: z.string().trim().min(1, 'must not be empty').max(255, 'must be at most 255 characters').describe('The file’s name as the user picked it'),
  contentBase64: z
    .string()
    .min(1, 'the file is empty')
    .max(MAX_BASE64_LENGTH, `the file is larger than ${INFRA_FILE_MAX_BYTES / 1024 / 1024} MiB`)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64')
    .describe('The file’s bytes in base64: a PDF, PNG or JPEG, judged by its first bytes'),
});

export const infraFileSchema = z
  .object({
    id: z.string(),
    schoolId: z.string(),
    name: z.string(),
    mediaType: z.enum(infraFileMediaTypes),
    sizeBytes: z.number().int(),
    sha256: z.string().describe('Hex SHA-256 of the bytes, to check a copy against'),
    uploadedBy: z.string().nullable().describe('The uploader’s name; null once their account is gone'),
    uploadedAt: z.string(),
  })
  .meta({ id: 'InfraFile' });
export type InfraFileDto = z.infer<typeof infraFileSchema>;
