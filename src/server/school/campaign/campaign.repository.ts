import { type InferResult, type Kysely, type Selectable, sql } from 'kysely';
import type { Dialect } from '../../platform/db/database';
import { precompiled } from '../../platform/db/precompiled';
import { lockRow } from '../../platform/db/row-lock';
import { RecentReads, SchoolWrites } from '../recent-reads';
import type { CampaignsTable, SchoolDatabase as Database } from '../school.tables';

export type CampaignRow = Selectable<CampaignsTable>;

export interface StoredReport {
  campaignId: string;
  seq: number;
  publishedAt: string;
  respondents: number;
  respondentKeys: string[];
  body: string;
  /** The digisnap team aggregate's publication this state shows; null for a state stored before there were any. */
  publication: number | null;
}

/** What a team report is read from: the campaign, its school's name and member-list version, and the latest stored state. */
export interface ReportView {
  campaign: CampaignRow;
  schoolName: string;
  /** The school's education level now (the campaign keeps the one it opened with). */
  schoolLevel: string | null;
  /** Changes with every change to the school's memberships (a trigger keeps it). */
  membersVersion: number;
  report: Pick<StoredReport, 'seq' | 'publishedAt' | 'publication'> | null;
}

/** Stored states kept in memory as bytes; a state never changes once stored, so nothing goes stale. */
const STORED_BODIES_KEPT = 256;
/**
 * How long a report read serves the caller's roles and the report view from memory: the bound on
 * seeing another process's change of memberships or campaigns (this process's own are seen at once).
 */
export const REPORT_ACCESS_CACHE_MS = 1_000;
/** At most this many (caller, school, campaign) views in memory, a kilobyte or so each. */
const REPORT_ACCESS_KEPT = 1_000;

/**
 * A school's campaign with what its report is read from: the school's name, level and member-list
 * version, and the latest stored state (the highest seq). Driven by the school row: a row whenever
 * the school exists, its campaign columns null when the school has no such campaign.
 */
const reportViewQuery = (db: Kysely<Database>, schoolId: string, campaignId: string) =>
  db
    .selectFrom('schools')
    .leftJoin('campaigns', (join) => join.onRef('campaigns.school_id', '=', 'schools.id').on('campaigns.id', '=', campaignId))
    .leftJoin('school_membership_versions as versions', 'versions.school_id', 'schools.id')
    .leftJoin('campaign_reports as report', (join) =>
      join.onRef('report.campaign_id', '=', 'campaigns.id').on((eb) =>
        eb(
          'report.seq',
          '=',
          eb
            .selectFrom('campaign_reports as later')
            .select((sub) => sub.fn.max('later.seq').as('seq'))
            .whereRef('later.campaign_id', '=', 'campaigns.id'),
        ),
      ),
    )
    .selectAll('campaigns')
    .select([
      'schools.name as school_name',
      'schools.education_level as school_level',
      'versions.version as members_version',
      'report.seq',
      'report.publication',
      'report.published_at',
    ])
    .where('schools.id', '=', schoolId);

/**
 * The report view with the caller's roles at the school. Own roles come as one comma-joined text
 * (role names hold no comma).
 */
const reportViewForQuery = (db: Kysely<Database>, dialect: Dialect, userId: string, boardUserId: string, campaignId: string, schoolId: string) =>
  reportViewQuery(db, schoolId, campaignId).select((eb) => [
    eb
      .selectFrom('memberships as own')
      .select(dialect === 'postgres' ? sql<string | null>`string_agg(own.role, ',')`.as('roles') : sql<string | null>`group_concat(own.role, ',')`.as('roles'))
      .whereRef('own.school_id', '=', 'schools.id')
      .where('own.user_id', '=', userId)
      .as('own_roles'),
    eb
      .exists(
        eb
          .selectFrom('memberships as board')
          .innerJoin('schools as sibling', 'sibling.id', 'board.school_id')
          .select('board.user_id')
          .where('board.user_id', '=', boardUserId)
          .where('board.role', '=', 'board_admin')
          .whereRef('sibling.board_id', '=', 'schools.board_id'),
      )
      .as('board_admin'),
  ]);

type ReportViewRow = InferResult<ReturnType<typeof reportViewQuery>>[number];

/** The view in a row of `reportViewQuery`; undefined when the school has no such campaign. */
function viewOf(row: ReportViewRow): ReportView | undefined {
  const { school_name, school_level, members_version, seq, publication, published_at, ...campaign } = row;
  if (campaign.id === null) return undefined;
  return {
    campaign: campaign as CampaignRow,
    schoolName: school_name,
    schoolLevel: school_level,
    membersVersion: Number(members_version ?? 0),
    report: seq === null || published_at === null ? null : { seq: Number(seq), publishedAt: published_at, publication: publication === null ? null : Number(publication) },
  };
}

/** The caller's roles at a school, and the view of its campaign's report when the school has that campaign. */
export interface ReportAccess {
  /** The caller's own roles at the school (memberships), unfiltered. */
  ownRoles: string[];
  /** Whether the caller is board admin in a school of the same board. */
  boardAdmin: boolean;
  view: ReportView | undefined;
}

/** The only code that touches the campaigns and campaign_reports tables. */
export class CampaignRepository {
  /** Behind every team report read: compiled once. */
  private readonly reportViewOf;
  /** Behind every team report read: the access check and the report view in one read, compiled once. */
  private readonly reportViewFor;
  private readonly bodies = new Map<string, Buffer>();
  private readonly recentAccess: RecentReads<ReportAccess>;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: Dialect,
    /** Shared with the school repository, whose membership writes change a caller's access too. */
    private readonly writes = new SchoolWrites(),
  ) {
    this.recentAccess = new RecentReads(writes, REPORT_ACCESS_CACHE_MS, REPORT_ACCESS_KEPT);
    this.reportViewOf = precompiled(db, (schoolId: string, campaignId: string) => reportViewQuery(db, schoolId, campaignId), 2);
    this.reportViewFor = precompiled(
      db,
      (userId: string, boardUserId: string, campaignId: string, schoolId: string) => reportViewForQuery(db, dialect, userId, boardUserId, campaignId, schoolId),
      4,
    );
  }

  /**
   * The caller's roles at the school with the report view of the campaign, in one indexed read
   * (what `access.require` and `reportView` read, together); undefined when the school does not exist.
   * Served from memory for REPORT_ACCESS_CACHE_MS after it was read, unless this process wrote
   * memberships, campaigns or reports since (see RecentReads).
   */
  reportAccess(userId: string, schoolId: string, campaignId: string): Promise<ReportAccess | undefined> {
    return this.recentAccess.read(`${userId}\u0000${schoolId}\u0000${campaignId}`, async () => {
      const [row] = await this.reportViewFor(userId, userId, campaignId, schoolId);
      if (!row) return undefined;
      const { own_roles, board_admin, ...view } = row;
      return { ownRoles: own_roles ? own_roles.split(',') : [], boardAdmin: Boolean(Number(board_admin)), view: viewOf(view) };
    });
  }

  /**
   * A stored state's body, as UTF-8 bytes: read once, then kept (the most recently used
   * STORED_BODIES_KEPT of them), since a stored state never changes. Undefined when there is none.
   */
  async storedBody(campaignId: string, seq: number): Promise<Buffer | undefined> {
    const key = `${campaignId}\u0000${seq}`;
    const kept = this.bodies.get(key);
    if (kept) return kept;
    const row = await this.db.selectFrom('campaign_reports').select('body').where('campaign_id', '=', campaignId).where('seq', '=', seq).executeTakeFirst();
    if (!row) return undefined;
    const body = Buffer.from(row.body);
    if (this.bodies.size >= STORED_BODIES_KEPT) this.bodies.delete(this.bodies.keys().next().value!);
    this.bodies.set(key, body);
    return body;
  }

  /** The campaign of this school with what its report is read from, in one query; undefined when the school has no such campaign. */
  async reportView(schoolId: string, campaignId: string): Promise<ReportView | undefined> {
    const [row] = await this.reportViewOf(schoolId, campaignId);
    return row && viewOf(row);
  }

  /**
   * Inserts the campaign unless `overlaps` finds a clash with the school's other campaigns,
   * in one transaction that holds the school row (PostgreSQL; SQLite runs one at a time), so
   * two requests at once cannot both open overlapping campaigns. Returns the clash, if any.
   */
  insertUnlessOverlapping(campaign: CampaignRow, overlaps: (others: CampaignRow[]) => CampaignRow | undefined): Promise<CampaignRow | undefined> {
    return this.writes.around(
      this.db.transaction().execute(async (trx) => {
        await lockRow(trx, this.dialect, 'schools', campaign.school_id);
        const clash = overlaps(await trx.selectFrom('campaigns').selectAll().where('school_id', '=', campaign.school_id).execute());
        if (clash) return clash;
        await trx.insertInto('campaigns').values(campaign).execute();
        return undefined;
      }),
    );
  }

  /** Reopens with a new last day, under the same lock and overlap check as opening. */
  reopenUnlessOverlapping(campaign: CampaignRow, closesOn: string, overlaps: (others: CampaignRow[]) => CampaignRow | undefined): Promise<CampaignRow | undefined> {
    return this.writes.around(
      this.db.transaction().execute(async (trx) => {
        await lockRow(trx, this.dialect, 'schools', campaign.school_id);
        const others = await trx.selectFrom('campaigns').selectAll().where('school_id', '=', campaign.school_id).where('id', '!=', campaign.id).execute();
        const clash = overlaps(others);
        if (clash) return clash;
        await trx.updateTable('campaigns').set({ closed_at: null, closes_on: closesOn }).where('id', '=', campaign.id).execute();
        return undefined;
      }),
    );
  }

  find(schoolId: string, campaignId: string): Promise<CampaignRow | undefined> {
    return this.db.selectFrom('campaigns').selectAll().where('id', '=', campaignId).where('school_id', '=', schoolId).executeTakeFirst();
  }

  /** The school's campaigns, newest window first. */
  listOfSchool(schoolId: string): Promise<CampaignRow[]> {
    return this.db.selectFrom('campaigns').selectAll().where('school_id', '=', schoolId).orderBy('opens_on', 'desc').orderBy('created_at', 'desc').execute();
  }

  /** Closes it unless it was closed already; false then. */
  async close(campaignId: string, at: string): Promise<boolean> {
    const result = await this.writes.around(this.db.updateTable('campaigns').set({ closed_at: at }).where('id', '=', campaignId).where('closed_at', 'is', null).executeTakeFirst());
    return Number(result.numUpdatedRows) > 0;
  }

  /** Records a round of reminders unless another round went out after `notAfter`; false then. */
  async recordReminders(campaignId: string, sent: number, at: string, notAfter: string): Promise<boolean> {
    const result = await this.writes.around(
      this.db
        .updateTable('campaigns')
        .set((eb) => ({ reminder_rounds: eb('reminder_rounds', '+', 1), reminders_sent: eb('reminders_sent', '+', sent), reminded_at: at }))
        .where('id', '=', campaignId)
        .where((eb) => eb.or([eb('reminded_at', 'is', null), eb('reminded_at', '<=', notAfter)]))
        .executeTakeFirst(),
    );
    return Number(result.numUpdatedRows) > 0;
  }

  async latestReport(campaignId: string): Promise<StoredReport | undefined> {
    const row = await this.db.selectFrom('campaign_reports').selectAll().where('campaign_id', '=', campaignId).orderBy('seq', 'desc').limit(1).executeTakeFirst();
    return (
      row && {
        campaignId: row.campaign_id,
        seq: Number(row.seq),
        publishedAt: row.published_at,
        respondents: Number(row.respondents),
        respondentKeys: JSON.parse(row.respondent_keys) as string[],
        body: row.body,
        publication: row.publication === null ? null : Number(row.publication),
      }
    );
  }

  /**
   * Stores the next state of a report. The primary key (campaign, seq) makes this a
   * compare-and-set: when another request published state `seq` first, this one fails and
   * returns false, and the caller decides again against what that request stored.
   */
  async insertReport(report: StoredReport): Promise<boolean> {
    try {
      await this.writes.around(
        this.db
          .insertInto('campaign_reports')
          .values({
            campaign_id: report.campaignId,
            seq: report.seq,
            published_at: report.publishedAt,
            respondents: report.respondents,
            respondent_keys: JSON.stringify(report.respondentKeys),
            body: report.body,
            publication: report.publication,
          })
          .execute(),
      );
      return true;
    } catch (error) {
      if (await this.reportExists(report.campaignId, report.seq)) return false;
      throw error;
    }
  }

  private async reportExists(campaignId: string, seq: number): Promise<boolean> {
    const row = await this.db.selectFrom('campaign_reports').select('seq').where('campaign_id', '=', campaignId).where('seq', '=', seq).executeTakeFirst();
    return row !== undefined;
  }

  /**
   * Whether the school has a campaign on the same framework version that opened later than this
   * one and has a stored report: then that one, not this, stands for the school in comparisons.
   */
  async hasLaterReportedCampaign(campaign: Pick<CampaignRow, 'id' | 'school_id' | 'framework_id' | 'framework_version' | 'opens_on'>): Promise<boolean> {
    const row = await this.db
      .selectFrom('campaigns')
      .select('campaigns.id')
      .where('campaigns.school_id', '=', campaign.school_id)
      .where('campaigns.framework_id', '=', campaign.framework_id)
      .where('campaigns.framework_version', '=', campaign.framework_version)
      .where('campaigns.opens_on', '>', campaign.opens_on)
      .where('campaigns.id', '!=', campaign.id)
      .where((eb) => eb.exists(eb.selectFrom('campaign_reports').select('campaign_reports.seq').whereRef('campaign_reports.campaign_id', '=', 'campaigns.id')))
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  }
}
