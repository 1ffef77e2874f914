import type autocannon from 'autocannon';
import type { Manifest } from './generate';
import { searchPath } from './search-queries';

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

/**
 * A catalogue search with a full-text `q` and none to three filters (see search-queries.ts), each request the
 * next of the generated queries, so requests spread evenly over them. Run against a server with
 * its search cache on, that is the realistic case; against one started with SEARCH_CACHE_SECONDS=0,
 * every request is answered from the database.
 */
export function searchTrainings(queries: Manifest['searchQueries'], name = 'searchTrainings'): Scenario {
  if (queries.length === 0) throw new Error(`${name}: the manifest holds no search queries; generate with --trainings`);
  const paths = queries.map(searchPath);
  let next = 0;
  return {
    name,
    operationId: 'searchTrainings',
    requests: () => [
      {
        method: 'GET',
        path: paths[0],
        setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length] }),
      },
    ],
  };
}

/** Every request is another teacher (one with a stored profile), so the figure is not one teacher's. */
export function getMyRecommendations(users: Manifest['profileUsers']): Scenario {
  let next = 0;
  return {
    name: 'getMyRecommendations',
    operationId: 'getMyRecommendations',
    requests: () => [
      {
        method: 'GET',
        path: '/api/me/recommendations',
        setupRequest: (request) => {
          const { token } = users[next++ % users.length];
          return { ...request, headers: { ...request.headers, cookie: `ds_session=${token}` } };
        },
      },
    ],
  };
}

/**
 * The team report of the generated campaign, read by its school's principal: a school of 150
 * teachers in a database of the report teachers' scans. The first request (the contract check)
 * counts the team and publishes its report; every measured one reads the stored state.
 */
export function getSchoolReport(report: NonNullable<Manifest['report']>): Scenario {
  return {
    name: 'getSchoolReport',
    operationId: 'getSchoolReport',
    requests: () => [{ method: 'GET', path: schoolReportPath(report), headers: { cookie: `ds_session=${report.principalToken}` } }],
  };
}

export const schoolReportPath = (report: NonNullable<Manifest['report']>) =>
  `/api/schools/${encodeURIComponent(report.schoolId)}/campaigns/${encodeURIComponent(report.campaignId)}/report`;
