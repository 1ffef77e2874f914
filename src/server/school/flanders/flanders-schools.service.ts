import type { FlandersSchool } from '../../../shared/digisnap/flanders-picture';
import type { TeacherPage } from '../../../shared/digisnap/teacher-pages';
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

  /** Changes with every change to the schools, their policy plans, cyber checks or reflections: what the centre's fronts of this module are kept by. */
  frontsVersion(): Promise<number> {
    return this.repo.frontsVersion();
  }

  /** Every school with its number of teachers and whether a Digisnap round finished in the window (see `pictureWindow`). */
  schools(window: { from: string; fromDate: string; today: string }): Promise<FlandersSchool[]> {
    return this.repo.schools(window);
  }

  /** Every teacher with their schools (smallest id first), a range of members at a time (`TeacherPage`). */
  async *teacherPages(): AsyncGenerator<TeacherPage<readonly string[]>> {
    for await (const range of this.repo.ranges()) {
      const schoolsOf = new Map<string, string[]>();
      for (const row of await this.repo.teacherSchools(range)) {
        const list = schoolsOf.get(row.user_id);
        if (list) list.push(row.school_id);
        else schoolsOf.set(row.user_id, [row.school_id]);
      }
      yield { ...range, teachers: schoolsOf };
    }
  }
}
