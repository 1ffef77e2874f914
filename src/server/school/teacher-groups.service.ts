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

  async groups(): Promise<Map<string, { province: string; level: string }>> {
    const groups = new Map<string, { province: string; level: string }>();
    for (const row of await this.repo.memberSchools()) {
      if (!groups.has(row.user_id)) groups.set(row.user_id, { province: row.province, level: row.education_level });
    }
    return groups;
  }
}
