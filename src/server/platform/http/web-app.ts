import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** Serves the built React app when it exists; returns whether it does. */
export async function registerWebApp(app: FastifyInstance, webDir: string): Promise<boolean> {
  if (!existsSync(join(webDir, 'index.html'))) return false;
  await app.register(fastifyStatic, { root: webDir, wildcard: false, index: ['index.html'] });
  return true;
}

/** A page of the app (not an API call, not a file): answered with index.html, the router takes it from there. */
export function sendAppShell(request: FastifyRequest, reply: FastifyReply): FastifyReply | undefined {
  const path = request.url.split('?')[0];
  if (request.method !== 'GET' || path.startsWith('/api/') || /\.[a-z0-9]+$/i.test(path)) return undefined;
  return reply.type('text/html; charset=utf-8').sendFile('index.html');
}
