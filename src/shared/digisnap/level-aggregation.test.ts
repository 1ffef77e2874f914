import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AGGREGATION_RULES, LEVEL_CODES, type LevelCode } from './framework';
import { aggregateLevels, aggregatePositions } from './level-aggregation';

const order: LevelCode[] = [...LEVEL_CODES];
const positionsArb = fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 30 });

describe('aggregatePositions at the boundaries', () => {
  it.each([
    ['median', [3], 3],
    ['median', [0, 5], 0],
    ['median', [0, 1, 4, 5], 1],
    ['median', [5, 0, 2], 2],
    ['median', [0, 0, 0, 5, 5], 0],
    ['rounded-mean', [0, 5], 2],
    ['rounded-mean', [0, 1], 0],
    ['rounded-mean', [1, 2, 2], 2],
    ['rounded-mean', [0, 0, 0, 5, 5], 2],
    ['rounded-mean', [5, 5, 5, 5], 5],
  ] as const)('%s of %j is %i', (rule, positions, expected) => {
    expect(aggregatePositions(rule, positions)).toBe(expected);
  });

  it('refuses to aggregate nothing, and a level outside the order', () => {
    expect(() => aggregatePositions('median', [])).toThrow(RangeError);
    expect(() => aggregateLevels('median', ['B1', 'D1' as LevelCode], order)).toThrow(/D1 is not one of/);
  });

  it('names the level in the order given', () => {
    expect(aggregateLevels('median', ['C2', 'A1', 'B2'], order)).toBe('B2');
    expect(aggregateLevels('rounded-mean', ['C2', 'A1', 'B2'], order)).toBe('B2');
    expect(aggregateLevels('median', ['C2', 'A1', 'A1'], order)).toBe('A1');
    expect(aggregateLevels('rounded-mean', ['C2', 'A1', 'A1'], order)).toBe('B1');
  });
});

describe.each(AGGREGATION_RULES)('the %s rule', (rule) => {
  it('gives L when every level is L', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 1, max: 30 }), (level, count) => {
        expect(aggregatePositions(rule, Array(count).fill(level))).toBe(level);
      }),
    );
  });

  it('stays between the lowest and the highest level', () => {
    fc.assert(
      fc.property(positionsArb, (positions) => {
        const result = aggregatePositions(rule, positions);
        expect(Number.isInteger(result)).toBe(true);
        expect(result).toBeGreaterThanOrEqual(Math.min(...positions));
        expect(result).toBeLessThanOrEqual(Math.max(...positions));
      }),
    );
  });

  it('is monotone: raising one level never lowers the result', () => {
    fc.assert(
      fc.property(positionsArb, fc.nat(), (positions, pick) => {
        const which = pick % positions.length;
        fc.pre(positions[which] < 5);
        const raised = positions.with(which, positions[which] + 1);
        expect(aggregatePositions(rule, raised)).toBeGreaterThanOrEqual(aggregatePositions(rule, positions));
      }),
    );
  });

  it('does not depend on the order of the levels', () => {
    fc.assert(
      fc.property(positionsArb, (positions) => {
        expect(aggregatePositions(rule, [...positions].reverse())).toBe(aggregatePositions(rule, positions));
      }),
    );
  });
});
