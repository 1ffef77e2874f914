import SQLite from 'better-sqlite3';
import { needsOfferSchema } from '../src/shared/centre/needs-offer.api';
import { makeTeacher, type SchoolRow } from './fixtures';
import type { Scenario } from './scenarios';
import { writeStemAnalyst } from './stem';

/** The analyst's number in its address: past every teacher and the STEM analyst. */
const GAPS_ANALYST_NUMBER = 999_999_998;

/** The filters the scenario rotates through, as the page's visitors choose them. */
const GAP_QUERIES = [
  '',
  '?level=primary',
  '?level=secondary',
  '?province=limburg',
  '?competence=5.2',
  '?level=primary&province=antwerpen',
  '?months=3',
  '?level=secondary&competence=2.1',
];

/**
 * A knowledge centre analyst with a fresh session, written into the SQLite file before the run
 * (PostgreSQL gets it with the rest of the copy); a second run replaces the first's.
 */
export function writeGapsAnalyst(file: string, sessionIdleHours: number): { token: string } {
  const sqlite = new SQLite(file);
  try {
    // The school makeTeacher picks is not written: a centre analyst belongs to no school.
    const rows = makeTeacher(GAPS_ANALYST_NUMBER, [{ id: 'none' } as SchoolRow], () => 0.5, Date.now(), sessionIdleHours);
    sqlite.prepare('delete from users where email = ?').run(rows.user.email);
    return writeStemAnalyst(sqlite, rows, 'bench: no password');
  } finally {
    sqlite.close();
  }
}

/** Reads each filter once, checks the answer against its contract, and says how long the first read (the count from every scan) took. */
export async function checkGapsContract(url: string, analyst: { token: string }): Promise<{ firstReadMs: number }> {
  const started = performance.now();
  let firstReadMs = 0;
  for (const query of GAP_QUERIES) {
    const response = await fetch(`${url}/api/centre/needs-offer${query}`, { headers: { cookie: `ds_session=${analyst.token}` } });
    if (response.status !== 200) throw new Error(`getNeedsVersusOffer${query}: ${response.status} ${await response.text()}`);
    const body = needsOfferSchema.parse(await response.json());
    if (query === '') {
      firstReadMs = performance.now() - started;
      if (body.cells.length === 0) throw new Error('getNeedsVersusOffer: no cells on the bench data');
    }
  }
  return { firstReadMs };
}

/** Every request another filter of the page, as the analyst. */
export function getNeedsVersusOffer(analyst: { token: string }): Scenario {
  let next = 0;
  return {
    name: 'getNeedsVersusOffer',
    operationId: 'getNeedsVersusOffer',
    requests: () => [
      {
        method: 'GET',
        path: '/api/centre/needs-offer',
        setupRequest: (request) => ({
          ...request,
          path: `/api/centre/needs-offer${GAP_QUERIES[next++ % GAP_QUERIES.length]}`,
          headers: { ...request.headers, cookie: `ds_session=${analyst.token}` },
        }),
      },
    ],
  };
}
