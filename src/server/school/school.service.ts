import { conflict, validationError } from '../../shared/errors';
import { newId, nowIso } from '../platform/ids';
import type { SchoolRepository } from './school.repository';

export const educationLevels = ['pre_primary', 'primary', 'secondary', 'adult', 'special_needs', 'higher'] as const;
export const provinces = ['antwerpen', 'limburg', 'oost-vlaanderen', 'vlaams-brabant', 'west-vlaanderen', 'brussel'] as const;

export class SchoolService {
  constructor(private readonly repo: SchoolRepository) {}

  exists(id: string): Promise<boolean> {
    return this.repo.exists(id);
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
