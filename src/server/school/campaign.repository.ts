import type { Kysely, Selectable } from 'kysely';
import type { Dialect } from '../platform/db/database';
import type { CampaignsTable, Database } from '../platform/db/schema';

export type CampaignRow = Selectable<CampaignsTable>;

export interface StoredReport {
  campaignId: string;
  seq: number;
  publishedAt: string;
  respondents: number;
  respondentKeys: string[];
  body: string;
}

/** A campaign of another school whose report was published: what a comparison group is made of. */
export interface PublishedCampaign {
  campaignId: string;
  schoolId: string;
  educationLevel: string | null;
  opensOn: string;
  closesOn: string;
  closedAt: string | null;
  /** When its latest report state was published: later scans are not in it. */
  publishedAt: string;
}

/** The only code that touches the campaigns and campaign_reports tables. */
export class CampaignRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: Dialect,
  ) {}

  /**
   * Inserts the campaign unless `overlaps` finds a clash with the school's other campaigns,
   * in one transaction that holds the school row (PostgreSQL; SQLite runs one at a time), so
   * two requests at once cannot both open overlapping campaigns. Returns the clash, if any.
   */
  async insertUnlessOverlapping(campaign: CampaignRow, overlaps: (others: CampaignRow[]) => CampaignRow | undefined): Promise<CampaignRow | undefined> {
    return this.db.transaction().execute(async (trx) => {
      await trx
        .selectFrom('schools')
        .select('id')
        .where('id', '=', campaign.school_id)
        .$if(this.dialect === 'postgres', (qb) => qb.forUpdate())
        .execute();
      const clash = overlaps(await trx.selectFrom('campaigns').selectAll().where('school_id', '=', campaign.school_id).execute());
      if (clash) return clash;
      await trx.insertInto('campaigns').values(campaign).execute();
      return undefined;
    });
  }

  /** Reopens with a new last day, under the same lock and overlap check as opening. */
  async reopenUnlessOverlapping(
    campaign: CampaignRow,
    closesOn: string,
    overlaps: (others: CampaignRow[]) => CampaignRow | undefined,
  ): Promise<CampaignRow | undefined> {
    return this.db.transaction().execute(async (trx) => {
      await trx
        .selectFrom('schools')
        .select('id')
        .where('id', '=', campaign.school_id)
        .$if(this.dialect === 'postgres', (qb) => qb.forUpdate())
        .execute();
      const others = await trx.selectFrom('campaigns').selectAll().where('school_id', '=', campaign.school_id).where('id', '!=', campaign.id).execute();
      const clash = overlaps(others);
      if (clash) return clash;
      await trx.updateTable('campaigns').set({ closed_at: null, closes_on: closesOn }).where('id', '=', campaign.id).execute();
      return undefined;
    });
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
    const result = await this.db.updateTable('campaigns').set({ closed_at: at }).where('id', '=', campaignId).where('closed_at', 'is', null).executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /** Records a round of reminders unless another round went out after `notAfter`; false then. */
  async recordReminders(campaignId: string, sent: number, at: string, notAfter: string): Promise<boolean> {
    const result = await this.db
      .updateTable('campaigns')
      .set((eb) => ({ reminder_rounds: eb('reminder_rounds', '+', 1), reminders_sent: eb('reminders_sent', '+', sent), reminded_at: at }))
      .where('id', '=', campaignId)
      .where((eb) => eb.or([eb('reminded_at', 'is', null), eb('reminded_at', '<=', notAfter)]))
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async latestReport(campaignId: string): Promise<StoredReport | undefined> {
    const row = await this.db
      .selectFrom('campaign_reports')
      .selectAll()
      .where('campaign_id', '=', campaignId)
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row && {
      campaignId: row.campaign_id,
      seq: Number(row.seq),
      publishedAt: row.published_at,
      respondents: Number(row.respondents),
      respondentKeys: JSON.parse(row.respondent_keys) as string[],
      body: row.body,
    };
  }

  /**
   * Stores the next state of a report. The primary key (campaign, seq) makes this a
   * compare-and-set: when another request published state `seq` first, this one fails and
   * returns false, and the caller decides again against what that request stored.
   */
  async insertReport(report: StoredReport): Promise<boolean> {
    try {
      await this.db
        .insertInto('campaign_reports')
        .values({
          campaign_id: report.campaignId,
          seq: report.seq,
          published_at: report.publishedAt,
          respondents: report.respondents,
          respondent_keys: JSON.stringify(report.respondentKeys),
          body: report.body,
        })
        .execute();
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
   * The campaigns on this framework version, of schools other than `exceptSchoolId`, that have a
   * published report, with the time of its latest state.
   */
  async publishedCampaigns(frameworkId: string, frameworkVersion: string, exceptSchoolId: string): Promise<PublishedCampaign[]> {
    const rows = await this.db
      .selectFrom('campaigns')
      .innerJoin('campaign_reports', 'campaign_reports.campaign_id', 'campaigns.id')
      .select((eb) => [
        'campaigns.id',
        'campaigns.school_id',
        'campaigns.education_level',
        'campaigns.opens_on',
        'campaigns.closes_on',
        'campaigns.closed_at',
        eb.fn.max('campaign_reports.published_at').as('published_at'),
      ])
      .where('campaigns.framework_id', '=', frameworkId)
      .where('campaigns.framework_version', '=', frameworkVersion)
      .where('campaigns.school_id', '!=', exceptSchoolId)
      .groupBy(['campaigns.id', 'campaigns.school_id', 'campaigns.education_level', 'campaigns.opens_on', 'campaigns.closes_on', 'campaigns.closed_at'])
      .orderBy('campaigns.school_id')
      .orderBy('campaigns.opens_on', 'desc')
      .execute();
    return rows.map((r) => ({
      campaignId: r.id,
      schoolId: r.school_id,
      educationLevel: r.education_level,
      opensOn: r.opens_on,
      closesOn: r.closes_on,
      closedAt: r.closed_at,
      publishedAt: String(r.published_at),
    }));
  }
}
