import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DigisnapRepository } from '../../src/server/digisnap/digisnap.repository';
import { DigisnapService } from '../../src/server/digisnap/digisnap.service';
import { FrameworkRegistry } from '../../src/server/digisnap/framework.registry';
import { countTeam, decodeCounts, respondentKey, type TeamScan } from '../../src/server/digisnap/team-aggregate';
import type { TeamSource } from '../../src/server/digisnap/team-aggregate.service';
import { AuditRepository } from '../../src/server/platform/audit/audit.repository';
import { competenceList, type Framework } from '../../src/shared/digisnap/framework';
import { teamFromScratch } from '../support/team-from-scratch';
import { startTestApp, TEST_PASSWORD, type TestApp } from '../support/test-app';

/**
 * The stored team aggregates of the digisnap module against a model counted from scratch: after
 * any sequence of submits and retakes (on the campaign's framework version and on a newer one),
 * changes of members and of the window, and publications, the stored raw counts equal the
 * published round as it was counted (fixed: its respondents stay with the scan that was counted,
 * members or not) plus every other member's latest scan in the window, cell for cell; and a new
 * state is published exactly when at least the threshold of new respondents came.
 */

const DAY = 86_400_000;
const START = Date.parse('2026-02-01T00:00:00.000Z');
const USERS = 14;
const THRESHOLD = 5;

type Op =
  | { kind: 'submit'; user: number; day: number; newVersion: boolean; option: number }
  | { kind: 'members'; mask: number }
  | { kind: 'window'; from: number; days: number }
  | { kind: 'publish' };

const ops = fc.array(
  fc.oneof(
    {
      weight: 8,
      arbitrary: fc.record({ kind: fc.constant('submit' as const), user: fc.nat(USERS - 1), day: fc.nat(34), newVersion: fc.nat(3).map((n) => n === 0), option: fc.nat(4) }),
    },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('members' as const), mask: fc.nat(2 ** USERS - 1) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('window' as const), from: fc.nat(20), days: fc.nat(30) }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('publish' as const) }) },
  ),
  { minLength: 12, maxLength: 40 },
);

describe('stored team aggregates', () => {
  let t: TestApp;
  let users: string[];
  let current: Framework;
  let older: FrameworkRegistry;
  let both: FrameworkRegistry;
  /** Every scan gets its own instant, so "latest" never depends on a tie. */
  let tick = 0;

  beforeAll(async () => {
    t = await startTestApp();
    current = t.app.services.frameworks.current();
    older = new FrameworkRegistry([current]);
    both = new FrameworkRegistry([current, { ...current, version: `${current.version}.9` }]);
    users = [];
    for (let i = 0; i < USERS; i += 1) {
      const email = `aggregate-${i}-${randomBytes(3).toString('hex')}@school.test`;
      users.push((await t.app.services.auth.createAccount({ email, password: TEST_PASSWORD, role: 'teacher' })).userId);
    }
  });
  afterAll(() => t.close());

  const digisnapAt = (registry: FrameworkRegistry, at = new Date().toISOString()) =>
    new DigisnapService(new DigisnapRepository(t.app.db.kysely), registry, new AuditRepository(t.app.db.kysely), () => at);

  /** A whole scan, on the current framework version or the newer one, with levels that vary by competence. */
  async function submit(op: Extract<Op, { kind: 'submit' }>) {
    const at = new Date(START + op.day * DAY + (tick += 1)).toISOString();
    const digisnap = digisnapAt(op.newVersion ? both : older, at);
    const { scan } = await digisnap.startScan(users[op.user]);
    for (const [i, { code }] of competenceList(digisnap.currentFramework()).entries()) await digisnap.answerItem(users[op.user], scan.id, code, (op.option + i) % 5);
    await digisnap.submitScan(users[op.user], scan.id);
  }

  it('equal the fixed round plus the new respondents after any submits, retakes, member and window changes and publications', async () => {
    const digisnap = digisnapAt(both);
    const teams = digisnap;
    // What the sequences reached, so a run that never published cannot pass for one that did.
    const reached = { published: 0, keptAfterChanges: 0, republished: 0 };
    await fc.assert(
      fc.asyncProperty(ops, async (sequence) => {
        let members = users.slice(0, 12);
        let membersVersion = 0;
        let window = { from: new Date(START).toISOString(), to: new Date(START + 30 * DAY).toISOString() };
        /** The published round: its respondents' counted scans, fixed once published. */
        let round: TeamScan[] = [];
        let publications = 0;
        const teamId = `team-${randomBytes(6).toString('hex')}`;
        const source = (): TeamSource => ({
          teamId,
          frameworkId: current.id,
          frameworkVersion: current.version,
          ...window,
          membersVersion: String(membersVersion),
          members: async () => members.map((userId) => ({ userId, since: '' })),
        });
        /** The members the round does not hold yet, counted from their scans. */
        const open = () =>
          teamFromScratch(t.app, {
            userIds: members.filter((id) => !round.some((scan) => scan.userId === id)),
            ...window,
            frameworkId: current.id,
            frameworkVersion: current.version,
            salt: teamId,
          });
        const keysOf = (scans: readonly TeamScan[]) => scans.map((scan) => respondentKey(teamId, scan)).sort();

        for (const op of sequence) {
          if (op.kind === 'submit') await submit(op);
          if (op.kind === 'members') {
            members = users.filter((_, i) => op.mask & (1 << i));
            membersVersion += 1;
          }
          if (op.kind === 'window') window = { from: new Date(START + op.from * DAY).toISOString(), to: new Date(START + (op.from + op.days) * DAY).toISOString() };
          if (op.kind === 'publish') {
            const fresh = await open();
            // The first publication needs the threshold of respondents, every later one that many new ones.
            const due = fresh.respondents >= THRESHOLD;
            const published = await teams.publishTeamIfDue(source(), THRESHOLD);
            if (due) {
              round = [...round, ...fresh.scans];
              publications += 1;
              expect(published).toMatchObject({ publication: publications, respondents: round.length, respondentKeys: keysOf(round) });
              reached.published += 1;
              if (publications > 1) reached.republished += 1;
            } else {
              if (round.length > 0 && fresh.respondents > 0) reached.keptAfterChanges += 1;
              expect(published).toBeNull();
            }
            if (round.length > 0) expect((await teams.publishedTeam(source(), THRESHOLD))?.respondentKeys).toEqual(keysOf(round));
          }

          const state = await teams.teamState(source());
          const fresh = await open();
          const stored = await t.app.db.kysely.selectFrom('team_aggregates').select('counts').where('team_id', '=', teamId).executeTakeFirstOrThrow();
          expect(decodeCounts(stored.counts, current)).toEqual(countTeam([...round, ...fresh.scans], current));
          expect(state).toEqual({ respondents: round.length + fresh.respondents, changed: fresh.respondents, publication: publications });
          expect(await teams.liveRespondentKeys(source())).toEqual(keysOf([...round, ...fresh.scans]));
        }
      }),
      {
        numRuns: 25,
        // A round published, kept while fewer than 5 came, then published again.
        examples: [
          [
            [
              ...[0, 1, 2, 3, 4].map((user) => ({ kind: 'submit' as const, user, day: 1, newVersion: false, option: user })),
              { kind: 'publish' as const },
              ...[5, 6, 7, 8].map((user) => ({ kind: 'submit' as const, user, day: 2, newVersion: false, option: 4 })),
              { kind: 'publish' as const },
              { kind: 'submit' as const, user: 1, day: 3, newVersion: false, option: 4 },
              { kind: 'submit' as const, user: 9, day: 3, newVersion: false, option: 0 },
              { kind: 'publish' as const },
            ],
          ],
        ],
      },
    );
    expect(reached.published).toBeGreaterThan(0);
    expect(reached.keptAfterChanges).toBeGreaterThan(0);
    expect(reached.republished).toBeGreaterThan(0);
  }, 300_000);

  it('ignores a scan on another framework version, outside the window, or of someone who is no member', async () => {
    const digisnap = digisnapAt(both);
    const teamId = `team-${randomBytes(6).toString('hex')}`;
    const source: TeamSource = {
      teamId,
      frameworkId: current.id,
      frameworkVersion: current.version,
      from: new Date(START + 100 * DAY).toISOString(),
      to: new Date(START + 110 * DAY).toISOString(),
      membersVersion: 'v',
      members: async () => users.slice(0, 2).map((userId) => ({ userId, since: '' })),
    };
    expect(await digisnap.teamState(source)).toEqual({ respondents: 0, changed: 0, publication: 0 });
    await submit({ kind: 'submit', user: 0, day: 105, newVersion: true, option: 2 });
    await submit({ kind: 'submit', user: 1, day: 111, newVersion: false, option: 2 });
    await submit({ kind: 'submit', user: 4, day: 105, newVersion: false, option: 2 });
    expect(await digisnap.teamState(source)).toEqual({ respondents: 0, changed: 0, publication: 0 });
    await submit({ kind: 'submit', user: 1, day: 101, newVersion: false, option: 2 });
    expect(await digisnap.teamState(source)).toEqual({ respondents: 1, changed: 1, publication: 0 });
    expect(await digisnap.publishTeamIfDue(source, THRESHOLD)).toBeNull();
    expect(await digisnap.publishedTeam(source, THRESHOLD)).toBeNull();
  });
});
