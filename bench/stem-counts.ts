import { provinces } from '../src/shared/platform/flanders';
import { type StemCategory, type StemLevel, type StemMoment, stemCategories, stemMomentsOfLevel, stemProgrammeTypesOfLevel } from '../src/shared/stem/vocabulary';
import type { Random } from './fixtures';

/**
 * The STEM monitor's counts at Flanders' scale (issue 13 §6), as plain rows of the import's
 * columns plus the school (or institution) number: 15 school years (2009-10 … 2023-24) of
 * secondary counts per school location, and higher and adult education per institution. No I/O:
 * stem.ts writes them. Every school writes its whole grid of the year (each moment × each
 * programme type it may offer × category × gender, a cell it has no pupils in as 0, the way a
 * crosstab export writes it), so the number of rows follows from the number of schools and the
 * data's size is set by rows. The STEM shares follow the published series of DOMAIN.md §5.2.
 */

export interface StemCountRow {
  school_year: string;
  level: StemLevel;
  moment: StemMoment;
  programme_type: string;
  province: string;
  stem_category: StemCategory;
  gender: 'f' | 'm';
  count: number;
  /** The study domain of a modernised programme (1–10), null before the reform. */
  domain: number | null;
  school_number: string;
}

const categories = stemCategories;

/** 2009-10 … 2023-24: the 2010-11 baseline with a year before it, and the latest published year. */
export const STEM_YEARS = Array.from({ length: 15 }, (_, i) => `${2009 + i}-${2010 + i}`);
const firstYear = (schoolYear: string) => Number(schoolYear.slice(0, 4));

/**
 * The reform of secondary education reached year 3 in 2021-22 and year 5 in 2023-24: from then on
 * that year's inflow is counted by finality instead of aso/tso/bso/kso, and the 2nd and 3rd grade
 * hold both while the reform moves up.
 */
const OLD_TYPES = ['aso', 'tso', 'bso', 'kso'] as const;
const NEW_TYPES = ['doorstroom', 'dubbele_finaliteit', 'arbeidsmarkt'] as const;
const REFORM_YEAR3 = 2021;
const REFORM_YEAR5 = 2023;
/**
 * A modernised programme's study domain by its category: STEM programmes lie in domain 2, healthcare
 * STEM in Maatschappij en welzijn (6), light STEM in Land- en tuinbouw (4), the rest in Economie en organisatie (5).
 */
const domainOf: Record<StemCategory, number> = { stem: 2, care_stem: 6, light_stem: 4, non_stem: 5 };
const modernised = new Set<string>(NEW_TYPES);

function secondaryTypes(moment: StemMoment, year: number): readonly string[] {
  if (moment === 'year3_inflow') return year >= REFORM_YEAR3 ? NEW_TYPES : OLD_TYPES;
  if (moment === 'year5_inflow') return year >= REFORM_YEAR5 ? NEW_TYPES : OLD_TYPES;
  if (moment === 'grade23') return year >= REFORM_YEAR3 ? [...OLD_TYPES, ...NEW_TYPES] : OLD_TYPES;
  // Qualifications are still of the old programmes in the last year counted.
  return OLD_TYPES;
}

/** The share of pupils in STEM programmes per moment, between the published points (DOMAIN.md §5.2), by first calendar year. */
const STEM_SHARE_POINTS: Record<string, ReadonlyArray<[number, number]>> = {
  // 33.50% at the 2010-11 baseline, 35.50% in 2014-15, about 36% in 2017-18 to 2019-20, then falling.
  year3_inflow: [
    [2009, 0.332],
    [2010, 0.335],
    [2014, 0.355],
    [2017, 0.36],
    [2018, 0.3613],
    [2019, 0.361],
    [2023, 0.345],
  ],
  // 43.89% in 2014-15, 44.97% → 44.64% in 2017-18 → 2018-19, about 42% in 2022-23.
  year5_inflow: [
    [2009, 0.425],
    [2014, 0.4389],
    [2017, 0.4497],
    [2018, 0.4464],
    [2022, 0.42],
    [2023, 0.418],
  ],
  // The new monitor's 2nd and 3rd grade together: 36.4% in 2023-24, its third decline in a row.
  grade23: [
    [2009, 0.372],
    [2019, 0.384],
    [2020, 0.382],
    [2021, 0.376],
    [2022, 0.37],
    [2023, 0.364],
  ],
  // Qualifications: a little above the inflow, rising about 4.65 pp over the baseline by 2018-19.
  qualification: [
    [2009, 0.38],
    [2010, 0.381],
    [2018, 0.4275],
    [2023, 0.42],
  ],
  // Higher education inflow: 46.80% / 47.25% in 2018-19 / 2019-20; diplomas 19% of all (2018, 2020).
  inflow: [
    [2009, 0.43],
    [2018, 0.468],
    [2019, 0.4725],
    [2023, 0.47],
  ],
  diploma: [
    [2009, 0.18],
    [2018, 0.19],
    [2023, 0.19],
  ],
  enrolment: [
    [2009, 0.2],
    [2013, 0.19],
    [2023, 0.17],
  ],
};

function interpolate(points: ReadonlyArray<[number, number]>, year: number): number {
  if (year <= points[0][0]) return points[0][1];
  for (let i = 1; i < points.length; i++) {
    const [x1, y1] = points[i];
    if (year <= x1) {
      const [x0, y0] = points[i - 1];
      return y0 + ((y1 - y0) * (year - x0)) / (x1 - x0);
    }
  }
  return points[points.length - 1][1];
}

/**
 * Per programme type: its share of the moment's pupils (aso 39.7%, tso 31.7%, bso 25.7%, kso 2.9%
 * of the 2nd and 3rd grade in 2022-23), how much more or less often its pupils choose STEM than
 * average (bso 41.50%, tso 37.99%, aso 32.63% in 2014-15), and the girls' share among its STEM
 * pupils (about half in aso, one in ten in tso, one in twenty in bso; 27–30% overall).
 */
const typeProfiles: Record<string, { pupils: number; stemFactor: number; girlsInStem: number }> = {
  aso: { pupils: 0.397, stemFactor: 0.92, girlsInStem: 0.55 },
  tso: { pupils: 0.317, stemFactor: 1.07, girlsInStem: 0.12 },
  bso: { pupils: 0.257, stemFactor: 1.17, girlsInStem: 0.06 },
  kso: { pupils: 0.029, stemFactor: 0.3, girlsInStem: 0.4 },
  doorstroom: { pupils: 0.46, stemFactor: 0.95, girlsInStem: 0.48 },
  dubbele_finaliteit: { pupils: 0.3, stemFactor: 1.1, girlsInStem: 0.12 },
  arbeidsmarkt: { pupils: 0.24, stemFactor: 1.0, girlsInStem: 0.07 },
};

/** Flemish totals per moment (pupils or students a year): about 69,000 in year 3 (24,567 STEM at 35.50%), 68,500 in year 5, 296,000 in the 2nd and 3rd grade. */
const momentPupils: Record<string, number> = {
  year3_inflow: 69_000,
  year5_inflow: 68_500,
  grade23: 296_000,
  qualification: 62_000,
  inflow: 72_000,
  diploma: 48_000,
  enrolment: 296_000,
};

/** Share of the non-STEM rest that is healthcare STEM and light STEM, and the girls' share in each. */
const CARE_STEM = 0.06;
const LIGHT_STEM = 0.04;
const GIRLS = { care_stem: 0.8, light_stem: 0.5, non_stem: 0.58 };

/** Mainstream secondary campuses per province (DOMAIN.md §6): where the school locations lie. */
const provinceWeights: Record<string, number> = {
  'oost-vlaanderen': 569,
  antwerpen: 560,
  'west-vlaanderen': 461,
  limburg: 277,
  'vlaams-brabant': 204,
  brussel: 80,
};

const HIGHER_TYPES = stemProgrammeTypesOfLevel.higher;
/** University colleges and universities (DOMAIN.md §6: 16 and 6). */
const HIGHER_INSTITUTIONS = 22;
/** Adult education's programme groups, counted per centre (32 CVO and 13 CBE). */
const ADULT_TYPES = stemProgrammeTypesOfLevel.adult;
const ADULT_CENTRES = 45;

interface Institution {
  number: string;
  province: string;
  /** Share of the Flemish pupils of its level. */
  weight: number;
  /** How much more or less often than average its pupils choose STEM. */
  stemBias: number;
  types: ReadonlySet<string>;
}

function makeInstitutions(count: number, random: Random, firstNumber: number, allTypes: readonly string[]): Institution[] {
  const provinceList = Object.entries(provinceWeights);
  const provinceTotal = provinceList.reduce((sum, [, weight]) => sum + weight, 0);
  const list = Array.from({ length: count }, (_, i) => {
    let left = random() * provinceTotal;
    const province = provinceList.find(([, weight]) => (left -= weight) < 0)?.[0] ?? provinces[0];
    // Sizes from small campuses to large ones, about 1:6.
    const size = 0.4 + 2 * random() ** 2;
    // Most campuses offer two or three forms; the form a campus lacks gets no pupils in its grid.
    const types = new Set(allTypes.filter(() => random() < 0.7));
    return { number: String(firstNumber + i * 13), province, weight: size, stemBias: 0.85 + 0.3 * random(), types };
  });
  const total = list.reduce((sum, institution) => sum + institution.weight, 0);
  for (const institution of list) institution.weight /= total;
  return list;
}

/** Rows a secondary school location writes in one school year: its grid over every moment. */
function secondaryRowsPerSchool(year: number): number {
  return stemMomentsOfLevel.secondary.reduce((sum, moment) => sum + secondaryTypes(moment, year).length * categories.length * 2, 0);
}

/** Rows of higher and adult education in one school year. */
const OTHER_ROWS_PER_YEAR = (HIGHER_INSTITUTIONS * HIGHER_TYPES.length * 2 + ADULT_CENTRES * ADULT_TYPES.length) * categories.length * 2;

/** The number of secondary school locations that makes about `rows` rows over the 15 years. */
export function stemSchoolsFor(rows: number): number {
  const perSchool = STEM_YEARS.reduce((sum, year) => sum + secondaryRowsPerSchool(firstYear(year)), 0);
  return Math.max(1, Math.round((rows - OTHER_ROWS_PER_YEAR * STEM_YEARS.length) / perSchool));
}

/** A whole count near `expected`: rounded with a little noise, never below 0. */
const noisy = (random: Random, expected: number) => Math.max(0, Math.round(expected * (0.9 + 0.2 * random()) + random() - 0.5));

/**
 * The rows of `schools` secondary school locations, and the institutions of higher and adult
 * education: a function that calls `emit` for every row of one school year, to be called for each
 * of STEM_YEARS in turn (so a writer holds one year at most). Deterministic for a given random source.
 */
export function stemCountGenerator(schools: number, random: Random): (schoolYear: string, emit: (row: StemCountRow) => void) => void {
  const secondary = makeInstitutions(schools, random, 200_000, OLD_TYPES);
  // After the reform a campus keeps its profile: an aso campus goes on in doorstroom, a bso campus in arbeidsmarkt.
  for (const school of secondary) {
    const reformed = new Set<string>();
    if (school.types.has('aso') || school.types.has('kso')) reformed.add('doorstroom');
    if (school.types.has('tso')) reformed.add('dubbele_finaliteit');
    if (school.types.has('bso')) reformed.add('arbeidsmarkt');
    school.types = new Set([...school.types, ...reformed]);
  }
  // The pupils of a programme type go to the campuses that offer it.
  const offeredWeight: Record<string, number> = {};
  for (const school of secondary) for (const type of school.types) offeredWeight[type] = (offeredWeight[type] ?? 0) + school.weight;
  const higher = makeInstitutions(HIGHER_INSTITUTIONS, random, 900_000, HIGHER_TYPES);
  const adult = makeInstitutions(ADULT_CENTRES, random, 950_000, ADULT_TYPES);

  return (schoolYear, emit) => {
    const year = firstYear(schoolYear);
    for (const moment of stemMomentsOfLevel.secondary) {
      const types = secondaryTypes(moment, year);
      const share = interpolate(STEM_SHARE_POINTS[moment], year);
      const pupilsTotal = types.reduce((sum, type) => sum + typeProfiles[type].pupils, 0);
      const stemMean = types.reduce((sum, type) => sum + typeProfiles[type].pupils * typeProfiles[type].stemFactor, 0) / pupilsTotal;
      for (const school of secondary) {
        for (const type of types) {
          const profile = typeProfiles[type];
          const offered = school.types.has(type);
          const pupils = offered ? (momentPupils[moment] * school.weight * profile.pupils) / pupilsTotal / offeredWeight[type] : 0;
          const stemShare = Math.min(0.95, (share * profile.stemFactor * school.stemBias) / stemMean);
          writeGrid(random, emit, { schoolYear, level: 'secondary', moment, type, school, pupils, stemShare, girlsInStem: profile.girlsInStem });
        }
      }
    }
    for (const moment of stemMomentsOfLevel.higher) {
      const share = interpolate(STEM_SHARE_POINTS[moment], year);
      for (const institution of higher) {
        for (const type of HIGHER_TYPES) {
          const pupils = (momentPupils[moment] * institution.weight) / HIGHER_TYPES.length;
          writeGrid(random, emit, { schoolYear, level: 'higher', moment, type, school: institution, pupils, stemShare: share * institution.stemBias, girlsInStem: 0.3 });
        }
      }
    }
    const adultShare = interpolate(STEM_SHARE_POINTS.enrolment, year);
    for (const centre of adult) {
      for (const type of ADULT_TYPES) {
        const pupils = (momentPupils.enrolment * centre.weight) / ADULT_TYPES.length;
        // Women are about 47% of the secondary-adult STEM participants (2013-14 → 2017-18).
        writeGrid(random, emit, { schoolYear, level: 'adult', moment: 'enrolment', type, school: centre, pupils, stemShare: adultShare * centre.stemBias, girlsInStem: 0.47 });
      }
    }
  };
}

/** One school's cells of one moment and programme type: every category, girls and boys. */
function writeGrid(
  random: Random,
  emit: (row: StemCountRow) => void,
  cell: { schoolYear: string; level: StemLevel; moment: StemMoment; type: string; school: Institution; pupils: number; stemShare: number; girlsInStem: number },
) {
  const rest = 1 - cell.stemShare;
  const parts: Record<StemCategory, [number, number]> = {
    stem: [cell.stemShare, cell.girlsInStem],
    care_stem: [rest * CARE_STEM, GIRLS.care_stem],
    light_stem: [rest * LIGHT_STEM, GIRLS.light_stem],
    non_stem: [rest * (1 - CARE_STEM - LIGHT_STEM), GIRLS.non_stem],
  };
  for (const category of categories) {
    const [share, girls] = parts[category];
    for (const [gender, part] of [
      ['f', girls],
      ['m', 1 - girls],
    ] as const) {
      emit({
        school_year: cell.schoolYear,
        level: cell.level,
        moment: cell.moment,
        programme_type: cell.type,
        province: cell.school.province,
        stem_category: category,
        gender,
        count: cell.pupils === 0 ? 0 : noisy(random, cell.pupils * share * part),
        domain: modernised.has(cell.type) ? domainOf[category] : null,
        school_number: cell.school.number,
      });
    }
  }
}
