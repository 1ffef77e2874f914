import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../api';

export interface AsyncState<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload(): void;
  setData(data: T): void;
}

function asApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError('internal_error', String(error), 0);
}

/** Loads data on mount and whenever `deps` change; ignores answers that arrive after a newer request. */
export function useAsync<T>(load: () => Promise<T>, deps: unknown[]): AsyncState<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<ApiError>();
  const [loading, setLoading] = useState(true);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    setLoading(true);
    setError(undefined);
    load()
      .then((value) => current && setData(value))
      .catch((failure: unknown) => current && setError(asApiError(failure)))
      .finally(() => current && setLoading(false));
    return () => {
      current = false;
    };
  }, [...deps, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { data, error, loading, reload, setData };
}

export { asApiError };
