import { conflict, validationError } from '../../shared/errors';
import { type Province, educationLevels, provinces } from '../../shared/platform/flanders';
import { newId, nowIso } from '../platform/ids';
import type { SchoolRepository } from './school.repository';

export class SchoolService {
  constructor(private readonly repo: SchoolRepository) {}

  exists(id: string): Promise<boolean> {
    return this.repo.exists(id);
  }

  /** The provinces of the schools a user belongs to, without repeats (e.g. for recommendations nearby). */
  async provincesOfUser(userId: string): Promise<Province[]> {
    const schools = await this.repo.schoolsOfUsers([userId]);
    return [...new Set(schools.map((s) => s.province).filter((p): p is Province => p !== null && (provinces as readonly string[]).includes(p)))];
  }

  /** The names of each user's schools, for lists that show people with their school. */
  async schoolNamesOfUsers(userIds: readonly string[]): Promise<Map<string, string[]>> {
    const names = new Map<string, string[]>();
    for (const school of await this.repo.schoolsOfUsers(userIds)) names.set(school.userId, [...(names.get(school.userId) ?? []), school.name]);
    return names;
  }

  async createSchool(input: { name: string; institutionNumber?: string; educationLevel?: string; province?: string }): Promise<string> {
    const name = input.name.trim();
    if (!name) throw validationError('name', 'A school needs a name');
    if (input.educationLevel && !(educationLevels as readonly string[]).includes(input.educationLevel)) {
      throw validationError('level', `level must be one of ${educationLevels.join(', ')}`);
    }
    const province = input.province?.toLowerCase();
    if (province && !(provinces as readonly string[]).includes(province)) {
      throw validationError('province', `province must be one of ${provinces.join(', ')}`);
    }
    if (input.institutionNumber && (await this.repo.findByInstitutionNumber(input.institutionNumber))) {
      throw conflict(`A school with institution number ${input.institutionNumber} exists already`, 'number');
    }
    const id = newId();
    await this.repo.insert({
      id,
      name,
      institutionNumber: input.institutionNumber ?? null,
      educationLevel: input.educationLevel ?? null,
      province: province ?? null,
      createdAt: nowIso(),
    });
    return id;
  }
}
