import { api } from '../api';
import type { Framework } from './types';

let pending: Promise<Framework> | null = null;

/** The current framework, fetched once per visit (it changes only with a new content release). */
export function loadFramework(): Promise<Framework> {
  if (!pending) {
    pending = api.currentFramework().catch((error: unknown) => {
      pending = null;
      throw error;
    });
  }
  return pending;
}
