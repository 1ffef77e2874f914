import type { Kysely } from 'kysely';
import type { Framework } from '../../shared/digisnap/framework';
import { comparisonsAllowed, decidePublication } from '../../shared/digisnap/privacy';
import { drawNoise, type NoisyCounts, type TeamCounts } from '../../shared/digisnap/protected-team';
import type { ScanResult } from '../../shared/digisnap/scoring';
import type { ComparisonGroup, ComparisonPart, ComparisonRequest, PublishedTeam, TeamMember, TeamSource, TeamState } from '../../shared/digisnap/team-aggregates';
import type { Uniform } from '../../shared/platform/differential-privacy';
import type { DigisnapRepository } from './digisnap.repository';
import type { DigisnapDatabase as Database } from './digisnap.tables';
import {
  addCounts,
  addScan,
  countTeam,
  decodeCounts,
  decodeNoisy,
  emptyCounts,
  encodeCounts,
  encodeNoisy,
  isLaterScan,
  latestPerTeacher,
  parseBackground,
  releaseTeamAggregate,
  respondentKey,
  type TeamScan,
} from './team-aggregate';
import type { TeamHead, TeamMemberRow, TeamRow } from './team-aggregate.repository';

/**
 * Stored team aggregates, for the school module's team reports: a read instead of a count of
 * every scan. Each team (a campaign) is a round whose respondents are fixed once counted: a
 * teacher whose scan a published state counted stays in the round with that scan, whether they
 * retake the scan, leave the school or are removed. Until then a member's latest scan in the
 * window (submitted after they joined) counts, and a submit adds it inside the submit's own
 * transaction. What the counts depend on beyond the scans (the members, the window, the
 * framework version) comes with every request as a `TeamSource`; when it differs from what the
 * counts were made for, the new respondents are counted anew from the scans, on top of the
 * published round.
 *
 * Raw counts never leave: what comes back is a number of respondents, how many new ones came
 * since the published state, and the tables of a publication's noisy counts. A publication
 * draws its noise once (`drawNoise`) and stores it; every later read serves the stored noise.
 * Whether a new state may be published is decided here, by the privacy gate, on the team held
 * for the write (`publishIfDue`): it takes at least the threshold of new respondents.
 */

export type { ComparisonGroup, ComparisonPart, PublishedTeam, TeamSource, TeamState } from '../../shared/digisnap/team-aggregates';

const ALL_GROUP = 'all';
const levelGroup = (level: string) => `level:${level}`;
const groupsOf = (level: string | null) => (level === null ? [ALL_GROUP] : [ALL_GROUP, levelGroup(level)]);

export class TeamAggregateService {
  constructor(
    private readonly scans: DigisnapRepository,
    private readonly frameworks: (id: string, version: string) => Framework | undefined,
    private readonly now: () => string,
    /** ε per histogram and the source of the noise: the operating system's CSPRNG, a seeded one in tests. */
    private readonly noise: { epsilon: number; uniform: Uniform },
  ) {}

  private get repo() {
    return this.scans.teams;
  }

  /** The team as it stands: one indexed read while members, window and framework are unchanged. */
  async state(source: TeamSource): Promise<TeamState> {
    const row = await this.repo.teamHead(source.teamId);
    return stateOf(row && isUpToDate(row, source) ? row : await this.recount(source));
  }

  /**
   * Publishes the live state when the privacy gate allows it (decidePublication), and makes it
   * the member's part of the comparison groups when `part` says so. Null when it may not (or no
   * longer: another request published first); the caller then reads the state again.
   */
  async publishIfDue(source: TeamSource, threshold: number, part?: ComparisonPart): Promise<PublishedTeam | null> {
    await this.state(source);
    const framework = this.frameworkOf(source);
    const published = await this.repo.transaction(async (trx) => {
      const team = await this.repo.lockTeam(trx, source.teamId);
      if (!team || !isUpToDate(team, source)) return null;
      if (decidePublication({ published: team.publication > 0, ...stateOf(team) }, threshold).kind !== 'publish') return null;
      const noisy = encodeNoisy(drawNoise(decodeCounts(team.counts, framework), framework, this.noise.epsilon, this.noise.uniform), framework);
      await this.repo.markPublished(trx, team.team_id);
      const publication = team.publication + 1;
      await this.repo.saveTeam(trx, team.team_id, {
        publication,
        published_counts: team.counts,
        published_noisy: noisy,
        published_respondents: team.respondents,
        changed: 0,
        updated_at: this.now(),
      });
      if (part) await this.setPart(trx, team, noisy, part);
      return { publication, noisy, members: await this.repo.members(team.team_id, trx) };
    });
    return published && this.publishedTeam(source, published, threshold);
  }

  /**
   * The latest published state's tables again (to show it once more), or null before the first:
   * the stored noise, so a second read tells nothing the first did not. A state published before
   * noise was stored gets its noise drawn now, once.
   */
  async published(source: TeamSource, threshold: number): Promise<PublishedTeam | null> {
    const framework = this.frameworkOf(source);
    const published = await this.repo.transaction(async (trx) => {
      const team = await this.repo.lockTeam(trx, source.teamId);
      if (!team || team.published_counts === null) return null;
      let noisy = team.published_noisy;
      if (noisy === null) {
        noisy = encodeNoisy(drawNoise(decodeCounts(team.published_counts, framework), framework, this.noise.epsilon, this.noise.uniform), framework);
        await this.repo.saveTeam(trx, team.team_id, { published_noisy: noisy });
      }
      return { publication: team.publication, noisy, members: await this.repo.members(team.team_id, trx) };
    });
    return published && this.publishedTeam(source, published, threshold);
  }

  /** The keys of the live respondents, for a caller that compares them with keys it stored itself. */
  async liveRespondentKeys(source: TeamSource): Promise<string[]> {
    await this.state(source);
    const members = await this.repo.members(source.teamId);
    return keysOf(
      source.teamId,
      members.map((m) => ({ userId: m.user_id, submittedAt: m.published_submitted_at ?? m.submitted_at })),
    );
  }

  /**
   * The comparison groups beside one member: the sum of all members' published noisy counts, and
   * of those of the same level, each without the asking member's own part. A sum of published
   * noisy counts is post-processing: it reveals nothing the publications did not. A group is
   * shown only when comparisonsAllowed allows it and it holds at least the threshold of respondents.
   */
  async comparisons(request: ComparisonRequest): Promise<{ all: ComparisonGroup | null; level: ComparisonGroup | null }> {
    const framework = this.frameworkOf(request);
    const empty = encodeCounts(emptyCounts(framework), framework);
    const groups = await this.repo.transaction(async (trx) => {
      const key = (group: string) => ({ frameworkId: request.frameworkId, frameworkVersion: request.frameworkVersion, group });
      // Totals first, held, then the part: a part changes only together with its totals.
      const all = await this.repo.lockTotal(trx, key(ALL_GROUP), empty);
      const level = request.level === null ? null : await this.repo.lockTotal(trx, key(levelGroup(request.level)), empty);
      const own = await this.repo.part(trx, { frameworkId: request.frameworkId, frameworkVersion: request.frameworkVersion, member: request.exceptMember });
      return { all, level, own };
    });
    const ownGroups: string[] = groups.own ? JSON.parse(groups.own.groups) : [];
    const withoutOwn = (total: { group_key: string; members: number; counts: string }) => {
      const counts = decodeCounts(total.counts, framework);
      if (!ownGroups.includes(total.group_key)) return { members: total.members, counts };
      return { members: total.members - 1, counts: addCounts(counts, decodeCounts(groups.own!.counts, framework), -1) };
    };
    const all = withoutOwn(groups.all);
    const level = groups.level && withoutOwn(groups.level);
    const allowed = comparisonsAllowed(all.members, level?.members ?? null);
    const shown = (group: { members: number; counts: TeamCounts }): ComparisonGroup | null => {
      const team = releaseTeamAggregate({ epsilon: this.noise.epsilon, counts: group.counts }, framework, request.threshold);
      return team && { members: group.members, team };
    };
    return { all: allowed.flanders ? shown(all) : null, level: allowed.sameLevel && level ? shown(level) : null };
  }

  /**
   * Inside the submit's transaction: the scan replaces its teacher's earlier one in every team
   * whose member they are and whose window, on the scan's framework version, holds its time,
   * unless a published state of that team counts the teacher already (their round is fixed).
   */
  async scanSubmitted(trx: Trx, scan: SubmittedTeamScan): Promise<void> {
    const teamIds = await this.repo.teamsCounting(trx, { ...scan, at: scan.submittedAt });
    for (const teamId of teamIds) await this.addToTeam(trx, teamId, scan);
  }

  // ------------------------------------------------------------ internals

  private async addToTeam(trx: Trx, teamId: string, scan: SubmittedTeamScan): Promise<void> {
    const team = await this.repo.lockTeamWithMember(trx, teamId, scan.userId);
    if (team?.is_member !== 1 || team.published_scan_id !== null || !countsIn(team, scan)) return;
    if (team.member_since !== null && scan.submittedAt < team.member_since) return;
    const previous = team.scan_id === null ? null : { scanId: team.scan_id, submittedAt: team.submitted_at ?? '' };
    if (previous && !isLaterScan(scan, previous)) return;
    const framework = this.frameworkOf({ frameworkId: team.framework_id, frameworkVersion: team.framework_version });
    const counts = decodeCounts(team.counts, framework);
    if (previous) {
      const earlier = await this.scans.countedScan(previous.scanId, trx);
      // The earlier scan is gone (its account was deleted): count the team anew at its next read.
      if (!earlier) return this.repo.saveTeam(trx, teamId, { members_version: '' });
      addScan(counts, { result: JSON.parse(earlier.result) as ScanResult, background: parseBackground(earlier.background) }, -1);
    }
    addScan(counts, scan);
    await this.repo.saveMemberScan(trx, teamId, scan.userId, scan);
    await this.repo.saveTeamCounts(trx, teamId, {
      counts: encodeCounts(counts, framework),
      respondents: team.respondents + (previous ? 0 : 1),
      changed: team.changed + (previous ? 0 : 1),
      updatedAt: this.now(),
    });
  }

  /**
   * Counts the team anew for the members and window of `source`: the published round as it was
   * counted (its counts kept, its respondents kept as rows, former members too), and on top of it
   * each other member's latest scan in the window submitted after they joined.
   */
  private async recount(source: TeamSource): Promise<TeamRow> {
    const framework = this.frameworkOf(source);
    const members = uniqueMembers(await source.members());
    const now = this.now();
    return this.repo.transaction(async (trx) => {
      await this.repo.createTeam(trx, {
        team_id: source.teamId,
        framework_id: source.frameworkId,
        framework_version: source.frameworkVersion,
        window_from: source.from,
        window_to: source.to,
        members_version: '',
        revision: 0,
        respondents: 0,
        counts: encodeCounts(emptyCounts(framework), framework),
        changed: 0,
        publication: 0,
        published_respondents: 0,
        published_counts: null,
        published_noisy: null,
        updated_at: now,
      });
      const team = (await this.repo.lockTeam(trx, source.teamId))!;
      const before = await this.repo.members(source.teamId, trx);
      const fixed = new Set(before.filter((row) => row.published_scan_id !== null).map((row) => row.user_id));
      const open = members.filter((m) => !fixed.has(m.userId));
      const since = new Map(open.map((m) => [m.userId, m.since]));
      const window = { from: source.from, to: source.to, frameworkId: source.frameworkId, frameworkVersion: source.frameworkVersion };
      const inWindow = await this.scans.submittedInWindow(
        open.map((m) => m.userId),
        window,
        trx,
      );
      // A scan counts only when it was submitted while its teacher was a member of the school.
      const counted = latestPerTeacher(inWindow.filter((row) => row.submittedAt >= (since.get(row.userId) ?? '')).map(teamScanOf));
      const memberRows = rowsOf(source.teamId, members, counted, before);
      await this.repo.replaceMembers(trx, source.teamId, memberRows);
      const round = team.published_counts === null ? emptyCounts(framework) : decodeCounts(team.published_counts, framework);
      const counts = addCounts(round, countTeam(counted, framework));
      const changes = {
        framework_id: source.frameworkId,
        framework_version: source.frameworkVersion,
        window_from: source.from,
        window_to: source.to,
        members_version: source.membersVersion,
        respondents: counts.respondents,
        counts: encodeCounts(counts, framework),
        changed: counted.length,
        updated_at: now,
      };
      await this.repo.saveTeam(trx, source.teamId, changes);
      return { ...team, ...changes };
    });
  }

  /** Replaces the member's part of its comparison groups by this team's published noisy counts. */
  private async setPart(trx: Trx, team: TeamRow, noisy: string, part: ComparisonPart): Promise<void> {
    const framework = this.frameworkOf({ frameworkId: team.framework_id, frameworkVersion: team.framework_version });
    const empty = encodeCounts(emptyCounts(framework), framework);
    const key = { frameworkId: team.framework_id, frameworkVersion: team.framework_version };
    const old = await this.repo.lockPart(trx, { ...key, member: part.member }, empty);
    const oldGroups: string[] = JSON.parse(old.groups);
    const newGroups = groupsOf(part.level);
    for (const group of [...new Set([...oldGroups, ...newGroups])].sort()) {
      const total = await this.repo.lockTotal(trx, { ...key, group }, empty);
      const counts = decodeCounts(total.counts, framework);
      let members = total.members;
      if (oldGroups.includes(group)) {
        addCounts(counts, decodeCounts(old.counts, framework), -1);
        members -= 1;
      }
      if (newGroups.includes(group)) {
        addCounts(counts, decodeNoisy(noisy, framework).counts, 1);
        members += 1;
      }
      await this.repo.saveTotal(trx, { ...key, group }, { members, counts: encodeCounts(counts, framework) });
    }
    await this.repo.savePart(trx, { ...key, member: part.member }, { teamId: team.team_id, groups: newGroups, counts: encodeCounts(decodeNoisy(noisy, framework).counts, framework) });
  }

  private publishedTeam(source: TeamSource, state: { publication: number; noisy: string; members: TeamMemberRow[] }, threshold: number): PublishedTeam {
    const framework = this.frameworkOf(source);
    const noisy: NoisyCounts = decodeNoisy(state.noisy, framework);
    const team = releaseTeamAggregate(noisy, framework, threshold);
    if (!team) throw new Error(`Team ${source.teamId}: a published state has ${noisy.counts.respondents} respondents, under the threshold ${threshold}`);
    const keys = keysOf(
      source.teamId,
      state.members.map((m) => ({ userId: m.user_id, submittedAt: m.published_submitted_at })),
    );
    return { publication: state.publication, respondents: noisy.counts.respondents, respondentKeys: keys, team };
  }

  private frameworkOf(team: { frameworkId: string; frameworkVersion: string }): Framework {
    const framework = this.frameworks(team.frameworkId, team.frameworkVersion);
    if (!framework) throw new Error(`Framework ${team.frameworkId}@${team.frameworkVersion} is not loaded`);
    return framework;
  }
}

type Trx = Kysely<Database>;

/** A scan as submitted, with what a team needs of it. */
export interface SubmittedTeamScan extends TeamScan {
  frameworkId: string;
  frameworkVersion: string;
}

/** A scans row as a team counts it. */
export function teamScanOf(row: { id: string; userId: string; submittedAt: string; result: string; background: string }): TeamScan {
  return { scanId: row.id, userId: row.userId, submittedAt: row.submittedAt, result: JSON.parse(row.result) as ScanResult, background: parseBackground(row.background) };
}

const stateOf = (row: TeamHead): TeamState => ({ respondents: Number(row.respondents), changed: Number(row.changed), publication: Number(row.publication) });

const isUpToDate = (row: TeamHead, source: TeamSource) =>
  row.framework_id === source.frameworkId &&
  row.framework_version === source.frameworkVersion &&
  row.window_from === source.from &&
  row.window_to === source.to &&
  row.members_version === source.membersVersion;

const countsIn = (team: Pick<TeamRow, 'framework_id' | 'framework_version' | 'window_from' | 'window_to'>, scan: SubmittedTeamScan) =>
  team.framework_id === scan.frameworkId && team.framework_version === scan.frameworkVersion && team.window_from <= scan.submittedAt && scan.submittedAt < team.window_to;

/** Member rows for a recount: each published respondent as counted (a former member too), and each other member with their counted scan. */
function rowsOf(teamId: string, members: readonly TeamMember[], counted: readonly TeamScan[], before: readonly TeamMemberRow[]): TeamMemberRow[] {
  const latest = new Map(counted.map((scan) => [scan.userId, scan]));
  const since = new Map(members.map((m) => [m.userId, m.since]));
  const rows: TeamMemberRow[] = before
    .filter((row) => row.published_scan_id !== null)
    .map((row) => ({
      ...row,
      is_member: since.has(row.user_id) ? 1 : 0,
      scan_id: row.published_scan_id,
      submitted_at: row.published_submitted_at,
      member_since: since.get(row.user_id) ?? row.member_since,
    }));
  const fixed = new Set(rows.map((row) => row.user_id));
  for (const { userId, since: memberSince } of members) {
    if (fixed.has(userId)) continue;
    rows.push({
      team_id: teamId,
      user_id: userId,
      is_member: 1,
      scan_id: latest.get(userId)?.scanId ?? null,
      submitted_at: latest.get(userId)?.submittedAt ?? null,
      published_scan_id: null,
      published_submitted_at: null,
      member_since: memberSince,
    });
  }
  return rows;
}

/** Each member once, with the earliest time they were a member from. */
function uniqueMembers(members: readonly TeamMember[]): TeamMember[] {
  const since = new Map<string, string>();
  for (const member of members) {
    const known = since.get(member.userId);
    if (known === undefined || member.since < known) since.set(member.userId, member.since);
  }
  return [...since].map(([userId, memberSince]) => ({ userId, since: memberSince }));
}

function keysOf(salt: string, respondents: ReadonlyArray<{ userId: string; submittedAt: string | null }>): string[] {
  return respondents
    .filter((r): r is { userId: string; submittedAt: string } => r.submittedAt !== null)
    .map((r) => respondentKey(salt, r))
    .sort();
}
