import { needsOfferSchema } from '../src/shared/centre/needs-offer.api';
import type { Scenario } from './scenarios';

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
