/** What the ICT park asks of the school module: the schools a board admin sees. */
export interface BoardSchools {
  /** The board's schools (id and name) when the user is one of its admins; not_found (404) otherwise. */
  schoolsOfBoard(userId: string, boardId: string): Promise<Array<{ id: string; name: string }>>;
}

/** Everything the infra module needs from other modules; the app wires it. */
export interface InfraNeeds {
  boards: BoardSchools;
}
