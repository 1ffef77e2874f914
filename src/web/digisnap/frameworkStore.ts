import { digisnapEndpoints } from '../../shared/digisnap/endpoints';
import { call } from '../api';
import type { Framework } from './types';

let pending: Promise<Framework> | null = null;

/** The current framework, fetched once per visit (it changes only with a new content release). */
export function loadFramework(): Promise<Framework> {
  if (!pending) {
    pending = (call(digisnapEndpoints.getCurrentFramework) as Promise<Framework>).catch((error: unknown) => {
      pending = null;
      throw error;
    });
  }
  return pending;
}
