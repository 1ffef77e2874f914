/** What the register of actions asks of the catalogue: the training a bootcamp track is offered as. */
export interface BootcampTrainings {
  /** A published training of kind bootcamp, with its title; null when there is none by that id. */
  bootcampTraining(trainingId: string): Promise<{ id: string; title: string } | null>;
}

export interface BootcampSchool {
  id: string;
  name: string;
  institutionNumber: string | null;
  province: string | null;
}

/** What the bootcamps ask of the school module: the school a team comes from. */
export interface BootcampSchools {
  /** The school with this id, or else with this institution number; null when there is none. */
  school(idOrNumber: string): Promise<{ id: string; name: string } | null>;
  /** Schools whose name or institution number holds `q`, by name, at most `limit`. */
  searchSchools(q: string, limit: number): Promise<BootcampSchool[]>;
}
