import compress from '@fastify/compress';
import type { FastifyInstance } from 'fastify';

/**
 * Answers shorter than this go out as they are: below about a kilobyte the headers outweigh what
 * compression saves, and the hottest answers (a session check, a small list) skip the work.
 */
export const COMPRESSION_THRESHOLD = 1024;

/**
 * Brotli or gzip for every answer the client accepts it for and that is worth it: API JSON,
 * CSV downloads, and any file of the web app that the build did not compress ahead (those go
 * out as their stored `.br` or `.gz` twin, see web-app.ts, and are left alone here). Request
 * bodies are not decompressed: the body limits count the bytes that arrive.
 */
export async function registerCompression(app: FastifyInstance): Promise<void> {
  await app.register(compress, { encodings: ['br', 'gzip'], threshold: COMPRESSION_THRESHOLD, globalDecompression: false });
}
