/** What the ICT park asks of the school module: the schools a board admin sees, and whether a school exists. */
export interface BoardSchools {
  /** The board's schools (id and name) when the user is one of its admins; not_found (404) otherwise. */
  schoolsOfBoard(userId: string, boardId: string): Promise<ReadonlyArray<{ id: string; name: string }>>;
}

/** Whether a school exists: the operator's import names it by id. */
export interface SchoolsExist {
  schoolExists(schoolId: string): Promise<boolean>;
}

/** Whether an account is on a school's own team: a staff loan is bound only to a member's account. */
export interface SchoolTeams {
  isTeamMember(userId: string, schoolId: string): Promise<boolean>;
}

/** Everything the infra module needs from other modules; the app wires it. */
export interface InfraNeeds {
  boards: BoardSchools;
  schools: SchoolsExist;
  teams: SchoolTeams;
}
