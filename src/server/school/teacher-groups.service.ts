import type { TeacherPage } from '../../shared/digisnap/teacher-pages';
import type { TeacherGroupsRepository } from './teacher-groups.repository';

/**
 * Teachers by province and education level, as the knowledge centre counts its needs: each
 * teacher in one group only (the school with the smallest id, when they teach in several), so a
 * teacher is one person in a Flanders-wide count. Never a school's name or id.
 */
export class TeacherGroupsService {
  constructor(private readonly repo: TeacherGroupsRepository) {}

  version(): Promise<string> {
    return this.repo.version();
  }

  /** Every member's group, a range of members at a time (`TeacherPage`). */
  async *pages(): AsyncGenerator<TeacherPage<{ province: string; level: string }>> {
    // One object per group, shared by its teachers: 200,000 teachers hold a few dozen objects.
    const shared = new Map<string, { province: string; level: string }>();
    for await (const range of this.repo.ranges()) {
      const groups = new Map<string, { province: string; level: string }>();
      for (const row of await this.repo.memberSchools(range)) {
        if (groups.has(row.user_id)) continue;
        const key = `${row.province}\u0000${row.education_level}`;
        let group = shared.get(key);
        if (!group) {
          group = { province: row.province, level: row.education_level };
          shared.set(key, group);
        }
        groups.set(row.user_id, group);
      }
      yield { ...range, teachers: groups };
    }
  }
}
