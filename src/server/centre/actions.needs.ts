/** What the register of actions asks of the catalogue: the training a bootcamp track is offered as. */
export interface BootcampTrainings {
  /** A published training of kind bootcamp, with its title; null when there is none by that id. */
  bootcampTraining(trainingId: string): Promise<{ id: string; title: string } | null>;
}
