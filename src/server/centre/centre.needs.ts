import type { FlandersPicture } from '../../shared/centre/digisnap-picture';
import type { PictureBreakdown } from '../../shared/centre/picture-vocabulary';
import type { FlandersSchool } from '../../shared/digisnap/flanders-picture';
import type { TeacherPage } from '../../shared/digisnap/teacher-pages';
import type { IctTeamPicture } from '../../shared/school/ict-team/ict-team-picture';
import type { BootcampSchools, BootcampTrainings } from './actions.needs';
import type { FollowUpTicks } from './follow-up.needs';
import type { FrontsNeeds } from './fronts.needs';
import type { NeedsOfferNeeds } from './needs-offer.needs';

/**
 * What the knowledge centre asks of the other modules: small interfaces, each offered by the
 * module that owns the answer and wired in app.ts. The centre never reads another module's tables.
 */

/** Digisnap's Flanders-wide picture, released through its privacy gate only. */
export interface FlandersDigisnap {
  /** Changes with every change to a submitted scan. */
  scansVersion(): Promise<number>;
  /** Every breakdown's picture of the release for the data now: these schools' teachers (a page at a time), scans submitted from `from` on. */
  flandersPicture(schools: readonly FlandersSchool[], teachers: AsyncIterable<TeacherPage<readonly string[]>>, from: string): Promise<Record<PictureBreakdown, FlandersPicture>>;
}

/** The schools with the facts the figures are broken down by. */
export interface FlandersSchools {
  /** Changes with every change to schools, their members or their campaigns. */
  version(): Promise<number>;
  schools(window: { from: string; fromDate: string; today: string }): Promise<FlandersSchool[]>;
  /** Every teacher with the ids of their schools, smallest first, a range of teachers at a time. */
  teachers(): AsyncIterable<TeacherPage<readonly string[]>>;
}

/** The schools' ICT teams, counted by the school module: no names. */
export interface IctTeamCounts {
  picture(): Promise<IctTeamPicture>;
}

export interface CentreNeeds {
  digisnap: FlandersDigisnap;
  schools: FlandersSchools;
  /** The other fronts: the ICT park, funding, policy plans, cyber check, reflection, STEM (fronts.needs.ts). */
  fronts: FrontsNeeds;
  needsOffer: NeedsOfferNeeds;
  bootcamps: BootcampTrainings & BootcampSchools;
  ictTeams: IctTeamCounts;
  followUp: FollowUpTicks;
}
