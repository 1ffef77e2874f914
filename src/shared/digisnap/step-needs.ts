import { geometricAlpha, noisyHistogram, type Uniform } from '../platform/differential-privacy';
import { type CountLine, effectiveThreshold, suppressSmallGroups } from './privacy';

/**
 * How many teachers need a step in a competence, per province and education level: the
 * knowledge centre's needs against the training offer (issue 14 §2). What leaves the digisnap
 * module passes `releaseStepNeeds`, the same gate as the school reports, in three steps:
 *
 * 1. Noise: per group (province × education level) and competence, the teachers below the
 *    target and those at or above it are one histogram (each teacher in one cell of it), which
 *    gets two-sided geometric noise for ε, as a team report's competence does.
 * 2. Sums: the province's cells over every education level (`ALL_LEVELS`) and every "scanned"
 *    count are sums of noisy cells: post-processing, no further budget.
 * 3. Suppression: every noisy count under the threshold (never below 5) is hidden, zero
 *    included, and the cells that would give one back by subtraction (complementary
 *    suppression, `suppressSmallGroups`) along every line: scanned = need + not needed, and a
 *    province's sum = its levels.
 *
 * So no published count is under five, and a teacher who takes the scan again or for the first
 * time moves a published count only through the noise. The noise is drawn once per data
 * version and kept by the digisnap module (step-need.service.ts), so reading again tells nothing new.
 */

/** The education level code of a province's sum over every level. */
export const ALL_LEVELS = 'all';

/** Raw counts of one group: never leaves the digisnap module. */
export interface StepNeedGroupCounts {
  province: string;
  level: string;
  /** Per competence: teachers below the target, and at or above it. */
  competences: Array<{ code: string; below: number; atOrAbove: number }>;
}

/** One published cell: counts of teachers (noisy), null when hidden. */
export interface StepNeedCell {
  province: string;
  /** An education level, or `ALL_LEVELS`. */
  level: string;
  competence: string;
  /** Teachers below the target. */
  need: number | null;
  /** Teachers with a scan. */
  scanned: number | null;
}

export interface StepNeedRelease {
  threshold: number;
  /** ε of each histogram. */
  epsilon: number;
  cells: StepNeedCell[];
}

/** The gate above. Groups must name every competence the same way; throws on a count that is not a number of people. */
export function releaseStepNeeds(groups: readonly StepNeedGroupCounts[], options: { epsilon: number; uniform: Uniform; threshold: number }): StepNeedRelease {
  const threshold = effectiveThreshold(options.threshold);
  const alpha = geometricAlpha(options.epsilon);
  const counts: Record<string, number> = {};
  const lines: CountLine[] = [];
  const cells: Array<Omit<StepNeedCell, 'need' | 'scanned'>> = [];
  const id = (kind: 'need' | 'ok' | 'n', province: string, level: string, competence: string) => `${kind}\u0000${province}\u0000${level}\u0000${competence}`;
  const byProvince = new Map<string, StepNeedGroupCounts[]>();
  for (const group of groups) byProvince.set(group.province, [...(byProvince.get(group.province) ?? []), group]);

  for (const [province, ofProvince] of byProvince) {
    const competences = ofProvince[0].competences.map((c) => c.code);
    for (const group of ofProvince) {
      for (const { code, below, atOrAbove } of group.competences) {
        const [need, ok] = noisyHistogram([below, atOrAbove], alpha, options.uniform);
        counts[id('need', province, group.level, code)] = need;
        counts[id('ok', province, group.level, code)] = ok;
        counts[id('n', province, group.level, code)] = need + ok;
        lines.push({ total: id('n', province, group.level, code), parts: [id('need', province, group.level, code), id('ok', province, group.level, code)] });
        cells.push({ province, level: group.level, competence: code });
      }
    }
    for (const code of competences) {
      for (const kind of ['need', 'ok', 'n'] as const) {
        const parts = ofProvince.map((group) => id(kind, province, group.level, code));
        counts[id(kind, province, ALL_LEVELS, code)] = parts.reduce((sum, part) => sum + (counts[part] ?? 0), 0);
        if (ofProvince.length > 1) lines.push({ total: id(kind, province, ALL_LEVELS, code), parts });
      }
      lines.push({ total: id('n', province, ALL_LEVELS, code), parts: [id('need', province, ALL_LEVELS, code), id('ok', province, ALL_LEVELS, code)] });
      cells.push({ province, level: ALL_LEVELS, competence: code });
    }
  }

  const shown = suppressSmallGroups({ counts, lines }, threshold);
  return {
    threshold,
    epsilon: options.epsilon,
    cells: cells.map((cell) => ({
      ...cell,
      need: shown[id('need', cell.province, cell.level, cell.competence)].count,
      scanned: shown[id('n', cell.province, cell.level, cell.competence)].count,
    })),
  };
}
