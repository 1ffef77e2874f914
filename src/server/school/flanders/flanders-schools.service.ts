import type { FlandersSchool } from '../../../shared/digisnap/flanders-picture';
import type { FlandersSchoolsRepository } from './flanders-schools.repository';

/**
 * The schools as the knowledge centre's Flanders-wide figures group them (province, education
 * level, network, size by teachers), offered to the centre through its needs: facts about
 * schools, never about one person.
 */
export class FlandersSchoolsService {
  constructor(private readonly repo: FlandersSchoolsRepository) {}

  /** A number that changes with every change to the schools, their members or their campaigns. */
  version(): Promise<number> {
    return this.repo.version();
  }

  /** Every school with its teachers and whether a Digisnap round finished in the window (see `pictureWindow`). */
  schools(window: { from: string; fromDate: string; today: string }): Promise<FlandersSchool[]> {
    return this.repo.schools(window);
  }
}
