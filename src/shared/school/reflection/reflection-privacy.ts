import { type ProtectedCount, suppressSmallGroups } from '../../digisnap/privacy';
import type { ReflectionGroup } from './reflection';

/**
 * The privacy rule of reflection reports: the groups' sizes (pupils, teachers, leadership, …)
 * are the parts of one line whose total is everyone, and pass `suppressSmallGroups` together.
 * A group under the threshold shows nothing, and when a hidden group could be worked out from
 * the total and the shown groups, the next smallest is hidden too. A group nobody of answered
 * is hidden but no part of the line: it adds nobody to the total.
 */
export const HIDDEN: ProtectedCount = { count: null, suppressed: true };

/** Group → protected size, and `all` for the total. `threshold` has passed effectiveThreshold. */
export function protectReflectionGroups(sizes: ReadonlyArray<readonly [ReflectionGroup, number]>, threshold: number): Map<ReflectionGroup | 'all', ProtectedCount> {
  const present = sizes.filter(([, size]) => size > 0).map(([group]) => group);
  const counts: Record<string, number> = Object.fromEntries(sizes.filter(([, size]) => size > 0));
  counts.all = sizes.reduce((sum, [, size]) => sum + size, 0);
  const shown = suppressSmallGroups({ counts, lines: present.length > 0 ? [{ total: 'all', parts: present }] : [] }, threshold);
  const result = new Map<ReflectionGroup | 'all', ProtectedCount>(sizes.map(([group]) => [group, shown[group] ?? HIDDEN]));
  result.set('all', shown.all);
  return result;
}
