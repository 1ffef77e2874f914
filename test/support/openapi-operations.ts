import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';

/**
 * The operations of the API as the OpenAPI document the app serves lists them, for suites that
 * try every operation (test/security): the route × role matrix, the CSRF sweep and the fuzzer.
 */

// biome-ignore lint/suspicious/noExplicitAny: a JSON Schema as the document holds it
export type JsonSchema = any;

export interface Parameter {
  name: string;
  in: 'path' | 'query';
  required: boolean;
  schema: JsonSchema;
}

export interface Operation {
  operationId: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Fastify style, `/api/scans/:scanId`. */
  path: string;
  params: Parameter[];
  query: Parameter[];
  /** The media types the body may come in, each with its schema; empty when there is no body. */
  body: Array<{ mediaType: string; schema: JsonSchema }>;
  bodyRequired: boolean;
  statuses: number[];
  /** Open without a login: the operation does not list 401 among its answers. */
  open: boolean;
  stateChanging: boolean;
}

interface Document {
  paths: Record<string, Record<string, JsonSchema>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

/** Every operation of the served document, with `$ref`s resolved. */
export async function operationsOf(app: FastifyInstance): Promise<Operation[]> {
  const document: Document = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
  const components = document.components?.schemas ?? {};
  const resolve = (schema: JsonSchema, depth = 0): JsonSchema => {
    if (depth > 12 || schema === null || typeof schema !== 'object') return schema;
    if (Array.isArray(schema)) return schema.map((item) => resolve(item, depth + 1));
    if (typeof schema.$ref === 'string') return resolve(components[schema.$ref.split('/').at(-1) ?? ''] ?? {}, depth + 1);
    return Object.fromEntries(Object.entries(schema).map(([key, value]) => [key, resolve(value, depth + 1)]));
  };
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      const parameters: Parameter[] = (operation.parameters ?? []).map((p: JsonSchema) => ({ name: p.name, in: p.in, required: Boolean(p.required), schema: resolve(p.schema ?? {}) }));
      const statuses = Object.keys(operation.responses ?? {}).map(Number);
      const upper = method.toUpperCase() as Operation['method'];
      operations.push({
        operationId: operation.operationId,
        method: upper,
        path: path.replace(/\{(\w+)\}/g, ':$1'),
        params: parameters.filter((p) => p.in === 'path'),
        query: parameters.filter((p) => p.in === 'query'),
        body: Object.entries<JsonSchema>(operation.requestBody?.content ?? {}).map(([mediaType, content]) => ({ mediaType, schema: resolve(content.schema ?? {}) })),
        bodyRequired: Boolean(operation.requestBody?.required),
        statuses,
        open: !statuses.includes(401),
        stateChanging: upper !== 'GET',
      });
    }
  }
  return operations;
}

/** The path with its parameters filled in (URL-encoded). */
export function pathWith(operation: Operation, values: Record<string, string>): string {
  return operation.path.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(values[name] ?? `unknown-${name}`));
}

export function queryString(values: Record<string, unknown>): string {
  const pairs = Object.entries(values)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(typeof value === 'string' ? value : JSON.stringify(value))}`);
  return pairs.length > 0 ? `?${pairs.join('&')}` : '';
}

const day = 86_400_000;
const isoDay = (offsetDays: number) => new Date(Date.now() + offsetDays * day).toISOString().slice(0, 10);

/** Candidates tried, in order, for a string with a pattern the document gives. */
const patternCandidates = () => ['1.1', '2026-2027', isoDay(0), 'an.peeters@school.test', 'ABCD-EFGH', '1000', 'a', 'A1', '1'];

/**
 * A small value the schema accepts, as far as its JSON Schema says: the required properties,
 * the first of an enum or a union, the lower bound of a number, a date a week ahead. Rules the
 * schema cannot say (cross-field checks, existing ids) may still refuse it; the suites count that.
 */
export function sampleOf(schema: JsonSchema, depth = 0, name = ''): unknown {
  if (!schema || typeof schema !== 'object' || depth > 8) return null;
  if ('const' in schema) return schema.const;
  if (Array.isArray(schema.enum)) return schema.enum[0];
  if ('default' in schema && schema.default !== undefined) return schema.default;
  for (const key of ['anyOf', 'oneOf'] as const) {
    if (Array.isArray(schema[key])) {
      const choice = schema[key].find((option: JsonSchema) => option?.type !== 'null') ?? schema[key][0];
      return sampleOf(choice, depth + 1);
    }
  }
  if (Array.isArray(schema.allOf)) return Object.assign({}, ...schema.allOf.map((part: JsonSchema) => sampleOf(part, depth + 1)));
  const type = Array.isArray(schema.type) ? schema.type.find((t: string) => t !== 'null') : schema.type;
  switch (type) {
    case 'object': {
      const properties: Record<string, JsonSchema> = schema.properties ?? {};
      const required: string[] = schema.required ?? [];
      return Object.fromEntries(required.map((key) => [key, sampleOf(properties[key] ?? {}, depth + 1, key)]));
    }
    case 'array':
      return Array.from({ length: Math.max(1, schema.minItems ?? 0) }, () => sampleOf(schema.items ?? {}, depth + 1));
    case 'integer':
    case 'number':
      return typeof schema.minimum === 'number' ? Math.max(schema.minimum, 1) : Math.min(1, schema.maximum ?? 1);
    case 'boolean':
      return false;
    case 'string':
      // A piped schema (trim, then check) shows only its input side, a plain string: the name tells an address.
      return /email/i.test(name) && !schema.format ? `sample-${randomBytes(3).toString('hex')}@school.test` : sampleString(schema);
    default:
      return null;
  }
}

function sampleString(schema: JsonSchema): string {
  switch (schema.format) {
    case 'date':
      return isoDay(0);
    case 'date-time':
      return new Date(Date.now() + 7 * day).toISOString();
    case 'email':
      return `sample-${randomBytes(3).toString('hex')}@school.test`;
    case 'uri':
    case 'url':
      return 'https://example.test/sample';
  }
  if (typeof schema.pattern === 'string') {
    const pattern = new RegExp(schema.pattern);
    const found = patternCandidates().find((candidate) => pattern.test(candidate));
    if (found) return found;
  }
  const length = Math.max(schema.minLength ?? 1, 12);
  return 'Voorbeeldtekst van een test'.padEnd(length, 'x').slice(0, Math.min(length + 15, schema.maxLength ?? 1000));
}

/** A sample request body: JSON from the schema, or a small CSV for a table upload. */
export function sampleBody(operation: Operation): { payload?: string | object; contentType?: string } {
  const json = operation.body.find((body) => body.mediaType === 'application/json');
  if (json) return { payload: sampleOf(json.schema) as object, contentType: 'application/json' };
  if (operation.body.some((body) => body.mediaType === 'text/csv')) return { payload: 'naam;e-mail\nAn Peeters;an.peeters@school.test\n', contentType: 'text/csv' };
  return {};
}
