import type { FastifyInstance, FastifyReply, FastifyRequest, onRequestAsyncHookHandler, preHandlerAsyncHookHandler } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, errorBodySchema } from '../../../shared/errors';
import {
  type AnyEndpoint,
  type EndpointRequestParts,
  type EndpointResponse,
  type FileFormat,
  JSON_BODY_LIMIT,
  TABLE_MEDIA_TYPES,
  XLSX_MEDIA_TYPE,
} from '../../../shared/platform/endpoint';
import { XLSX_CONTENT_TYPE } from '../export/xlsx';
import { DEFAULT_MAX_TABLE_BYTES } from '../import/table-reader';
import { readsHeadersOnly } from './auth-hooks';

const fileSchemas: Record<FileFormat, z.ZodType> = {
  csv: z.string().describe('text/csv'),
  xlsx: z.string().describe(`${XLSX_CONTENT_TYPE}, one sheet per table`),
  json: z.string().describe('application/json, as a file to save'),
  pdf: z.string().describe('application/pdf'),
  png: z.string().describe('image/png'),
  jpeg: z.string().describe('image/jpeg'),
  zip: z.string().describe('application/zip'),
};

/** The request a handler gets: params, query and body typed after validation. */
export type EndpointRequest<E> = Omit<FastifyRequest, 'params' | 'query' | 'body'> & EndpointRequestParts<E>;

export interface RouteOptions<E> {
  /**
   * Hooks before the handler. The authentication hooks (`requireAuth`, `optionalAuth`) read only
   * the cookie and headers, so they run as soon as the request arrives, before its body is read:
   * an anonymous upload is refused without the server buffering it. The others run after the body
   * is parsed (and after the endpoint's rate limit).
   */
  preHandler?: preHandlerAsyncHookHandler | preHandlerAsyncHookHandler[];
  /** Returns the JSON body, or the reply when it sends something else (a status, a file, raw bytes). */
  handler: (request: EndpointRequest<E>, reply: FastifyReply) => Promise<EndpointResponse<E> | FastifyReply>;
}

/**
 * Registers the route an endpoint declares. The contract module is loaded when the app starts
 * (the route sits in a plugin that awaits it), so a module's routes file stays synchronous.
 */
export function route<E extends AnyEndpoint>(app: FastifyInstance, endpoint: E, options: RouteOptions<E>): void {
  const hooks = [options.preHandler ?? []].flat();
  const beforeBody = hooks.filter(readsHeadersOnly) as unknown as onRequestAsyncHookHandler[];
  const afterBody = [...(endpoint.rateLimit ? [app.attemptLimit(endpoint.rateLimit)] : []), ...hooks.filter((hook) => !readsHeadersOnly(hook))];
  app.register(async (scope) => {
    const schemas = (await endpoint.schemas()) as Record<string, z.ZodType>;
    if (endpoint.tableBody) acceptTables(scope);
    scope.withTypeProvider<ZodTypeProvider>().route({
      method: endpoint.method,
      url: endpoint.path,
      ...(beforeBody.length > 0 ? { onRequest: beforeBody } : {}),
      ...(endpoint.tableBody ? { preParsing: refuseOtherMediaTypes(endpoint) } : {}),
      ...(afterBody.length > 0 ? { preHandler: afterBody } : {}),
      bodyLimit: endpoint.bodyLimit ?? JSON_BODY_LIMIT,
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
  if (endpoint.rateLimit) response[429] = errorBodySchema;
  // A body over the endpoint's limit (`bodyLimit`, or JSON_BODY_LIMIT) is refused before it is read.
  if (endpoint.body || endpoint.tableBody) response[413] = errorBodySchema;

  const declaredBody = named(endpoint.body);
  const optional = endpoint.optionalBody;
  const body = declaredBody && optional ? (typeof optional === 'string' ? declaredBody.nullish().describe(optional) : declaredBody.nullish()) : declaredBody;
  return {
    operationId: endpoint.operationId,
    tags: [...endpoint.tags],
    summary: endpoint.summary,
    ...(endpoint.description ? { description: endpoint.description } : {}),
    ...(endpoint.params ? { params: named(endpoint.params) } : {}),
    ...(endpoint.query ? { querystring: named(endpoint.query) } : {}),
    ...(endpoint.tableBody ? { body: tableBodySchema(body) } : body ? { body } : {}),
    response,
  };
}

// ---- table uploads: CSV text or .xlsx bytes ----

const csvTextSchema = z.string().min(1).describe('The CSV file, as text/csv');
const xlsxBytesSchema = z
  .custom<Uint8Array>((value) => value instanceof Uint8Array && value.byteLength > 0, 'Expected the bytes of an .xlsx workbook')
  .meta({ type: 'string', format: 'binary', description: 'The .xlsx workbook; its first sheet is read' });

/**
 * One body schema per media type: Fastify validates the body with the schema of the request's
 * media type, and OpenAPI lists each one. CSV comes as text, a workbook as bytes, so the handler
 * tells them apart by type (`TableBody`).
 */
function tableBodySchema(json: z.ZodType | undefined) {
  const content: Record<string, { schema: z.ZodType }> = {};
  for (const mediaType of TABLE_MEDIA_TYPES) content[mediaType] = { schema: mediaType === XLSX_MEDIA_TYPE ? xlsxBytesSchema : csvTextSchema };
  if (json) content['application/json'] = { schema: json };
  return { content };
}

/**
 * The parsers of a table upload, in the route's own scope: CSV as text, a workbook as bytes. The
 * route's `bodyLimit` (the endpoint's declared one) applies; the table reader's is the fallback.
 */
function acceptTables(scope: FastifyInstance): void {
  const bodyLimit = DEFAULT_MAX_TABLE_BYTES;
  scope.addContentTypeParser(['text/csv', 'application/csv'], { parseAs: 'string', bodyLimit }, (_request, body, done) => done(null, body));
  scope.addContentTypeParser(XLSX_MEDIA_TYPE, { parseAs: 'buffer', bodyLimit }, (_request, body, done) => done(null, body));
}

/**
 * A table upload in any other media type is refused before its body is read, as bad input on
 * `body` like any body of the wrong media type (see the error handler).
 */
function refuseOtherMediaTypes(endpoint: AnyEndpoint) {
  const accepted = new Set<string>([...TABLE_MEDIA_TYPES, ...(endpoint.body ? ['application/json'] : [])]);
  const expected = `Send the file as text/csv or as ${XLSX_MEDIA_TYPE}${endpoint.body ? ', or the JSON as application/json' : ''}`;
  return async (request: FastifyRequest) => {
    const header = request.headers['content-type'];
    const mediaType = (header ?? '').split(';')[0].trim().toLowerCase();
    if (accepted.has(mediaType)) return;
    throw new AppError('validation_error', header === undefined ? `The file is missing. ${expected}` : `${expected}, not ${mediaType}`, 'body');
  };
}
