import type { FastifyInstance, FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBodySchema } from '../../../shared/errors';
import type { AnyEndpoint, EndpointRequestParts, EndpointResponse, FileFormat } from '../../../shared/platform/endpoint';
import { XLSX_CONTENT_TYPE } from '../export/xlsx';

const fileSchemas: Record<FileFormat, z.ZodType> = {
  csv: z.string().describe('text/csv'),
  xlsx: z.string().describe(`${XLSX_CONTENT_TYPE}, one sheet per table`),
  json: z.string().describe('application/json, as a file to save'),
};

/** The request a handler gets: params, query and body typed after validation. */
export type EndpointRequest<E> = Omit<FastifyRequest, 'params' | 'query' | 'body'> & EndpointRequestParts<E>;

export interface RouteOptions<E> {
  preHandler?: preHandlerAsyncHookHandler | preHandlerAsyncHookHandler[];
  bodyLimit?: number;
  /** Returns the JSON body, or the reply when it sends something else (a status, a file, raw bytes). */
  handler: (request: EndpointRequest<E>, reply: FastifyReply) => Promise<EndpointResponse<E> | FastifyReply>;
}

/**
 * Registers the route an endpoint declares. The contract module is loaded when the app starts
 * (the route sits in a plugin that awaits it), so a module's routes file stays synchronous.
 */
export function route<E extends AnyEndpoint>(app: FastifyInstance, endpoint: E, options: RouteOptions<E>): void {
  app.register(async (scope) => {
    const schemas = (await endpoint.schemas()) as Record<string, z.ZodType>;
    scope.withTypeProvider<ZodTypeProvider>().route({
      method: endpoint.method,
      url: endpoint.path,
      preHandler: options.preHandler,
      bodyLimit: options.bodyLimit,
      schema: fastifySchema(endpoint, schemas),
      handler: options.handler as never,
    });
  });
}

/** The Fastify (and so OpenAPI) schema of a declared endpoint. */
export function fastifySchema(endpoint: AnyEndpoint, schemas: Record<string, z.ZodType>) {
  const named = (name: string | undefined) => {
    if (name === undefined) return undefined;
    const schema = schemas[name];
    if (!schema) throw new Error(`${endpoint.operationId}: the contract module exports no schema ${name}`);
    return schema;
  };
  const response: Record<number, z.ZodType> = {};
  for (const [status, name] of Object.entries(endpoint.response ?? {})) {
    const schema = named(name as string);
    if (schema) response[Number(status)] = schema;
  }
  if (endpoint.files?.length) {
    const files = (endpoint.files as FileFormat[]).map((format) => fileSchemas[format]);
    const alternatives = response[200] ? [response[200], ...files] : files;
    response[200] = alternatives.length === 1 ? alternatives[0] : z.union(alternatives as [z.ZodType, z.ZodType, ...z.ZodType[]]);
  }
  if (endpoint.noContent) response[204] = z.undefined().describe(endpoint.noContent);
  if (endpoint.redirect) response[302] = z.undefined().describe(endpoint.redirect);
  for (const status of endpoint.errors ?? []) response[status] = errorBodySchema;

  const declaredBody = named(endpoint.body);
  const optional = endpoint.optionalBody;
  const body = declaredBody && optional ? (typeof optional === 'string' ? declaredBody.nullish().describe(optional) : declaredBody.nullish()) : declaredBody;
  const csv = z.string().min(1).describe('The CSV file, as text/csv');
  return {
    operationId: endpoint.operationId,
    tags: [...endpoint.tags],
    summary: endpoint.summary,
    ...(endpoint.description ? { description: endpoint.description } : {}),
    ...(endpoint.params ? { params: named(endpoint.params) } : {}),
    ...(endpoint.query ? { querystring: named(endpoint.query) } : {}),
    ...(endpoint.csvBody ? { body: body ? z.union([csv, body]) : csv } : body ? { body } : {}),
    response,
  };
}
