import type { Insertable, Kysely, Selectable, Updateable, UpdateObject } from 'kysely';
import { precompiled } from '../platform/db/precompiled';
import type { ComparisonPartsTable, ComparisonTotalsTable, DigisnapDatabase as Database, TeamAggregatesTable, TeamMembersTable } from './digisnap.tables';

export type TeamRow = Selectable<TeamAggregatesTable>;
export type TeamMemberRow = Selectable<TeamMembersTable>;
/** What a read of the team needs: what it was counted for, and its counts of people (not the counts themselves). */
export type TeamHead = Pick<TeamRow, (typeof teamHeadColumns)[number]>;

const teamHeadColumns = ['team_id', 'framework_id', 'framework_version', 'window_from', 'window_to', 'members_version', 'respondents', 'changed', 'publication'] as const;
export type ComparisonPartRow = Selectable<ComparisonPartsTable>;
export type ComparisonTotalRow = Selectable<ComparisonTotalsTable>;

type Db = Kysely<Database>;

/** A team held for a submit, with the submitter's row in it. */
export type TeamWithMember = Pick<TeamRow, 'framework_id' | 'framework_version' | 'window_from' | 'window_to' | 'respondents' | 'changed' | 'counts'> &
  Pick<TeamMemberRow, 'is_member' | 'scan_id' | 'submitted_at' | 'published_scan_id' | 'member_since'>;

/**
 * The teams whose window, on this framework version, holds the moment (`atOrAfterFrom`,
 * `beforeTo`: the same time, bound twice) and whose member the user is: where a scan submitted
 * then counts. Without its select list, so a submit's first statement can count them too.
 */
export const teamsCountingQuery = (db: Db, userId: string, frameworkId: string, frameworkVersion: string, atOrAfterFrom: string, beforeTo: string) =>
  db
    .selectFrom('team_members')
    .innerJoin('team_aggregates', 'team_aggregates.team_id', 'team_members.team_id')
    .where('team_members.user_id', '=', userId)
    .where('team_members.is_member', '=', 1)
    .where('team_aggregates.framework_id', '=', frameworkId)
    .where('team_aggregates.framework_version', '=', frameworkVersion)
    .where('team_aggregates.window_from', '<=', atOrAfterFrom)
    .where('team_aggregates.window_to', '>', beforeTo);

/**
 * The only code that touches the team aggregate tables. A write first bumps the row it
 * changes (`lockTeam`, `lockTotal`, `lockPart`): on PostgreSQL that update holds the row until
 * commit, and the reads after it see what committed before, so two writers never add to the
 * same counts from the same starting point. SQLite runs one transaction at a time anyway.
 */
export class TeamAggregateRepository {
  /** Behind every team report read, and every submit: compiled once. */
  private readonly teamHeadById;
  private readonly teamIdsCounting;
  private readonly bumpRevision;
  private readonly teamWithMember;
  private readonly memberScan;
  private readonly teamCounts;

  constructor(private readonly db: Db) {
    this.teamHeadById = precompiled(db, (teamId: string) => db.selectFrom('team_aggregates').select(teamHeadColumns).where('team_id', '=', teamId), 1);
    this.teamIdsCounting = precompiled(
      db,
      (userId: string, frameworkId: string, frameworkVersion: string, atOrAfterFrom: string, beforeTo: string) =>
        teamsCountingQuery(db, userId, frameworkId, frameworkVersion, atOrAfterFrom, beforeTo).select('team_members.team_id').orderBy('team_members.team_id'),
      5,
    );
    this.bumpRevision = precompiled(
      db,
      (teamId: string) =>
        db
          .updateTable('team_aggregates')
          .set((eb) => ({ revision: eb('revision', '+', 1) }))
          .where('team_id', '=', teamId),
      1,
    );
    this.teamWithMember = precompiled(
      db,
      (teamId: string, userId: string) =>
        db
          .selectFrom('team_aggregates')
          .innerJoin('team_members', 'team_members.team_id', 'team_aggregates.team_id')
          .select([
            'team_aggregates.framework_id',
            'team_aggregates.framework_version',
            'team_aggregates.window_from',
            'team_aggregates.window_to',
            'team_aggregates.respondents',
            'team_aggregates.changed',
            'team_aggregates.counts',
            'team_members.is_member',
            'team_members.scan_id',
            'team_members.submitted_at',
            'team_members.published_scan_id',
            'team_members.member_since',
          ])
          .where('team_aggregates.team_id', '=', teamId)
          .where('team_members.user_id', '=', userId),
      2,
    );
    this.memberScan = precompiled(
      db,
      (scanId: string, submittedAt: string, teamId: string, userId: string) =>
        db.updateTable('team_members').set({ scan_id: scanId, submitted_at: submittedAt }).where('team_id', '=', teamId).where('user_id', '=', userId),
      4,
    );
    this.teamCounts = precompiled(
      db,
      (counts: string, respondents: number, changed: number, updatedAt: string, teamId: string) =>
        db.updateTable('team_aggregates').set({ counts, respondents, changed, updated_at: updatedAt }).where('team_id', '=', teamId),
      5,
    );
  }

  transaction<T>(work: (trx: Db) => Promise<T>): Promise<T> {
    return this.db.transaction().execute(work);
  }

  async teamHead(teamId: string): Promise<TeamHead | undefined> {
    const [row] = await this.teamHeadById(teamId);
    return row;
  }

  /** Makes the team's row if there is none yet, with `initial`. */
  async createTeam(trx: Db, initial: Insertable<TeamAggregatesTable>): Promise<void> {
    await trx
      .insertInto('team_aggregates')
      .values(initial)
      .onConflict((oc) => oc.column('team_id').doNothing())
      .execute();
  }

  /** Takes the team's row for this transaction and reads it. */
  async lockTeam(trx: Db, teamId: string): Promise<TeamRow | undefined> {
    await this.bumpRevision.on(trx)(teamId);
    return trx.selectFrom('team_aggregates').selectAll().where('team_id', '=', teamId).executeTakeFirst();
  }

  /** Takes the team's row for this transaction and reads what a submit of this user changes. */
  async lockTeamWithMember(trx: Db, teamId: string, userId: string): Promise<TeamWithMember | undefined> {
    await this.bumpRevision.on(trx)(teamId);
    const [row] = await this.teamWithMember.on(trx)(teamId, userId);
    return row;
  }

  async saveTeam(trx: Db, teamId: string, changes: Updateable<TeamAggregatesTable>): Promise<void> {
    await trx.updateTable('team_aggregates').set(changes).where('team_id', '=', teamId).execute();
  }

  /** A submit's change to a team it counts in: the counts and its numbers of respondents. */
  async saveTeamCounts(trx: Db, teamId: string, team: { counts: string; respondents: number; changed: number; updatedAt: string }): Promise<void> {
    await this.teamCounts.on(trx)(team.counts, team.respondents, team.changed, team.updatedAt, teamId);
  }

  members(teamId: string, trx: Db = this.db): Promise<TeamMemberRow[]> {
    return trx.selectFrom('team_members').selectAll().where('team_id', '=', teamId).execute();
  }

  /** Replaces every member row of the team, in batches that stay under the databases' limits on bound parameters. */
  async replaceMembers(trx: Db, teamId: string, rows: readonly TeamMemberRow[]): Promise<void> {
    await trx.deleteFrom('team_members').where('team_id', '=', teamId).execute();
    for (let i = 0; i < rows.length; i += 500)
      await trx
        .insertInto('team_members')
        .values(rows.slice(i, i + 500))
        .execute();
  }

  async saveMemberScan(trx: Db, teamId: string, userId: string, scan: { scanId: string; submittedAt: string }): Promise<void> {
    await this.memberScan.on(trx)(scan.scanId, scan.submittedAt, teamId, userId);
  }

  /** The new respondents join the published round, fixed from now on; rows of former members the round does not count go. */
  async markPublished(trx: Db, teamId: string): Promise<void> {
    await trx
      .updateTable('team_members')
      .set((eb) => ({ published_scan_id: eb.ref('scan_id'), published_submitted_at: eb.ref('submitted_at') }))
      .where('team_id', '=', teamId)
      .where('published_scan_id', 'is', null)
      .where('scan_id', 'is not', null)
      .execute();
    await trx.deleteFrom('team_members').where('team_id', '=', teamId).where('is_member', '=', 0).where('published_scan_id', 'is', null).execute();
  }

  /** The teams whose window, on this framework version, holds `at` and whose member the user is: where a scan submitted then counts. */
  async teamsCounting(trx: Db, scan: { userId: string; frameworkId: string; frameworkVersion: string; at: string }): Promise<string[]> {
    const rows = await this.teamIdsCounting.on(trx)(scan.userId, scan.frameworkId, scan.frameworkVersion, scan.at, scan.at);
    return rows.map((r) => r.team_id);
  }

  // ------------------------------------------------------------ comparison groups

  part(db: Db, key: PartKey): Promise<ComparisonPartRow | undefined> {
    return db
      .selectFrom('comparison_parts')
      .selectAll()
      .where('framework_id', '=', key.frameworkId)
      .where('framework_version', '=', key.frameworkVersion)
      .where('member', '=', key.member)
      .executeTakeFirst();
  }

  /** Takes the member's part for this transaction, making an empty one (no team, no groups) if there is none. */
  async lockPart(trx: Db, key: PartKey, emptyCounts: string): Promise<ComparisonPartRow> {
    await trx
      .insertInto('comparison_parts')
      .values({ framework_id: key.frameworkId, framework_version: key.frameworkVersion, member: key.member, team_id: '', groups: '[]', counts: emptyCounts })
      .onConflict((oc) => oc.columns(['framework_id', 'framework_version', 'member']).doNothing())
      .execute();
    // Writing the key onto itself changes nothing but takes the row.
    await this.updatePart(trx, key, { member: key.member });
    return (await this.part(trx, key))!;
  }

  async savePart(trx: Db, key: PartKey, part: { teamId: string; groups: readonly string[]; counts: string }): Promise<void> {
    await this.updatePart(trx, key, { team_id: part.teamId, groups: JSON.stringify(part.groups), counts: part.counts });
  }

  total(db: Db, key: TotalKey): Promise<ComparisonTotalRow | undefined> {
    return db
      .selectFrom('comparison_totals')
      .selectAll()
      .where('framework_id', '=', key.frameworkId)
      .where('framework_version', '=', key.frameworkVersion)
      .where('group_key', '=', key.group)
      .executeTakeFirst();
  }

  /** Takes the group's total for this transaction, making an empty one if there is none. */
  async lockTotal(trx: Db, key: TotalKey, emptyCounts: string): Promise<ComparisonTotalRow> {
    await trx
      .insertInto('comparison_totals')
      .values({ framework_id: key.frameworkId, framework_version: key.frameworkVersion, group_key: key.group, members: 0, counts: emptyCounts, revision: 0 })
      .onConflict((oc) => oc.columns(['framework_id', 'framework_version', 'group_key']).doNothing())
      .execute();
    await trx
      .updateTable('comparison_totals')
      .set((eb) => ({ revision: eb('revision', '+', 1) }))
      .where('framework_id', '=', key.frameworkId)
      .where('framework_version', '=', key.frameworkVersion)
      .where('group_key', '=', key.group)
      .execute();
    return (await this.total(trx, key))!;
  }

  async saveTotal(trx: Db, key: TotalKey, total: { members: number; counts: string }): Promise<void> {
    await trx
      .updateTable('comparison_totals')
      .set(total)
      .where('framework_id', '=', key.frameworkId)
      .where('framework_version', '=', key.frameworkVersion)
      .where('group_key', '=', key.group)
      .execute();
  }

  private async updatePart(trx: Db, key: PartKey, changes: UpdateObject<Database, 'comparison_parts'>): Promise<void> {
    await trx
      .updateTable('comparison_parts')
      .set(changes)
      .where('framework_id', '=', key.frameworkId)
      .where('framework_version', '=', key.frameworkVersion)
      .where('member', '=', key.member)
      .execute();
  }
}

export interface PartKey {
  frameworkId: string;
  frameworkVersion: string;
  member: string;
}

export interface TotalKey {
  frameworkId: string;
  frameworkVersion: string;
  group: string;
}
