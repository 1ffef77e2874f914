import { centreOverviewSchema } from '../src/shared/centre/api';
import { pictureBreakdowns } from '../src/shared/centre/picture-vocabulary';
import type { CentreAnalyst } from './centre-analyst';
import type { Scenario } from './scenarios';

/**
 * The knowledge centre's overview (issue 14): a centre analyst reads the Flanders-wide Digisnap
 * picture of every teacher with a scan, another breakdown each request. The picture of a release
 * is computed on the first read after a scan or a school changed, and kept; the contract check
 * makes that first read, and times it.
 */

const overviewPath = (breakdown: string) => `/api/centre/overview?breakdown=${breakdown}`;

export function getCentreOverview(analyst: CentreAnalyst): Scenario {
  const paths = pictureBreakdowns.map(overviewPath);
  let next = 0;
  return {
    name: 'getCentreOverview',
    operationId: 'getCentreOverview',
    requests: () => [
      { method: 'GET', path: paths[0], headers: { cookie: `ds_session=${analyst.token}` }, setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length] }) },
    ],
  };
}

/**
 * Before the overview is measured: every breakdown's answer holds to its contract, goes out as the
 * Zod serializer would write it, and shows a release with groups. The first read computes the
 * release (every teacher's latest scan counted): returns how long it took, printed beside the figures.
 */
export async function checkCentreContract(url: string, analyst: CentreAnalyst): Promise<{ firstReadMs: number }> {
  let firstReadMs = 0;
  for (const [i, breakdown] of pictureBreakdowns.entries()) {
    const started = performance.now();
    const response = await fetch(`${url}${overviewPath(breakdown)}`, { headers: { cookie: `ds_session=${analyst.token}` } });
    const body = await response.text();
    if (i === 0) firstReadMs = performance.now() - started;
    if (response.status !== 200) throw new Error(`getCentreOverview ${breakdown} answered ${response.status}: ${body.slice(0, 300)}`);
    const answer = centreOverviewSchema.parse(JSON.parse(body));
    if (body !== JSON.stringify(centreOverviewSchema.encode(answer))) throw new Error(`getCentreOverview ${breakdown} differs from the Zod serializer’s bytes`);
    if (!answer.digisnap.release || answer.digisnap.groups.length === 0) throw new Error(`getCentreOverview ${breakdown}: no release or no groups`);
  }
  return { firstReadMs };
}
