import type { Kysely, Selectable } from 'kysely';
import type { FollowUpSchoolFacts } from '../../../shared/centre/follow-up-progress';
import type { SchoolDatabase } from '../school.tables';

/** The ticks of the steps after a round (see follow-up.migrations.ts); only this repository reads them. */
// A type, not an interface: Kysely's withTables wants an index signature, which only types get implicitly.
export type FollowUpTables = {
  campaign_follow_up_ticks: { campaign_id: string; step_key: string; done_on: string; note: string | null; ticked_by: string | null; ticked_at: string };
};
export type FollowUpTickRow = Selectable<FollowUpTables['campaign_follow_up_ticks']>;

type Database = SchoolDatabase & FollowUpTables;

export class FollowUpRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async ticksOf(campaignId: string): Promise<FollowUpTickRow[]> {
    return this.db.selectFrom('campaign_follow_up_ticks').selectAll().where('campaign_id', '=', campaignId).execute();
  }

  /** Ticks the step, or changes its day and note. */
  async tick(row: FollowUpTickRow): Promise<void> {
    const { campaign_id, step_key, ...changes } = row;
    await this.db
      .insertInto('campaign_follow_up_ticks')
      .values(row)
      .onConflict((oc) => oc.columns(['campaign_id', 'step_key']).doUpdateSet(changes))
      .execute();
  }

  async untick(campaignId: string, stepKey: string): Promise<void> {
    await this.db.deleteFrom('campaign_follow_up_ticks').where('campaign_id', '=', campaignId).where('step_key', '=', stepKey).execute();
  }

  async latestFinishedCampaign(schoolId: string, today: string): Promise<string | undefined> {
    const row = await this.finished(today).where('campaigns.school_id', '=', schoolId).orderBy('campaigns.opens_on', 'desc').executeTakeFirst();
    return row?.id;
  }

  /**
   * Every school with a finished round (closed early, or past its last day `today`), with its
   * province and level and the steps ticked in any of its finished rounds: no names leave.
   */
  async schoolsWithFinishedRound(today: string): Promise<FollowUpSchoolFacts[]> {
    const finished = this.finished(today);
    const [schools, ticks] = await Promise.all([
      this.db
        .selectFrom('schools')
        .select(['schools.id', 'schools.province', 'schools.education_level'])
        .where('schools.id', 'in', finished.clearSelect().select('campaigns.school_id'))
        .orderBy('schools.id')
        .execute(),
      this.db
        .selectFrom('campaign_follow_up_ticks')
        .innerJoin(finished.as('finished'), 'finished.id', 'campaign_follow_up_ticks.campaign_id')
        .select(['finished.school_id', 'campaign_follow_up_ticks.step_key'])
        .distinct()
        .execute(),
    ]);
    const ticked = new Map<string, string[]>();
    for (const tick of ticks) ticked.set(tick.school_id, [...(ticked.get(tick.school_id) ?? []), tick.step_key]);
    return schools.map((school) => ({ province: school.province, level: school.education_level, ticked: ticked.get(school.id) ?? [] }));
  }

  /** The finished rounds: closed early, or past their last day. */
  private finished(today: string) {
    return this.db
      .selectFrom('campaigns')
      .select(['campaigns.id', 'campaigns.school_id'])
      .where((eb) => eb.or([eb('campaigns.closed_at', 'is not', null), eb('campaigns.closes_on', '<', today)]));
  }
}
