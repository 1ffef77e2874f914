import { readFileSync, writeFileSync } from 'node:fs';
import SQLite from 'better-sqlite3';
import { newToken, sha256 } from '../src/server/platform/ids';
import { centreOverviewSchema } from '../src/shared/centre/api';
import { pictureBreakdowns } from '../src/shared/centre/picture-vocabulary';
import { type Manifest, manifestPathOf } from './generate';
import type { Scenario } from './scenarios';

/**
 * The knowledge centre's overview (issue 14): a centre analyst reads the Flanders-wide Digisnap
 * picture of every teacher with a scan, another breakdown each request. The picture of a release
 * is computed on the first read after a scan or a school changed, and kept; the contract check
 * makes that first read, and times it.
 */

export interface CentreManifest {
  analyst: { userId: string; token: string; csrfToken: string };
}

const overviewPath = (breakdown: string) => `/api/centre/overview?breakdown=${breakdown}`;

/**
 * A centre analyst in the generated SQLite file (before it is copied to PostgreSQL), with a fresh
 * session each run: also in a database generated before the centre existed (--reuse), whose
 * schools then get a network too. Kept in the manifest, so a later run logs the same analyst in again.
 */
export function centreAnalyst(manifest: Manifest, sessionIdleHours: number): CentreManifest {
  const sqlite = new SQLite(manifest.database);
  try {
    const now = Date.now();
    const token = newToken();
    const csrfToken = newToken();
    const userId = manifest.centre?.analyst.userId ?? `bench-centre-analyst-${now}`;
    sqlite.transaction(() => {
      // Schools generated before they had a network get one, spread by their id, so every breakdown has groups.
      sqlite
        .prepare(
          "update schools set network = case when substr(id, 1, 1) < '9' then 'catholic' when substr(id, 1, 1) < 'b' then 'go' " +
            "when substr(id, 1, 1) < 'd' then 'official_subsidised' else 'other' end where network is null",
        )
        .run();
      if (!manifest.centre) {
        sqlite
          .prepare('insert into users (id, email, password_hash, display_name, locale, created_at) values (?, ?, null, ?, ?, ?)')
          .run(userId, `centre.${now}@bench.digisprong.be`, 'Bench centre analyst', 'nl', new Date(now).toISOString());
        sqlite.prepare(`insert into user_roles (user_id, role) values (?, 'centre_analyst')`).run(userId);
      }
      sqlite
        .prepare('insert into sessions (id, user_id, csrf_token, created_at, expires_at) values (?, ?, ?, ?, ?)')
        .run(sha256(token), userId, csrfToken, new Date(now).toISOString(), new Date(now + sessionIdleHours * 3_600_000).toISOString());
    })();
    const centre = { analyst: { userId, token, csrfToken } };
    const path = manifestPathOf(manifest.database);
    writeFileSync(path, JSON.stringify({ ...JSON.parse(readFileSync(path, 'utf8')), centre }));
    return centre;
  } finally {
    sqlite.close();
  }
}

export function getCentreOverview(centre: CentreManifest): Scenario {
  const paths = pictureBreakdowns.map(overviewPath);
  let next = 0;
  return {
    name: 'getCentreOverview',
    operationId: 'getCentreOverview',
    requests: () => [
      { method: 'GET', path: paths[0], headers: { cookie: `ds_session=${centre.analyst.token}` }, setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length] }) },
    ],
  };
}

/**
 * Before the overview is measured: every breakdown's answer holds to its contract, goes out as the
 * Zod serializer would write it, and shows a release with groups. The first read computes the
 * release (every teacher's latest scan counted): returns how long it took, printed beside the figures.
 */
export async function checkCentreContract(url: string, centre: CentreManifest): Promise<{ firstReadMs: number }> {
  let firstReadMs = 0;
  for (const [i, breakdown] of pictureBreakdowns.entries()) {
    const started = performance.now();
    const response = await fetch(`${url}${overviewPath(breakdown)}`, { headers: { cookie: `ds_session=${centre.analyst.token}` } });
    const body = await response.text();
    if (i === 0) firstReadMs = performance.now() - started;
    if (response.status !== 200) throw new Error(`getCentreOverview ${breakdown} answered ${response.status}: ${body.slice(0, 300)}`);
    const answer = centreOverviewSchema.parse(JSON.parse(body));
    if (body !== JSON.stringify(centreOverviewSchema.encode(answer))) throw new Error(`getCentreOverview ${breakdown} differs from the Zod serializer’s bytes`);
    if (!answer.digisnap.release || answer.digisnap.groups.length === 0) throw new Error(`getCentreOverview ${breakdown}: no release or no groups`);
  }
  return { firstReadMs };
}
