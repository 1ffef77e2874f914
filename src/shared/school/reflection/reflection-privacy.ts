import type { ProtectedCount } from '../../digisnap/privacy';
import type { ReflectionGroup } from './reflection';

/**
 * Which groups of a reflection report are shown. Every number a shown group publishes carries
 * random noise (differential-privacy.ts), so a shown group needs no cell hidden inside it and no
 * neighbour hidden to guard it; only its size has to reach the threshold:
 *
 * - a group (leaders, teachers, pupils) of at least `threshold` respondents is always shown;
 * - a group below it is hidden with all its numbers;
 * - "all groups" is shown only when no group that has respondents is hidden. Otherwise "all"
 *   minus the shown groups would be the hidden group, with only the noise in between, and a
 *   group too small to show would be shown after all. We hide the total rather than fold leaders
 *   into a "staff" group: the point of the reflection is to set the leaders', teachers' and
 *   pupils' views side by side, and a merged group would lose that in every school.
 *
 * A group nobody answered in is hidden too, but adds nobody to the total, so it hides nothing.
 * "All groups" adds nothing new when shown: its counts are the sums of the shown groups' noisy
 * counts (post-processing), so it costs no privacy budget.
 */
export const HIDDEN: ProtectedCount = { count: null, suppressed: true };

export interface GroupVisibility {
  /** Group → its protected size; 'all' for the total. */
  sizes: Map<ReflectionGroup | 'all', ProtectedCount>;
  /** The groups shown, in the order given. */
  shown: ReflectionGroup[];
}

/** `threshold` has passed effectiveThreshold. */
export function reflectionGroupVisibility(sizes: ReadonlyArray<readonly [ReflectionGroup, number]>, threshold: number): GroupVisibility {
  const shown = sizes.filter(([, size]) => size >= threshold).map(([group]) => group);
  const hiddenWithPeople = sizes.some(([, size]) => size > 0 && size < threshold);
  const result = new Map<ReflectionGroup | 'all', ProtectedCount>(sizes.map(([group, size]) => [group, size >= threshold ? { count: size, suppressed: false } : HIDDEN]));
  const total = sizes.reduce((sum, [, size]) => sum + size, 0);
  result.set('all', shown.length > 0 && !hiddenWithPeople ? { count: total, suppressed: false } : HIDDEN);
  return { sizes: result, shown };
}
