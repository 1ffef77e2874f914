import SQLite from 'better-sqlite3';
import pg from 'pg';
import { newToken, sha256 } from '../src/server/platform/ids';

/** A knowledge centre analyst's session: every centre scenario reads as it, and the STEM upload sends its CSRF token. */
export interface CentreAnalyst {
  userId: string;
  token: string;
  csrfToken: string;
}

/** One account for every run and database: written once, its role kept, a fresh session each run. */
const ANALYST_ID = 'bench-centre-analyst';
const ANALYST_EMAIL = 'centre-analyst@bench.digisprong.be';

/** The statements, in the placeholders of either database: `?` on SQLite, `$n` on PostgreSQL. */
function statements(postgres: boolean) {
  const at = (n: number) => (postgres ? `$${n}` : '?');
  return [
    // Schools generated before they had a network get one, spread by their id, so every breakdown has groups.
    "update schools set network = case when substr(id, 1, 1) < '9' then 'catholic' when substr(id, 1, 1) < 'b' then 'go' " +
      "when substr(id, 1, 1) < 'd' then 'official_subsidised' else 'other' end where network is null",
    `insert into users (id, email, password_hash, display_name, locale, created_at) values (${at(1)}, ${at(2)}, null, 'Bench centre analyst', 'nl', ${at(3)}) on conflict do nothing`,
    `insert into user_roles (user_id, role) values (${at(1)}, 'centre_analyst') on conflict do nothing`,
    `insert into sessions (id, user_id, csrf_token, created_at, expires_at) values (${at(1)}, ${at(2)}, ${at(3)}, ${at(4)}, ${at(5)})`,
  ];
}

/**
 * The benchmark's one knowledge centre analyst, with a fresh session, written where the servers
 * will read it: into the SQLite file (before a run copies it into PostgreSQL) or, with
 * --postgres-url, into that PostgreSQL. getCentreOverview, getNeedsVersusOffer and the STEM
 * upload all use it, on either database.
 */
export async function writeCentreAnalyst(target: { sqlite: string } | { postgres: string }, sessionIdleHours: number): Promise<CentreAnalyst> {
  const now = Date.now();
  const analyst = { userId: ANALYST_ID, token: newToken(), csrfToken: newToken() };
  const values = [
    [],
    [ANALYST_ID, ANALYST_EMAIL, new Date(now).toISOString()],
    [ANALYST_ID],
    [sha256(analyst.token), ANALYST_ID, analyst.csrfToken, new Date(now).toISOString(), new Date(now + sessionIdleHours * 3_600_000).toISOString()],
  ];
  if ('sqlite' in target) {
    const sqlite = new SQLite(target.sqlite);
    try {
      const prepared = statements(false).map((text) => sqlite.prepare(text));
      sqlite.transaction(() => prepared.forEach((statement, i) => statement.run(...values[i])))();
    } finally {
      sqlite.close();
    }
    return analyst;
  }
  const client = new pg.Client({ connectionString: target.postgres });
  await client.connect();
  try {
    await client.query('begin');
    for (const [i, text] of statements(true).entries()) await client.query(text, values[i]);
    await client.query('commit');
  } finally {
    await client.end();
  }
  return analyst;
}
