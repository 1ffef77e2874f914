import type { AggregationRule, LevelCode } from './framework';

/**
 * The named rules that make one level of several competence levels (an area's, or the whole
 * scan's). Levels are ordered categories, so both work on their positions in the framework's
 * order (A1 = 0 …) and always answer one of the levels given:
 * - `median`: the middle position; with an even count the lower of the two middle ones, so a
 *   teacher is never placed above half of their own competences.
 * - `rounded-mean`: the mean position, rounded half down for the same reason.
 */
export function aggregatePositions(rule: AggregationRule, positions: readonly number[]): number {
  if (positions.length === 0) throw new RangeError('aggregatePositions: no levels to aggregate');
  if (rule === 'median') {
    const sorted = [...positions].sort((a, b) => a - b);
    return sorted[Math.floor((sorted.length - 1) / 2)];
  }
  const mean = positions.reduce((total, position) => total + position, 0) / positions.length;
  return Math.ceil(mean - 0.5) || 0; // never -0
}

/** The aggregate level of `levels` under `rule`, in the level order `order` (the framework's). */
export function aggregateLevels(rule: AggregationRule, levels: readonly LevelCode[], order: readonly LevelCode[]): LevelCode {
  const positions = levels.map((level) => {
    const position = order.indexOf(level);
    if (position === -1) throw new RangeError(`aggregateLevels: ${level} is not one of ${order.join(', ')}`);
    return position;
  });
  return order[aggregatePositions(rule, positions)];
}
