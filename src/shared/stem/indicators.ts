import { provinces } from '../platform/flanders';
import type { StemGroupValue, StemTarget, StemTargetGap, StemValue } from './api';
import type { StemContent, StemIndicatorContent } from './content';
import {
  STEM_SMALL_COUNT,
  type StemBreakdown,
  type StemCategory,
  type StemDefinition,
  type StemGender,
  type StemLevel,
  type StemMoment,
  startOfSchoolYear,
  stemGenders,
  stemProgrammeTypesOfLevel,
} from './vocabulary';

/**
 * The STEM monitor's rules, pure: from counts to numerator, denominator and share for any school
 * year and breakdown, the small-number rule, the change against the baseline and the gap to a
 * target. The server, the CLI and the tests use these very functions.
 */

/** One count of pupils (or students, enrolments, qualifications): a line of the import, or a sum of such lines. */
export interface StemCount {
  year: string;
  level: StemLevel;
  moment: StemMoment;
  programmeType: string;
  province: string;
  category: StemCategory;
  /** The study domain (1–10) of a modernised secondary programme; null for every other. */
  domain: number | null;
  gender: StemGender;
  count: number;
}

/** What one indicator counts, read off its content. */
export type StemIndicatorRule = Pick<StemIndicatorContent, 'id' | 'level' | 'moment' | 'countedCategories' | 'numeratorGender' | 'denominatorStemOnly' | 'breakdowns'>;

export interface Tally {
  numerator: number;
  denominator: number;
}

/** Study domain 2 is STEM in the reform's code list `domein_so`. */
export const STEM_DOMAIN = 2;

/**
 * Whether a count is STEM for an indicator under a definition. Under `domain_2` a programme with a
 * study domain is STEM when that domain is 2; one without (not modernised yet, or not secondary)
 * still follows the 2012 categories the indicator counts.
 */
export function countsAsStem(rule: Pick<StemIndicatorRule, 'countedCategories'>, definition: StemDefinition, count: Pick<StemCount, 'category' | 'domain'>): boolean {
  if (definition === 'domain_2' && count.domain !== null) return count.domain === STEM_DOMAIN;
  return rule.countedCategories.includes(count.category);
}

/** Whether a count belongs to the indicator's population (level and moment). */
export function inPopulation(rule: Pick<StemIndicatorRule, 'level' | 'moment'>, count: Pick<StemCount, 'level' | 'moment'>): boolean {
  return count.level === rule.level && count.moment === rule.moment;
}

/** Adds one count to a tally: the denominator is the population (or its STEM part), the numerator its STEM part (of one gender). */
function addTo(tally: Tally, rule: StemIndicatorRule, definition: StemDefinition, count: StemCount): void {
  const stem = countsAsStem(rule, definition, count);
  if (rule.denominatorStemOnly && !stem) return;
  tally.denominator += count.count;
  if (stem && (rule.numeratorGender === null || rule.numeratorGender === count.gender)) tally.numerator += count.count;
}

/** The indicator's numerator and denominator over the counts given (any years: pass one year's). */
export function tallyIndicator(rule: StemIndicatorRule, definition: StemDefinition, counts: Iterable<StemCount>): Tally {
  const tally = { numerator: 0, denominator: 0 };
  for (const count of counts) if (inPopulation(rule, count)) addTo(tally, rule, definition, count);
  return tally;
}

/** Whether the indicator can be split this way: a share of girls has no gender breakdown, and every indicator says which it has. */
export function breakdownApplies(rule: Pick<StemIndicatorRule, 'breakdowns'>, breakdown: StemBreakdown): boolean {
  return breakdown !== 'none' && rule.breakdowns.includes(breakdown);
}

/** The groups of a breakdown for a level, in the order tables show them. */
export function breakdownGroups(breakdown: Exclude<StemBreakdown, 'none'>, level: StemLevel): readonly string[] {
  switch (breakdown) {
    case 'gender':
      return stemGenders;
    case 'province':
      return provinces;
    case 'programme_type':
      return stemProgrammeTypesOfLevel[level];
    case 'level':
      return [level];
  }
}

function groupOf(breakdown: Exclude<StemBreakdown, 'none'>, count: StemCount): string {
  switch (breakdown) {
    case 'gender':
      return count.gender;
    case 'province':
      return count.province;
    case 'programme_type':
      return count.programmeType;
    case 'level':
      return count.level;
  }
}

/** The tally per group of the breakdown, every group of the level present (a group without counts tallies 0 / 0). */
export function tallyByGroup(rule: StemIndicatorRule, definition: StemDefinition, counts: Iterable<StemCount>, breakdown: Exclude<StemBreakdown, 'none'>): Map<string, Tally> {
  const groups = new Map(breakdownGroups(breakdown, rule.level).map((key) => [key, { numerator: 0, denominator: 0 }]));
  for (const count of counts) {
    if (!inPopulation(rule, count)) continue;
    const tally = groups.get(groupOf(breakdown, count));
    if (tally) addTo(tally, rule, definition, count);
  }
  return groups;
}

const noData: StemValue = { status: 'no_data', hidden: false, numerator: null, denominator: null, share: null };
const hiddenValue: StemValue = { status: 'hidden', hidden: true, numerator: null, denominator: null, share: null };

/** A count the small-number rule hides: 1 to 4. Nobody (0) is shown: a zero points at no one. */
export const isSmallCount = (count: number) => count > 0 && count < STEM_SMALL_COUNT;

/**
 * A tally as published. No counts, or nobody in the denominator: `no_data`, never a division by
 * zero. Hidden, with its numerator, denominator and share all left out: a tally whose numerator,
 * denominator, or the pupils outside the numerator (denominator − numerator, which anyone could
 * subtract) count 1 to 4. What stays possible: subtracting the groups shown from the Flanders
 * figure can give a hidden group's counts; the monitor's figures are about programmes, not persons,
 * and no further cell is suppressed for that.
 */
export function stemValue(tally: Tally | null): StemValue {
  if (tally === null || tally.denominator === 0) return noData;
  const { numerator, denominator } = tally;
  if (isSmallCount(numerator) || isSmallCount(denominator) || isSmallCount(denominator - numerator)) return hiddenValue;
  return { status: 'shown', hidden: false, numerator, denominator, share: numerator / denominator };
}

/** The definition a level uses by default in a school year: of the uses covering it, the one starting latest. */
export function definitionFor(definitions: StemContent['definitions'], level: StemLevel, year: string): StemDefinition {
  const start = startOfSchoolYear(year);
  let best: { id: StemDefinition; from: number } | null = null;
  for (const definition of definitions) {
    for (const use of definition.use) {
      if (use.level !== level) continue;
      const from = use.fromYear === null ? -Infinity : startOfSchoolYear(use.fromYear);
      const until = use.untilYear === null ? Infinity : startOfSchoolYear(use.untilYear);
      if (start >= from && start <= until && (best === null || from > best.from)) best = { id: definition.id, from };
    }
  }
  return best?.id ?? 'categories_2012';
}

export interface IndicatorOfYear {
  indicator: string;
  definition: StemDefinition;
  total: StemValue;
  groups: StemGroupValue[] | null;
}

/**
 * One indicator for one year's counts: Flanders, and per group when the breakdown applies. With no
 * counts at all (`counts` null) every value is `no_data`.
 */
export function indicatorOfYear(rule: StemIndicatorRule, definition: StemDefinition, counts: readonly StemCount[] | null, breakdown: StemBreakdown): IndicatorOfYear {
  const total = stemValue(counts ? tallyIndicator(rule, definition, counts) : null);
  if (breakdown === 'none' || !breakdownApplies(rule, breakdown)) return { indicator: rule.id, definition, total, groups: null };
  const tallies = counts ? tallyByGroup(rule, definition, counts, breakdown) : null;
  const groups = breakdownGroups(breakdown, rule.level).map((key) => ({ key, value: stemValue(tallies?.get(key) ?? null) }));
  return { indicator: rule.id, definition, total, groups };
}

/** Percentage points, to two decimals: what the monitor reports changes in. */
export const percentagePoints = (shareDifference: number) => Math.round(shareDifference * 10_000) / 100;

/** A value's change against the baseline's, in percentage points; null unless both are shown. */
export function changeFromBaselinePp(value: StemValue, baseline: StemValue): number | null {
  if (value.share === null || baseline.share === null) return null;
  return percentagePoints(value.share - baseline.share);
}

/**
 * How far the latest shown value of a series is from a target, and the pace a year it takes to
 * reach it by the deadline: distance / school years left. Past the deadline (or at it) no pace is
 * given; past the target the distance is negative.
 */
export function targetGap(target: StemTarget, series: readonly { year: string; total: StemValue }[]): StemTargetGap {
  const latest = [...series].reverse().find((entry) => entry.total.share !== null);
  if (!latest || latest.total.share === null) return { target, fromYear: null, distancePp: null, yearsLeft: null, yearlyPacePp: null };
  const distancePp = percentagePoints(target.value - latest.total.share);
  const yearsLeft = startOfSchoolYear(target.deadlineYear) - startOfSchoolYear(latest.year);
  return { target, fromYear: latest.year, distancePp, yearsLeft, yearlyPacePp: yearsLeft > 0 ? Math.round((distancePp / yearsLeft) * 100) / 100 : null };
}
