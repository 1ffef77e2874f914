import { provinces } from '../../shared/platform/flanders';
import type { StemCount } from '../../shared/stem/indicators';
import { type StemLevel, type StemMoment, schoolYearStarting, stemProgrammeTypesOfLevel } from '../../shared/stem/vocabulary';
import type { Services } from '../app';
import type { StemCountLine } from '../stem/stem-counts-csv';

/**
 * Synthetic STEM counts for 2010-11 to 2023-24, labelled `demo` by the API: no pupil is real. Each
 * moment's headline share runs through the published figures (DOMAIN.md §5.2: 33.50% STEM inflow
 * into year 3 at the 2010-11 baseline, 36.13% in 2018-19; 44.64% into year 5 in 2018-19; 36.4% for
 * the 2nd and 3rd grade in 2023-24 after three declines; 46.80% and 47.25% at higher education
 * inflow; 47.16% → 46.48% women among adult STEM learners) and between them along a straight
 * line; where nothing is published the line is our own. Flanders' figure hits the anchor to the
 * pupil: the counts are apportioned (largest remainder), not rounded cell by cell. No randomness.
 */

const FIRST_YEAR = 2010;
const LAST_YEAR = 2023;
/** The reform reached the 2nd grade in 2021-22: from 2022-23 secondary programmes carry a finality and a study domain. */
const REFORMED_FROM = 2022;

type Anchors = readonly (readonly [number, number])[];

interface DemoMoment {
  level: StemLevel;
  moment: StemMoment;
  firstYear: number;
  /** Pupils (students, enrolments, qualifications) counted in Flanders. */
  total: number;
  /** The share counted as STEM by the moment's headline indicator. */
  stemShare: Anchors;
  /** Of that share, the part in healthcare STEM (higher education counts it at inflow). */
  careShareOfStem: number;
  /** The share of girls (women) among the STEM pupils. */
  girlsShare: Anchors;
}

const girlsInSecondaryStem: Anchors = [
  [2010, 0.274],
  [2015, 0.3],
  [2019, 0.31],
  [2023, 0.315],
];

const demoMoments: DemoMoment[] = [
  {
    level: 'secondary',
    moment: 'year3_inflow',
    firstYear: FIRST_YEAR,
    total: 68_000,
    stemShare: [
      [2010, 0.335],
      [2014, 0.355],
      [2017, 0.36],
      [2018, 0.3613],
      [2019, 0.3615],
      [2023, 0.343],
    ],
    careShareOfStem: 0,
    girlsShare: girlsInSecondaryStem,
  },
  {
    level: 'secondary',
    moment: 'year5_inflow',
    firstYear: FIRST_YEAR,
    total: 66_000,
    stemShare: [
      [2010, 0.43],
      [2014, 0.4389],
      [2017, 0.4497],
      [2018, 0.4464],
      [2019, 0.445],
      [2022, 0.42],
      [2023, 0.415],
    ],
    careShareOfStem: 0,
    girlsShare: girlsInSecondaryStem,
  },
  {
    level: 'secondary',
    moment: 'grade23',
    firstYear: FIRST_YEAR,
    total: 275_000,
    stemShare: [
      [2010, 0.37],
      [2016, 0.378],
      [2020, 0.385],
      [2021, 0.378],
      [2022, 0.371],
      [2023, 0.364],
    ],
    careShareOfStem: 0,
    girlsShare: girlsInSecondaryStem,
  },
  {
    level: 'secondary',
    moment: 'qualification',
    firstYear: FIRST_YEAR,
    total: 60_000,
    stemShare: [
      [2010, 0.4],
      [2018, 0.4465],
      [2023, 0.44],
    ],
    careShareOfStem: 0,
    girlsShare: girlsInSecondaryStem,
  },
  {
    level: 'higher',
    moment: 'inflow',
    firstYear: FIRST_YEAR,
    total: 56_000,
    stemShare: [
      [2010, 0.44],
      [2018, 0.468],
      [2019, 0.4725],
      [2023, 0.475],
    ],
    careShareOfStem: 0.2,
    girlsShare: [
      [2010, 0.3],
      [2023, 0.34],
    ],
  },
  {
    level: 'higher',
    moment: 'diploma',
    firstYear: FIRST_YEAR,
    total: 45_000,
    stemShare: [
      [2010, 0.17],
      [2018, 0.19],
      [2023, 0.19],
    ],
    careShareOfStem: 0,
    girlsShare: [
      [2010, 0.25],
      [2023, 0.28],
    ],
  },
  {
    level: 'adult',
    moment: 'enrolment',
    firstYear: 2013,
    total: 290_000,
    stemShare: [
      [2013, 0.22],
      [2017, 0.21],
      [2023, 0.19],
    ],
    careShareOfStem: 0,
    girlsShare: [
      [2013, 0.4716],
      [2017, 0.4648],
      [2023, 0.46],
    ],
  },
];

/** Province weights (pupils) and how much more or less STEM each chooses, roughly as in Flanders. */
const provinceWeights: Record<string, [number, number]> = {
  antwerpen: [0.28, 0.99],
  limburg: [0.13, 1.014],
  'oost-vlaanderen': [0.24, 1.0],
  'vlaams-brabant': [0.14, 0.97],
  'west-vlaanderen': [0.19, 1.04],
  brussel: [0.02, 0.85],
};

/** Programme type weights and STEM propensity per level (and, for secondary, before and after the reform). */
const typeWeights: Record<string, [number, number]> = {
  aso: [0.4, 0.93],
  tso: [0.32, 1.15],
  bso: [0.25, 1.0],
  kso: [0.03, 0.3],
  doorstroom: [0.45, 1.0],
  dubbele_finaliteit: [0.3, 1.1],
  arbeidsmarkt: [0.25, 0.9],
  professional_bachelor: [0.5, 0.9],
  academic_bachelor: [0.35, 1.1],
  academic_master: [0.15, 1.05],
  secondary_adult: [0.8, 1.1],
  higher_vocational: [0.05, 1.2],
  basic_education: [0.15, 0.3],
};

/** Every demo count, about 12,000 lines. */
export function demoStemCounts(): Omit<StemCountLine, 'line'>[] {
  const lines: Omit<StemCountLine, 'line'>[] = [];
  for (const moment of demoMoments) {
    for (let start = moment.firstYear; start <= LAST_YEAR; start++) lines.push(...momentOfYear(moment, start));
  }
  return lines;
}

/** Imports the demo counts as the `demo` source: the STEM monitor shows them with that label. */
export async function seedDemoStem(services: Services): Promise<void> {
  await services.stem.importLines(demoStemCounts(), 'demo', { dryRun: false, actorId: null });
}

function momentOfYear(moment: DemoMoment, start: number): Omit<StemCountLine, 'line'>[] {
  const reformed = moment.level === 'secondary' && start >= REFORMED_FROM;
  const types = stemProgrammeTypesOfLevel[moment.level].filter(
    (type) => moment.level !== 'secondary' || ['doorstroom', 'dubbele_finaliteit', 'arbeidsmarkt'].includes(type) === reformed,
  );
  // Each cell's pupils and STEM propensity; a small wobble per year keeps the provinces' lines apart.
  const cells = provinces.flatMap((province, p) =>
    types.map((type) => ({
      province,
      type,
      weight: provinceWeights[province][0] * typeWeights[type][0],
      propensity: provinceWeights[province][1] * typeWeights[type][1] * (1 + 0.015 * Math.sin(start * 1.3 + p)),
    })),
  );
  const weightSum = cells.reduce((sum, cell) => sum + cell.weight, 0);
  const pupils = apportion(
    moment.total,
    cells.map((cell) => cell.weight / weightSum),
  );
  const stemTotal = Math.round(moment.total * along(moment.stemShare, start));
  const stem = apportion(
    stemTotal,
    cells.map((cell, i) => pupils[i] * cell.propensity),
  );
  const girls = apportion(Math.round(stemTotal * along(moment.girlsShare, start)), stem);
  const year = schoolYearStarting(start);
  const lines: Omit<StemCountLine, 'line'>[] = [];
  cells.forEach((cell, i) => {
    const care = Math.round(stem[i] * moment.careShareOfStem);
    const light = Math.round((pupils[i] - stem[i]) * 0.07);
    const other = { care_stem: care, light_stem: light, non_stem: pupils[i] - stem[i] - light };
    const stemOnly = stem[i] - care;
    // Girls of the STEM part as apportioned; of the rest, as many as keeps the cell about half girls.
    const girlsOutside = (count: number) => Math.round(count * Math.min(1, Math.max(0, (0.5 * pupils[i] - girls[i]) / Math.max(1, pupils[i] - stem[i]))));
    const add = (category: StemCount['category'], count: number, female: number) => {
      const domain = reformed ? { stem: 2, care_stem: 6, light_stem: 4, non_stem: 5 }[category] : null;
      const base = { year, level: moment.level, moment: moment.moment, programmeType: cell.type, province: cell.province, category, domain, schoolNumber: '' };
      lines.push({ ...base, gender: 'f', count: female }, { ...base, gender: 'm', count: count - female });
    };
    const stemGirls = stem[i] === 0 ? 0 : Math.round((girls[i] * stemOnly) / stem[i]);
    add('stem', stemOnly, stemGirls);
    if (moment.careShareOfStem > 0) add('care_stem', care, girls[i] - stemGirls);
    add('light_stem', other.light_stem, girlsOutside(other.light_stem));
    add('non_stem', other.non_stem, girlsOutside(other.non_stem));
  });
  return lines;
}

/** The share on a straight line between the anchors around the year; flat beyond the first and the last. */
export function along(anchors: Anchors, year: number): number {
  if (year <= anchors[0][0]) return anchors[0][1];
  for (let i = 1; i < anchors.length; i++) {
    const [toYear, to] = anchors[i];
    const [fromYear, from] = anchors[i - 1];
    if (year <= toYear) return from + ((to - from) * (year - fromYear)) / (toYear - fromYear);
  }
  return anchors[anchors.length - 1][1];
}

/** `total` split in whole numbers in proportion to the weights, adding up exactly (largest remainder). */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum === 0) return weights.map(() => 0);
  const exact = weights.map((weight) => (total * weight) / sum);
  const whole = exact.map(Math.floor);
  let left = total - whole.reduce((a, b) => a + b, 0);
  const order = exact.map((value, i) => [value - whole[i], i] as const).sort((a, b) => b[0] - a[0]);
  for (const [, i] of order) {
    if (left-- <= 0) break;
    whole[i] += 1;
  }
  return whole;
}
