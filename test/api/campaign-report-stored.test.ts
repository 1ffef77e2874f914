import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCounts, countTeam, emptyCounts, releaseTeamAggregate, type TeamScan } from '../../src/server/digisnap/team-aggregate';
import { teamScanOf } from '../../src/server/digisnap/team-aggregate.service';
import { drawNoise } from '../../src/shared/digisnap/protected-team';
import { campaignWindow } from '../../src/shared/school/campaign/campaign';
import { buildSchoolReport, type SchoolReport, schoolReportSchema } from '../../src/shared/school/campaign/report';
import { teamFromScratch } from '../support/team-from-scratch';
import { errorOf, NO_NOISE, startTestApp, TEST_PASSWORD, type TestApp } from '../support/test-app';
import {
  type AnswerPattern,
  addTeacher,
  campaignsUrl,
  createSchool,
  dayFromToday,
  instantFromNow,
  memberSince,
  openCampaign,
  reportLeaks,
  reportTables,
  reportUrl,
  type School,
  submitScanAt,
} from './campaign-fixtures';

/**
 * The team report read from stored aggregates against a model counted from scratch: the round
 * last published is fixed (its respondents stay with the scan counted, whether they retake,
 * leave or come back); every other member counts with their latest scan in the window submitted
 * after they joined; a new state is published when at least the threshold of such new
 * respondents came, and the served report must be exactly that state (the test server draws no
 * noise), after any sequence of submits, retakes, members joining and leaving, and the campaign
 * closing and reopening.
 */

const POOL = 10;
const THRESHOLD = 5;

const ops = fc.array(
  fc.oneof(
    {
      weight: 12,
      arbitrary: fc.record({ kind: fc.constant('submit' as const), teacher: fc.nat(POOL - 1), days: fc.integer({ min: -11, max: 2 }), option: fc.nat(4), young: fc.boolean() }),
    },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('join' as const), teacher: fc.nat(POOL - 1) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('leave' as const), teacher: fc.nat(POOL - 1) }) },
    { weight: 1, arbitrary: fc.constant({ kind: 'close' as const }) },
    { weight: 1, arbitrary: fc.constant({ kind: 'reopen' as const }) },
    { weight: 3, arbitrary: fc.constant({ kind: 'read' as const }) },
  ),
  { minLength: 20, maxLength: 45 },
);

/** Levels that differ by competence, so the tables have more than one filled cell per row. */
const varied =
  (option: number): AnswerPattern =>
  (i) =>
    (option + (i % 3)) % 5;

describe('getSchoolReport from stored aggregates', () => {
  let t: TestApp;
  let tick = 0;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('shows exactly the state a count from scratch would, after any sequence of changes', async () => {
    const reached = { published: 0, republished: 0, kept: 0, tooFew: 0 };
    await fc.assert(
      fc.asyncProperty(fc.nat(7), ops, async (early, sequence) => {
        const schoolId = await t.app.services.schools.createSchool({ name: `Stored ${randomBytes(3).toString('hex')}`, educationLevel: 'primary', province: 'limburg' });
        const principal = await t.user('principal', { schoolId });
        const pool: Array<{ id: string; email: string }> = [];
        for (let i = 0; i < POOL; i += 1) {
          const email = `stored-${i}-${randomBytes(4).toString('hex')}@school.test`;
          pool.push({ id: (await t.app.services.auth.createAccount({ email, password: TEST_PASSWORD, role: 'teacher' })).userId, email });
        }
        const members = new Set<number>();
        // A teacher joins as accepting an invitation (or a join code) makes them a member.
        const join = async (i: number) => {
          await t.app.services.schools.grantRole(pool[i].id, schoolId, 'teacher');
          members.add(i);
        };
        for (let i = 0; i < 7; i += 1) await join(i);
        // The first seven joined a month ago; whoever joins during the sequence joins now, and their earlier scans do not count.
        await memberSince(
          t,
          schoolId,
          pool.slice(0, 7).map((p) => p.id),
          instantFromNow(-30),
        );
        // Some of the team took the scan before the campaign was opened, inside its window.
        for (let i = 0; i < early; i += 1) await submitScanAt(t, pool[i].id, new Date(Date.parse(instantFromNow(-9)) + (tick += 1)).toISOString(), varied(i));
        const campaign = await openCampaign(principal, schoolId);
        let closed = false;
        let shown: SchoolReport | null = null;
        /** The published round's counted scans: fixed once published. */
        let round: TeamScan[] = [];

        for (const op of sequence) {
          if (op.kind === 'submit') {
            const at = new Date(Date.parse(instantFromNow(op.days)) + (tick += 1)).toISOString();
            await submitScanAt(t, pool[op.teacher].id, at, varied(op.option), op.young ? { experience: '0_5' } : {});
          }
          if (op.kind === 'join' && !members.has(op.teacher)) await join(op.teacher);
          if (op.kind === 'leave' && members.has(op.teacher)) {
            expect((await principal.request({ method: 'DELETE', url: `/api/schools/${schoolId}/members/${pool[op.teacher].id}` })).statusCode).toBe(204);
            members.delete(op.teacher);
          }
          if (op.kind === 'close' || op.kind === 'reopen') {
            const response = await principal.request({ method: 'POST', url: `${campaignsUrl(schoolId)}/${campaign.id}/${op.kind}` });
            expect(response.statusCode).toBe((op.kind === 'close') === !closed ? 200 : 409);
            if (response.statusCode === 200) closed = op.kind === 'close';
          }
          if (op.kind !== 'read') continue;

          const dates = (await principal.request({ method: 'GET', url: `${campaignsUrl(schoolId)}/${campaign.id}` })).json();
          const since = new Map((await t.app.services.schools.teachersSince(schoolId)).map((m) => [m.userId, m.since]));
          const fresh = await teamFromScratch(t.app, {
            userIds: [...since.keys()].filter((id) => !round.some((scan) => scan.userId === id)),
            ...campaignWindow(dates),
            frameworkId: campaign.frameworkId,
            frameworkVersion: campaign.frameworkVersion,
            salt: campaign.id,
            since,
          });
          const response = await principal.request({ method: 'GET', url: reportUrl(schoolId, campaign.id) });
          if (!shown && fresh.respondents < THRESHOLD) {
            expect(errorOf(response)).toMatchObject({ status: 422, id: 'too_few_respondents' });
            reached.tooFew += 1;
            continue;
          }
          expect(response.statusCode).toBe(200);
          const report = schoolReportSchema.parse(response.json());
          // The bytes are the serializer's own, though they went out as stored.
          expect(response.body).toBe(JSON.stringify(schoolReportSchema.encode(report)));
          expect(report.campaign).toMatchObject({ id: campaign.id, closesOn: dates.closesOn });
          expect(reportLeaks(report)).toEqual([]);
          if (fresh.respondents >= THRESHOLD) {
            round = [...round, ...fresh.scans];
            const framework = t.app.services.frameworks.current();
            const expected = buildSchoolReport({
              campaign: report.campaign,
              framework,
              team: releaseTeamAggregate(drawNoise(countTeam(round, framework), framework, 1, NO_NOISE), framework, THRESHOLD)!,
              publishedAt: report.publishedAt,
              previous: null,
              flanders: null,
              sameLevel: null,
            });
            // Other schools of this suite make the comparisons; they are tested on their own.
            expect({ ...report, comparisons: null }).toEqual({ ...expected, comparisons: null });
            reached.published += 1;
            if (shown) reached.republished += 1;
            shown = report;
          } else {
            expect(reportTables(report)).toEqual(reportTables(shown!));
            expect(report.respondents).toBe(round.length);
            expect({ state: report.state, note: report.note?.id ?? null }).toEqual(
              fresh.respondents === 0 ? { state: 'current', note: null } : { state: 'kept', note: 'earlier_state_kept' },
            );
            reached.kept += 1;
          }
        }
      }),
      { numRuns: 20 },
    );
    expect(reached.published).toBeGreaterThan(0);
    expect(reached.kept).toBeGreaterThan(0);
    expect(reached.tooFew).toBeGreaterThan(0);
  }, 600_000);
});

describe('getSchoolReport comparisons from stored aggregates', () => {
  let t: TestApp;
  let tick = 0;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const at = (days: number) => new Date(Date.parse(instantFromNow(days)) + (tick += 1)).toISOString();
  const read = (school: School, campaignId: string) => school.principal.request({ method: 'GET', url: reportUrl(school.id, campaignId) });

  /** A school whose teachers took the scan, with a campaign whose report is published. */
  async function publishedSchool(level: string, teachers: number) {
    const school = await createSchool(t, { teachers, level });
    for (const [i, id] of school.teacherIds.entries()) await submitScanAt(t, id, at(-2), varied(i));
    const campaign = await openCampaign(school.principal, school.id);
    expect((await read(school, campaign.id)).statusCode).toBe(200);
    return { school, campaign };
  }

  /**
   * From scratch: every other school by the published state of its latest campaign with a
   * report, counted anew from the scans that state counted, and added up.
   */
  async function comparisonFromScratch(exceptSchoolId: string, level: string | null) {
    const db = t.app.db.kysely;
    const framework = t.app.services.frameworks.current();
    const campaigns = await db
      .selectFrom('campaigns')
      .select(['id', 'school_id', 'education_level', 'opens_on'])
      .where('school_id', '!=', exceptSchoolId)
      .where((eb) => eb.exists(eb.selectFrom('campaign_reports').select('seq').whereRef('campaign_reports.campaign_id', '=', 'campaigns.id')))
      .orderBy('opens_on', 'desc')
      .execute();
    const latest = new Map<string, (typeof campaigns)[number]>();
    for (const campaign of campaigns) if (!latest.has(campaign.school_id)) latest.set(campaign.school_id, campaign);
    const group = (members: Array<(typeof campaigns)[number]>) => async () => {
      const counts = emptyCounts(framework);
      for (const campaign of members) {
        const published = await db.selectFrom('team_members').select('published_scan_id').where('team_id', '=', campaign.id).where('published_scan_id', 'is not', null).execute();
        const scans = await db
          .selectFrom('scans')
          .select(['id', 'user_id', 'submitted_at', 'result', 'background'])
          .where(
            'id',
            'in',
            published.map((p) => p.published_scan_id!),
          )
          .execute();
        const team = scans.map((row) => teamScanOf({ id: row.id, userId: row.user_id, submittedAt: row.submitted_at!, result: row.result!, background: row.background }));
        addCounts(counts, countTeam(team, framework));
      }
      return { schools: members.length, team: releaseTeamAggregate({ epsilon: 1, counts }, framework, THRESHOLD)! };
    };
    const all = [...latest.values()];
    return { flanders: await group(all)(), sameLevel: level === null ? null : await group(all.filter((c) => c.education_level === level))() };
  }

  it('add up each other school’s latest published state, replaced when it publishes anew or a later campaign does', async () => {
    const first = await publishedSchool('primary', 6);
    const second = await publishedSchool('primary', 6);
    await publishedSchool('primary', 6);
    for (let i = 0; i < 3; i += 1) await publishedSchool('secondary', 6);

    // Five newcomers at the first school: a new state, which replaces its earlier one in the groups.
    for (let i = 0; i < 5; i += 1) await submitScanAt(t, await addTeacher(t, first.school.id), at(-1), varied(4));
    expect((await read(first.school, first.campaign.id)).json()).toMatchObject({ respondents: 11, state: 'current' });

    // The second school closes its campaign and runs a later one, which then stands for it.
    await second.school.principal.request({ method: 'POST', url: `${campaignsUrl(second.school.id)}/${second.campaign.id}/close` });
    const later = await openCampaign(second.school.principal, second.school.id, { opensOn: dayFromToday(1), closesOn: dayFromToday(9) });
    for (const id of second.school.teacherIds.slice(0, 5)) await submitScanAt(t, id, at(2), varied(0));
    expect((await read(second.school, later.id)).json()).toMatchObject({ respondents: 5 });
    // Reading the earlier campaign again changes nothing: the later one keeps standing for the school.
    expect((await read(second.school, second.campaign.id)).json()).toMatchObject({ respondents: 6, state: 'current' });

    const reader = await createSchool(t, { teachers: 5, level: 'primary' });
    for (const id of reader.teacherIds) await submitScanAt(t, id, at(-1), varied(2));
    const campaign = await openCampaign(reader.principal, reader.id);
    const expected = await comparisonFromScratch(reader.id, 'primary');
    expect(expected.flanders.schools).toBe(6);
    expect(expected.sameLevel!.schools).toBe(3);
    const groups = await t.app.services.digisnap.teamComparisons({
      frameworkId: campaign.frameworkId,
      frameworkVersion: campaign.frameworkVersion,
      exceptMember: reader.id,
      level: 'primary',
      threshold: THRESHOLD,
    });
    expect(groups).toEqual({ all: { members: 6, team: expected.flanders.team }, level: { members: 3, team: expected.sameLevel!.team } });

    const report = schoolReportSchema.parse((await read(reader, campaign.id)).json());
    const asShown = buildSchoolReport({
      campaign: report.campaign,
      framework: t.app.services.frameworks.current(),
      team: expected.flanders.team,
      publishedAt: report.publishedAt,
      previous: null,
      flanders: expected.flanders,
      sameLevel: { ...expected.sameLevel!, educationLevel: 'primary' },
    });
    expect(report.comparisons).toEqual(asShown.comparisons);
  }, 120_000);
});
