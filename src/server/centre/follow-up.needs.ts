import type { FollowUpSchoolFacts } from '../../shared/centre/follow-up-progress';

/** What the centre asks of the school module for the follow-up: per school with a finished round, where it is and which steps it ticked; no names. */
export interface FollowUpTicks {
  schoolsWithFinishedRound(): Promise<FollowUpSchoolFacts[]>;
}
