import compress from '@fastify/compress';
import type { FastifyInstance } from 'fastify';

/**
 * Answers shorter than this go out as they are: below about a kilobyte the headers outweigh what
 * compression saves, and the hottest answers (a session check, a small list) skip the work.
 */
export const COMPRESSION_THRESHOLD = 1024;

/**
 * Answers up to this size are compressed in one call on the event loop, not through a compression
 * stream on the thread pool. The plugin's default on a machine of two cores is 8 KB, so a device
 * list's 15 KB opening page went through a stream with a brotli context of its own, and in the
 * benchmark with a browser's Accept-Encoding the list cost 1,008 µs of server CPU a request (140
 * plain) and the server peaked at 227 MB; at 64 KB, the plugin's advice for a server with little
 * CPU to spare, 403 µs and 187 MB. Larger answers (downloads, reports) still stream.
 */
export const SYNC_COMPRESSION_BYTES = 64 * 1024;

/**
 * Brotli or gzip for every answer the client accepts it for and that is worth it: API JSON,
 * CSV downloads, and any file of the web app that the build did not compress ahead (those go
 * out as their stored `.br` or `.gz` twin, see web-app.ts, and are left alone here). Request
 * bodies are not decompressed: the body limits count the bytes that arrive.
 */
export async function registerCompression(app: FastifyInstance): Promise<void> {
  await app.register(compress, { encodings: ['br', 'gzip'], threshold: COMPRESSION_THRESHOLD, syncThreshold: SYNC_COMPRESSION_BYTES, globalDecompression: false });
}
