import type { Framework } from '../../shared/digisnap/framework';
import type { ProfileRanking } from '../../shared/digisnap/profile';
import type { Province } from '../../shared/platform/flanders';

/** What the catalogue asks of Digisnap: the frameworks its trainings are tagged with, and a teacher's own profile. */
export interface CompetenceProfiles {
  currentFramework(): Framework;
  frameworkLookup(): (id: string, version: string) => Framework | undefined;
  /** What recommendations rank by, of the caller's own profile; fails with not_found before a first scan. */
  profileRanking(userId: string): Promise<ProfileRanking>;
}

/** What the catalogue asks of the school module: where users teach. */
export interface SchoolsOfUsers {
  /** The provinces of the schools the user belongs to. */
  provincesOfUser(userId: string): Promise<Province[]>;
  /** Per user id, the names of the schools they belong to (users without one are left out). */
  schoolNamesOfUsers(userIds: readonly string[]): Promise<Map<string, string[]>>;
}

/** Everything the catalogue module needs from other modules; the app wires it. */
export interface CatalogueNeeds {
  profiles: CompetenceProfiles;
  schools: SchoolsOfUsers;
}
