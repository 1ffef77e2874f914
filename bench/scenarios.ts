import autocannon from 'autocannon';
import type { Manifest } from './generate';

/**
 * What the benchmark asks of the server. A scenario hands autocannon its requests; one that
 * uses prepared data up (submitScan: every scan can be submitted once) says how much is left.
 */
export interface Scenario {
  name: string;
  operationId: string | null;
  requests(): autocannon.Request[];
  /** Requests this scenario can still make; undefined when it never runs out. */
  remaining?(): number;
}

export function ceiling(): Scenario {
  return {
    name: 'ceiling',
    operationId: 'ceiling',
    requests: () => [{ method: 'GET', path: '/bench/ceiling' }],
  };
}

/** Every request is another teacher's session, so no cache of one profile flatters the figure. */
export function getMyProfile(users: Manifest['profileUsers']): Scenario {
  let next = 0;
  return {
    name: 'getMyProfile',
    operationId: 'getMyProfile',
    requests: () => [
      {
        method: 'GET',
        path: '/api/me/profile',
        setupRequest: (request) => {
          const { token } = users[next++ % users.length];
          return { ...request, headers: { ...request.headers, cookie: `ds_session=${token}` } };
        },
      },
    ],
  };
}

/** Every request submits another teacher's fully answered scan, each exactly once. */
export function submitScan(scans: Manifest['submitScans']): Scenario {
  let next = 0;
  return {
    name: 'submitScan',
    operationId: 'submitScan',
    remaining: () => scans.length - next,
    requests: () => [
      {
        method: 'POST',
        // Rewritten per request; autocannon builds the first one before any is sent.
        path: '/api/scans/-/submit',
        setupRequest: (request) => {
          // load.ts keeps a spare scan per connection; past the end this would only be an idempotent retry.
          const scan = scans[Math.min(next++, scans.length - 1)];
          return {
            ...request,
            path: `/api/scans/${encodeURIComponent(scan.scanId)}/submit`,
            headers: { ...request.headers, cookie: `ds_session=${scan.token}`, 'x-csrf-token': scan.csrfToken },
          };
        },
      },
    ],
  };
}
