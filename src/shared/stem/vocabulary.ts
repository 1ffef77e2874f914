/**
 * The code lists of the STEM monitor, as the counts CSV and the API write them. Plain constants
 * without zod, so the dashboard can use them without loading the schemas. Labels live in the
 * i18n files; what each indicator counts lives in content/stem.
 */

export const stemLevels = ['secondary', 'higher', 'adult'] as const;
export type StemLevel = (typeof stemLevels)[number];

/** The measurement moments (DOMAIN.md §5.1), per level: a count names one of its level's. */
export const stemMomentsOfLevel = {
  secondary: ['year3_inflow', 'year5_inflow', 'grade23', 'qualification'],
  higher: ['inflow', 'diploma'],
  adult: ['enrolment'],
} as const satisfies Record<StemLevel, readonly string[]>;
export const stemMoments = [...new Set(Object.values(stemMomentsOfLevel).flat())] as StemMoment[];
export type StemMoment = (typeof stemMomentsOfLevel)[StemLevel][number];

/**
 * Programme types per level: secondary's education forms before the reform (aso, tso, bso, kso)
 * and the modernised finalities after it (doorstroom, dubbele finaliteit, arbeidsmarkt); higher's
 * degrees; adult education's programme groups (secondary adult education, higher vocational
 * education, basic education).
 */
export const stemProgrammeTypesOfLevel = {
  secondary: ['aso', 'tso', 'bso', 'kso', 'doorstroom', 'dubbele_finaliteit', 'arbeidsmarkt'],
  higher: ['professional_bachelor', 'academic_bachelor', 'academic_master'],
  adult: ['secondary_adult', 'higher_vocational', 'basic_education'],
} as const satisfies Record<StemLevel, readonly string[]>;
export const stemProgrammeTypes = [...new Set(Object.values(stemProgrammeTypesOfLevel).flat())] as StemProgrammeType[];
export type StemProgrammeType = (typeof stemProgrammeTypesOfLevel)[StemLevel][number];

/** The 2012 definition's groups: STEM, the STEM component (healthcare STEM, light STEM) and the rest. */
export const stemCategories = ['stem', 'care_stem', 'light_stem', 'non_stem'] as const;
export type StemCategory = (typeof stemCategories)[number];

/** f, m, and x for a pupil registered as neither. */
export const stemGenders = ['f', 'm', 'x'] as const;
export type StemGender = (typeof stemGenders)[number];

/** What an indicator can be split by; `none` is Flanders as a whole only. */
export const stemBreakdowns = ['none', 'gender', 'province', 'programme_type', 'level'] as const;
export type StemBreakdown = (typeof stemBreakdowns)[number];

/**
 * The two definitions of a STEM programme: the 2012 categories (`stem_categorie`), and the reform's
 * study domain 2 (`domein` 2 = STEM) of modernised secondary programmes.
 */
export const stemDefinitions = ['categories_2012', 'domain_2'] as const;
export type StemDefinition = (typeof stemDefinitions)[number];

/** Where a school year's counts came from: the counts CSV, the education API's pages, or the generated demo. */
export const stemCountSources = ['csv', 'education_api', 'demo'] as const;
export type StemCountSource = (typeof stemCountSources)[number];

/** A school year as the monitor writes it: `2018-2019`, the second year the first plus one. */
export const SCHOOL_YEAR_PATTERN = /^(\d{4})-(\d{4})$/;

export function isSchoolYear(text: string): boolean {
  const match = SCHOOL_YEAR_PATTERN.exec(text);
  return match !== null && Number(match[2]) === Number(match[1]) + 1;
}

/** The school year starting in the given calendar year: 2018 → `2018-2019`. */
export function schoolYearStarting(year: number): string {
  return `${year}-${year + 1}`;
}

/** The calendar year a school year starts in: `2018-2019` → 2018. */
export function startOfSchoolYear(schoolYear: string): number {
  return Number(schoolYear.slice(0, 4));
}

/** Counts under this many pupils (from 1) are hidden, as the ministry's school dashboards do. */
export const STEM_SMALL_COUNT = 5;
