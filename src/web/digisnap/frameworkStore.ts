import type { FrameworkVersionDto } from '../../shared/digisnap/api';
import { digisnapEndpoints } from '../../shared/digisnap/endpoints';
import { call } from '../api';
import type { Framework } from './types';

/** Fetches once per visit (content changes only with a release); a failure is not kept, so a retry asks again. */
function once<T>(fetch: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | null = null;
  return () => {
    if (!pending) {
      pending = fetch().catch((error: unknown) => {
        pending = null;
        throw error;
      });
    }
    return pending;
  };
}

/** The current framework: the one new scans are taken with. */
export const loadFramework = once(() => call(digisnapEndpoints.getCurrentFramework) as Promise<Framework>);

/** Every loaded version with its label ("Digisnap 2017 (CheckIn)"), rule and maximum total. */
export const loadFrameworkVersions = once(async () => (await call(digisnapEndpoints.listFrameworkVersions)).frameworks as FrameworkVersionDto[]);

const byVersion = new Map<string, () => Promise<Framework>>();

/**
 * The framework a scan was taken with: a scan keeps its version, so a scan begun on an earlier
 * version is answered with that version's options and its profile read in that version's words.
 */
export async function loadFrameworkOf(scan: { frameworkId: string; frameworkVersion: string }): Promise<Framework> {
  const current = await loadFramework();
  if (current.id === scan.frameworkId && current.version === scan.frameworkVersion) return current;
  const key = `${scan.frameworkId}@${scan.frameworkVersion}`;
  let load = byVersion.get(key);
  if (!load) {
    load = once(() => call(digisnapEndpoints.getFrameworkVersion, { params: { frameworkId: scan.frameworkId, version: scan.frameworkVersion } }) as Promise<Framework>);
    byVersion.set(key, load);
  }
  return load();
}
