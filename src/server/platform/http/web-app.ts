import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** A file the build named after its content (`assets/ProfilePage-B_B6Xw94.js`): it never changes under that name. */
const HASHED_ASSET = /^[\w.-]+-[\w-]{8}\.(?:js|css)$/;

/**
 * How long a browser keeps a file of the app: a hashed asset a year without asking again, so a
 * second visit loads no script; `index.html` is checked every time (a cheap 304), since it names
 * the assets of the current build. `path` may be the stored `.br` or `.gz` twin.
 */
export function webCacheControl(path: string): string {
  const name = basename(path).replace(/\.(?:br|gz)$/, '');
  if (name === 'index.html') return 'no-cache';
  return HASHED_ASSET.test(name) && path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'public, max-age=0';
}

/**
 * Serves the built React app when it exists; returns whether it does. The build stores a brotli
 * and a gzip twin of each text file (scripts/precompress.ts), sent to a browser that accepts one, so
 * no file is compressed per request.
 */
export async function registerWebApp(app: FastifyInstance, webDir: string): Promise<boolean> {
  if (!existsSync(join(webDir, 'index.html'))) return false;
  await app.register(fastifyStatic, {
    root: webDir,
    wildcard: false,
    index: ['index.html'],
    preCompressed: true,
    cacheControl: false,
    setHeaders: (reply, path) => reply.header('cache-control', webCacheControl(path)),
  });
  return true;
}

/** A page of the app (not an API call, not a file): answered with index.html, the router takes it from there. */
export function sendAppShell(request: FastifyRequest, reply: FastifyReply): FastifyReply | undefined {
  const path = request.url.split('?')[0];
  if (request.method !== 'GET' || path.startsWith('/api/') || /\.[a-z0-9]+$/i.test(path)) return undefined;
  return reply.type('text/html; charset=utf-8').sendFile('index.html');
}
