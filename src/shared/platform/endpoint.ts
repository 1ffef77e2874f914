import type { z } from 'zod';

/**
 * Each endpoint is declared once, here in `shared/`: method, path, operationId, summary and the
 * Zod schemas of its request and response, named by their export name in the module's contract
 * file. The server registers routes from the declarations; the web app calls through them.
 *
 * The declarations hold names, not schemas, so that importing them loads no zod: the contract
 * module sits behind a thunk (`() => import('./api')`) that only the server calls. The web app
 * gets its types from the same names at type level (`z.input` / `z.output`).
 */

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type SuccessStatus = 200 | 201 | 202;
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 410 | 413 | 415 | 422 | 429 | 503;
/**
 * How an endpoint that can be tried by guessing (a password, a code, a token) is rate-limited:
 * the server keeps the limits of each policy (`RATE_LIMIT_*`) and answers 429 `rate_limited`
 * with `Retry-After` once they are spent.
 */
export type RateLimitPolicy = 'login' | 'invitation' | 'joinCode' | 'classCode' | 'passwordReset' | 'passwordChange' | 'passwordResetConfirm';
/** A download this endpoint can answer with instead of (or besides) JSON; PDF, PNG and JPEG are kept evidence files. */
export type FileFormat = 'csv' | 'xlsx' | 'json' | 'pdf' | 'png' | 'jpeg' | 'zip';

/** The largest JSON body an endpoint without a `bodyLimit` of its own reads: 256 KiB, four times the largest a form can send. */
export const JSON_BODY_LIMIT = 256 * 1024;

/** The media type of an .xlsx workbook, uploaded or downloaded. */
export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** The media types a table upload is sent as: CSV (`application/csv` too, as some tools send it) or an .xlsx workbook. */
export const TABLE_MEDIA_TYPES = ['text/csv', 'application/csv', XLSX_MEDIA_TYPE] as const;

/** An uploaded table as the web app sends it and the server's handler gets it: CSV text, or the bytes of an .xlsx workbook. */
export type TableBody = string | Uint8Array;

/** The export names of a contract module that are Zod schemas. */
export type SchemaName<M> = { [K in keyof M]: M[K] extends z.ZodType ? K : never }[keyof M] & string;

export interface EndpointSpec<M> {
  method: HttpMethod;
  /** The full path, Fastify style: `/api/scans/:scanId`. */
  path: string;
  summary: string;
  description?: string;
  params?: SchemaName<M>;
  query?: SchemaName<M>;
  /** The JSON body's schema. */
  body?: SchemaName<M>;
  /**
   * The body is an uploaded table: a CSV file (text/csv) or an .xlsx workbook (its bytes), or
   * else the JSON of `body` when that is named too.
   */
  tableBody?: true;
  /**
   * The largest body this endpoint reads, in bytes, above the app's limit for JSON bodies
   * (`JSON_BODY_LIMIT`): a table upload declares its own. A larger body is refused with 413
   * `payload_too_large` before it is read.
   */
  bodyLimit?: number;
  /** The body may be left out; a text says when. */
  optionalBody?: true | string;
  /** JSON responses by status. */
  response?: Partial<Record<SuccessStatus, SchemaName<M>>>;
  /** Files the endpoint sends with status 200 (CSV, XLSX, a JSON download). */
  files?: readonly FileFormat[];
  /** The endpoint answers 204 No Content; the text says what happened. */
  noContent?: string;
  /** A redirect (303 or 302): the text says where to. */
  redirect?: string;
  /** Error statuses, each answered with the shared error body. */
  errors?: readonly ErrorStatus[];
  /** The rate-limit policy of an endpoint open to guessing; it adds 429 to the errors. */
  rateLimit?: RateLimitPolicy;
}

export interface EndpointOptions {
  tags: readonly string[];
}

/** One declared endpoint. `M` is the type of its contract module; `S` its declaration. */
export type Endpoint<M = unknown, S extends EndpointSpec<M> = EndpointSpec<M>> = S & {
  operationId: string;
  tags: readonly string[];
  /** Loads the contract module; only the server calls it. */
  schemas: () => Promise<M>;
};

/** Any declared endpoint, whatever its contract module: what generic code (route(), call()) takes. */
// biome-ignore lint/suspicious/noExplicitAny: any contract module
export type AnyEndpoint = Endpoint<any, EndpointSpec<any>>;

/** Whether an endpoint's call may leave its arguments out (no path parameters, no required body). */
export type ArgsOptional<E> = Partial<EndpointArgs<E>> extends EndpointArgs<E> ? true : false;

/** Declares a module's endpoints; the keys are the operationIds. */
export function defineEndpoints<M, const S extends Record<string, EndpointSpec<M>>>(
  schemas: () => Promise<M>,
  options: EndpointOptions,
  specs: S,
): { [K in keyof S & string]: Endpoint<M, S[K]> } {
  const endpoints: Record<string, Endpoint<M>> = {};
  for (const [operationId, spec] of Object.entries(specs)) endpoints[operationId] = { ...spec, operationId, tags: options.tags, schemas };
  return endpoints as { [K in keyof S & string]: Endpoint<M, S[K]> };
}

// ---- types derived from a declaration (type level only) ----

type SchemaOf<E, Part extends 'params' | 'query' | 'body'> =
  E extends Endpoint<infer M, infer S> ? (S[Part] extends infer Name extends keyof M ? (M[Name] extends z.ZodType ? M[Name] : never) : never) : never;

type InputOf<E, Part extends 'params' | 'query' | 'body'> = [SchemaOf<E, Part>] extends [never] ? undefined : z.input<SchemaOf<E, Part>>;
type ParsedOf<E, Part extends 'params' | 'query' | 'body'> = [SchemaOf<E, Part>] extends [never] ? undefined : z.output<SchemaOf<E, Part>>;

/** Path parameters as the client sends them. */
export type EndpointParams<E> = InputOf<E, 'params'>;
/** The query string as the client sends it. */
export type EndpointQuery<E> = InputOf<E, 'query'>;
/** The body as the client sends it: the JSON form, or the CSV text or .xlsx bytes of a table upload. */
export type EndpointBody<E> = E extends { tableBody: true } ? TableBody : E extends { optionalBody: true | string } ? InputOf<E, 'body'> | null | undefined : InputOf<E, 'body'>;

/** The request as the server's handler sees it, after validation. */
export interface EndpointRequestParts<E> {
  params: ParsedOf<E, 'params'>;
  query: ParsedOf<E, 'query'>;
  body: E extends { tableBody: true }
    ? TableBody | Exclude<ParsedOf<E, 'body'>, undefined>
    : E extends { optionalBody: true | string }
      ? ParsedOf<E, 'body'> | null | undefined
      : ParsedOf<E, 'body'>;
}

type ResponseSchemas<E> =
  E extends Endpoint<infer M, infer S>
    ? S['response'] extends infer R extends Partial<Record<SuccessStatus, keyof M>>
      ? { [Status in keyof R]: R[Status] extends keyof M ? (M[R[Status]] extends z.ZodType ? z.output<M[R[Status]]> : never) : never }[keyof R]
      : never
    : never;

/** What a successful JSON call returns: the response body, or nothing for 204. */
export type EndpointResponse<E> = E extends { noContent: string } ? undefined : [ResponseSchemas<E>] extends [never] ? undefined : ResponseSchemas<E>;

/** The arguments of a call, each part required when the endpoint has it. */
export type EndpointArgs<E> = (EndpointParams<E> extends undefined ? { params?: undefined } : { params: EndpointParams<E> }) &
  (EndpointQuery<E> extends undefined ? { query?: undefined } : { query?: EndpointQuery<E> }) &
  (EndpointBody<E> extends undefined ? { body?: undefined } : undefined extends EndpointBody<E> ? { body?: EndpointBody<E> } : { body: EndpointBody<E> });

/** The endpoint's path with its parameters filled in, each one URL-encoded. */
export function endpointPath(endpoint: Pick<Endpoint, 'path'>, params?: Record<string, unknown>): string {
  return endpoint.path.replace(/:([A-Za-z0-9_]+)/g, (_, name: string) => {
    const value = params?.[name];
    if (value === undefined || value === null) throw new Error(`Missing path parameter ${name} for ${endpoint.path}`);
    return encodeURIComponent(String(value));
  });
}

/** The endpoint's URL: its path and the query string, leaving out parameters that are not set. */
export function endpointUrl(endpoint: Pick<Endpoint, 'path'>, params?: Record<string, unknown>, query?: Record<string, unknown>): string {
  // By hand: shared code is typed without the DOM or Node globals, so URLSearchParams is not there.
  const pairs: string[] = [];
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null) continue;
    for (const one of Array.isArray(value) ? value : [value]) pairs.push(`${encodeURIComponent(name)}=${encodeURIComponent(String(one))}`);
  }
  const queryString = pairs.join('&');
  return `${endpointPath(endpoint, params)}${queryString ? `?${queryString}` : ''}`;
}
