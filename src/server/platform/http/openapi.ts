import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { DOCS_CSP } from './security-headers';

/** The OpenAPI 3.1 document, generated from the routes' Zod schemas, and a docs page to read it. */
export async function registerOpenApi(app: FastifyInstance, version: string): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Digisprong API',
        version,
        description:
          'Digisnap self-scans, profiles and the platform behind them. Log in with `login`; send the returned ' +
          '`csrfToken` back in the `x-csrf-token` header of every state-changing request. Errors carry a stable `id`.',
      },
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'ds_session' } },
      },
    },
    transform: transformWithMediaTypes,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: DOCS_CSP });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}

type TransformInput = Parameters<typeof jsonSchemaTransform>[0];

/**
 * jsonSchemaTransform, plus a body given per media type (`{ content: { 'text/csv': { schema } } }`,
 * as a table upload declares it): each media type's Zod schema is turned into JSON Schema the
 * same way a plain body is.
 */
function transformWithMediaTypes(document: TransformInput) {
  const body = (document.schema as { body?: unknown } | undefined)?.body;
  if (!isBodyPerMediaType(body)) return jsonSchemaTransform(document);
  const transformed = jsonSchemaTransform({ ...document, schema: { ...document.schema, body: undefined } });
  const content: Record<string, { schema: unknown }> = {};
  for (const [mediaType, { schema }] of Object.entries(body.content)) {
    content[mediaType] = { schema: (jsonSchemaTransform({ ...document, schema: { body: schema } }).schema as { body?: unknown }).body };
  }
  return { ...transformed, schema: { ...transformed.schema, body: { content } } };
}

function isBodyPerMediaType(body: unknown): body is { content: Record<string, { schema: unknown }> } {
  return typeof body === 'object' && body !== null && 'content' in body && typeof body.content === 'object' && body.content !== null;
}
