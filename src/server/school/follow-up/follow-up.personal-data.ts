import type { Kysely } from 'kysely';
import type { PersonalDataSection } from '../../platform/personal-data/personal-data';
import type { SchoolDatabase } from '../school.tables';
import type { FollowUpTables } from './follow-up.repository';

/** The steps after a round the person ticked for their school: the day, the note they wrote and when. */
export function followUpPersonalData(db: Kysely<SchoolDatabase & FollowUpTables>): PersonalDataSection {
  return {
    name: 'follow_up_ticks',
    columns: ['school', 'campaign', 'step', 'done_on', 'note', 'ticked_at'],
    covers: ['campaign_follow_up_ticks.ticked_by'],
    read: (userId) =>
      db
        .selectFrom('campaign_follow_up_ticks')
        .innerJoin('campaigns', 'campaigns.id', 'campaign_follow_up_ticks.campaign_id')
        .select(['campaigns.school_id as school', 'campaigns.id as campaign', 'campaign_follow_up_ticks.step_key as step', 'done_on', 'note', 'ticked_at'])
        .where('campaign_follow_up_ticks.ticked_by', '=', userId)
        .orderBy('ticked_at')
        .execute(),
  };
}
