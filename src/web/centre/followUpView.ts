import type { FollowUpStep } from '../../shared/centre/follow-up-steps';

/** The steps with the one at `index` moved one place up (-1) or down (+1); unchanged at either end. */
export function moveStep<T>(steps: readonly T[], index: number, delta: -1 | 1): T[] {
  const to = index + delta;
  if (to < 0 || to >= steps.length) return [...steps];
  const moved = [...steps];
  [moved[index], moved[to]] = [moved[to], moved[index]];
  return moved;
}

/** A new, empty step with a key none of the steps has: `step-<n>`. */
export function newStep(steps: readonly FollowUpStep[]): FollowUpStep {
  const keys = new Set(steps.map((step) => step.key));
  let n = steps.length + 1;
  while (keys.has(`step-${n}`)) n += 1;
  return { key: `step-${n}`, title: { nl: '', en: '' }, text: { nl: '', en: '' }, article: null, page: null };
}

/** A count's share of its group, 0 to 1; 0 for an empty group. */
export const shareOf = (count: number, total: number) => (total > 0 ? count / total : 0);
