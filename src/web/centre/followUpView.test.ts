import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { moveStep, newStep, shareOf } from './followUpView';

describe('the steps editor', () => {
  it('moves a step one place, and leaves the list alone at either end', () => {
    expect(moveStep(['a', 'b', 'c'], 1, -1)).toEqual(['b', 'a', 'c']);
    expect(moveStep(['a', 'b', 'c'], 1, 1)).toEqual(['a', 'c', 'b']);
    expect(moveStep(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveStep(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });

  it('keeps every step when moving, whatever the list and place', () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { minLength: 1 }), fc.nat(), fc.constantFrom(-1 as const, 1 as const), (steps, at, delta) => {
        const moved = moveStep(steps, at % steps.length, delta);
        expect([...moved].sort()).toEqual([...steps].sort());
      }),
    );
  });

  it('gives a new step a key no step has', () => {
    const first = newStep([]);
    const second = newStep([first, { ...first, key: 'step-2' }]);
    expect([first.key, second.key]).toEqual(['step-1', 'step-3']);
    expect(shareOf(2, 0)).toBe(0);
    expect(shareOf(1, 4)).toBe(0.25);
  });
});
