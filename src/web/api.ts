import type { ErrorId } from '../shared/errors';
import type { IssueDetail } from '../shared/issues';
import type { CurrentUser, SessionResponse } from '../shared/platform/api';
import { type AnyEndpoint, type ArgsOptional, type EndpointArgs, type EndpointResponse, endpointUrl, XLSX_MEDIA_TYPE } from '../shared/platform/endpoint';

/** Error ids the server sends, plus the one the client raises when the server cannot be reached. */
export type ClientErrorId = ErrorId | 'network_error';

/** A failed API call: the server's stable error id, its message, and the field(s) at fault. */
export class ApiError extends Error {
  constructor(
    readonly id: ClientErrorId,
    message: string,
    readonly status: number,
    readonly field?: string,
    readonly details?: IssueDetail[],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

// The CSRF token lives in memory only: it comes with the session (login, /api/session)
// and goes back on every state-changing request.
let csrfToken: string | null = null;
const unauthenticatedListeners = new Set<() => void>();

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

const changeListeners = new Set<(operationId: string) => void>();

/** Called after every state-changing request that succeeded, with its operationId. */
export function onChange(listener: (operationId: string) => void): () => void {
  changeListeners.add(listener);
  return () => changeListeners.delete(listener);
}

/** Called when a request finds the session gone (401 `unauthenticated`). */
export function onUnauthenticated(listener: () => void): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

function isErrorBody(body: unknown): body is { error: { id: ErrorId; message: string; field?: string; details?: ApiError['details'] } } {
  const error = (body as { error?: { id?: unknown; message?: unknown } } | null)?.error;
  return typeof error?.id === 'string' && typeof error.message === 'string';
}

/** The URL of a call: the endpoint's path with its parameters filled in, and the query string. */
export function endpointHref<E extends AnyEndpoint>(endpoint: E, args: EndpointArgs<E> = {} as EndpointArgs<E>): string {
  const { params, query } = args as { params?: Record<string, unknown>; query?: Record<string, unknown> };
  return endpointUrl(endpoint, params, query);
}

/**
 * Calls a declared endpoint: fills in the path, sends the body as JSON (a table upload as text/csv
 * or as an .xlsx workbook) and the CSRF token on every state-changing request; a failure is an `ApiError`.
 */
export async function call<E extends AnyEndpoint>(
  endpoint: E,
  ...[args]: ArgsOptional<E> extends true ? [args?: EndpointArgs<E>] : [args: EndpointArgs<E>]
): Promise<EndpointResponse<E>> {
  const { body } = (args ?? {}) as { body?: unknown };
  const headers: Record<string, string> = { accept: 'application/json' };
  const table = endpoint.tableBody === true ? tableMediaType(body) : undefined;
  if (body !== undefined) headers['content-type'] = table ?? 'application/json';
  if (endpoint.method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(endpointHref(endpoint, args as EndpointArgs<E>), {
      method: endpoint.method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : table ? (body as string | Uint8Array<ArrayBuffer>) : JSON.stringify(body),
    });
  } catch (cause) {
    throw new ApiError('network_error', cause instanceof Error ? cause.message : 'Network error', 0);
  }

  if (response.ok && endpoint.method !== 'GET') {
    for (const listener of changeListeners) listener(endpoint.operationId);
  }
  if (response.status === 204) return undefined as EndpointResponse<E>;
  const payload: unknown = await response.json().catch(() => null);
  if (response.ok) return payload as EndpointResponse<E>;

  if (isErrorBody(payload)) {
    const { id, message, field, details } = payload.error;
    if (id === 'unauthenticated' && !endpoint.path.startsWith('/api/auth/')) {
      for (const listener of unauthenticatedListeners) listener();
    }
    throw new ApiError(id, message, response.status, field, details);
  }
  throw new ApiError('internal_error', `HTTP ${response.status}`, response.status);
}

/** The media type a table upload is sent as: CSV text as text/csv, bytes as an .xlsx workbook; anything else is JSON. */
export function tableMediaType(body: unknown): string | undefined {
  if (typeof body === 'string') return 'text/csv; charset=utf-8';
  if (body instanceof Uint8Array) return XLSX_MEDIA_TYPE;
  return undefined;
}

/** A call that starts (or keeps) a session: its CSRF token is kept for the requests after it. */
export async function startSession(session: Promise<SessionResponse>): Promise<CurrentUser> {
  const { user, csrfToken: token } = await session;
  setCsrfToken(token);
  return user;
}

/** A call that ends the session: the CSRF token goes, whether or not the server answered. */
export function endSession<T>(ending: Promise<T>): Promise<T> {
  return ending.finally(() => setCsrfToken(null));
}

/** Any failure as an ApiError, so a page shows every failure the same way. */
export function asApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError('internal_error', String(error), 0);
}
