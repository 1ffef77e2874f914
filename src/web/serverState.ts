import { QueryClient, type QueryKey, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AnyEndpoint, ArgsOptional, EndpointArgs, EndpointResponse } from '../shared/platform/endpoint';
import { ApiError, asApiError, call, onChange } from './api';

/**
 * Server state goes through TanStack Query, keyed by the shared endpoint declarations:
 * `[operationId, params, query]`. A page asks for what it shows and gets data, error, loading
 * and reload; it keeps no fetch bookkeeping of its own. A change invalidates the operationIds
 * it affects, so every page showing them reloads.
 */

/** A network failure is worth retrying; an answer of the server (4xx) is not. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}

/**
 * The app's query client. After any change the answers no page shows right now are dropped, so
 * a page opened later never shows one from before the change; the pages on screen reload what
 * the change affects (`useEndpointMutation`'s `invalidates`, or their own reload).
 */
export function createQueryClient(): QueryClient {
  const client = new QueryClient({
    defaultOptions: {
      queries: { retry: shouldRetry, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
  onChange(() => client.removeQueries({ type: 'inactive' }));
  return client;
}

/** What a page gets for the server state it shows. */
export interface ServerState<T> {
  data: T | undefined;
  error: ApiError | undefined;
  /** True while a request for this state runs (the first load or a reload). */
  loading: boolean;
  reload(): void;
  /** Replaces the cached answer, e.g. with the one a change returned. */
  setData(data: T): void;
}

/** The query key of an endpoint call: its operationId, then its path parameters and query. */
export function endpointKey<E extends AnyEndpoint>(endpoint: E, args?: EndpointArgs<E>): QueryKey {
  const { params, query } = (args ?? {}) as { params?: unknown; query?: unknown };
  return [endpoint.operationId, params ?? null, query ?? null];
}

/** The operationIds a query key stands for: the first element, or each of a list there. */
function operationIdsOf(key: QueryKey): string[] {
  const first = key[0];
  if (typeof first === 'string') return [first];
  return Array.isArray(first) ? first.filter((id): id is string => typeof id === 'string') : [];
}

function useServerState<T>(key: QueryKey, load: () => Promise<T>, enabled: boolean): ServerState<T> {
  const client = useQueryClient();
  const query = useQuery({ queryKey: key, queryFn: load, enabled });
  return {
    data: query.data,
    error: query.error ? asApiError(query.error) : undefined,
    loading: query.isFetching || (enabled && query.isPending),
    reload: () => void query.refetch(),
    setData: (data: T) => client.setQueryData(key, data),
  };
}

interface QueryOptions {
  /** False while the query cannot be asked yet (e.g. nothing chosen to ask about). */
  enabled?: boolean;
}

/** The answer of a GET endpoint, loaded and kept by TanStack Query; args are required when the endpoint has parameters. */
export function useEndpointQuery<E extends AnyEndpoint>(
  endpoint: E,
  ...[args, options = {}]: ArgsOptional<E> extends true ? [args?: EndpointArgs<E>, options?: QueryOptions] : [args: EndpointArgs<E>, options?: QueryOptions]
): ServerState<EndpointResponse<E>> {
  const run = call as (endpoint: E, args?: EndpointArgs<E>) => Promise<EndpointResponse<E>>;
  return useServerState(endpointKey(endpoint, args), () => run(endpoint, args), options.enabled ?? true);
}

/**
 * State a page builds from more than one call (e.g. a check and the instrument it was taken
 * with). The key names the operationIds it reads, so their changes reload it too.
 */
export function useCombinedQuery<T>(operationIds: string[], args: unknown, load: () => Promise<T>, options: { enabled?: boolean } = {}): ServerState<T> {
  return useServerState([operationIds, args ?? null], load, options.enabled ?? true);
}

/** Marks the answers of these operations stale; those on screen load again. */
export function invalidateOperations(client: QueryClient, operationIds: string[]): Promise<void> {
  return client.invalidateQueries({ predicate: (query) => operationIdsOf(query.queryKey).some((id) => operationIds.includes(id)) });
}

/** `invalidateOperations` on the app's query client. */
export function useInvalidate(): (operationIds: string[]) => Promise<void> {
  const client = useQueryClient();
  return (operationIds) => invalidateOperations(client, operationIds);
}

/**
 * A change through an endpoint; after it succeeds, the answers of the operations in
 * `invalidates` are reloaded wherever they are shown. Resolves to the endpoint's answer.
 */
export function useEndpointMutation<E extends AnyEndpoint>(endpoint: E, options: { invalidates?: string[] } = {}): (args: EndpointArgs<E>) => Promise<EndpointResponse<E>> {
  const invalidate = useInvalidate();
  const run = call as (endpoint: E, args?: EndpointArgs<E>) => Promise<EndpointResponse<E>>;
  const mutation = useMutation({
    mutationFn: (args: EndpointArgs<E>) => run(endpoint, args),
    onSuccess: () => (options.invalidates?.length ? invalidate(options.invalidates) : undefined),
  });
  return mutation.mutateAsync;
}
