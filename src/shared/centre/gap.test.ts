import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gapOf, rankGaps } from './gap';

describe('gapOf at the boundaries', () => {
  it('is the need without a place, and its share of the need', () => {
    expect(gapOf(1240, 80)).toEqual({ shortfall: 1160, gapIndex: 0.935 });
    expect(gapOf(100, 99)).toEqual({ shortfall: 1, gapIndex: 0.01 });
    expect(gapOf(100, 100)).toEqual({ shortfall: 0, gapIndex: 0 });
    expect(gapOf(100, 101)).toEqual({ shortfall: 0, gapIndex: 0 });
    expect(gapOf(5, 0)).toEqual({ shortfall: 5, gapIndex: 1 });
  });

  it('has no gap without need, and none to tell when the need is hidden', () => {
    expect(gapOf(0, 0)).toEqual({ shortfall: 0, gapIndex: 0 });
    expect(gapOf(0, 40)).toEqual({ shortfall: 0, gapIndex: 0 });
    expect(gapOf(null, 0)).toEqual({ shortfall: null, gapIndex: null });
  });

  it('refuses what is not a count', () => {
    expect(() => gapOf(-1, 0)).toThrow();
    expect(() => gapOf(5, -1)).toThrow();
    expect(() => gapOf(Number.NaN, 0)).toThrow();
  });

  it('keeps the index between 0 and 1 and the shortfall between 0 and the need', () => {
    fc.assert(
      fc.property(fc.nat(1_000_000), fc.nat(1_000_000), (need, places) => {
        const { shortfall, gapIndex } = gapOf(need, places);
        expect(gapIndex).toBeGreaterThanOrEqual(0);
        expect(gapIndex).toBeLessThanOrEqual(1);
        expect(shortfall).toBeLessThanOrEqual(need);
        expect(shortfall).toBe(Math.max(0, need - places));
      }),
    );
  });

  it('grows with the need and shrinks with the places', () => {
    fc.assert(
      fc.property(fc.nat(10_000), fc.nat(10_000), fc.nat(100), (need, places, more) => {
        expect(gapOf(need + more, places).shortfall!).toBeGreaterThanOrEqual(gapOf(need, places).shortfall!);
        expect(gapOf(need, places + more).shortfall!).toBeLessThanOrEqual(gapOf(need, places).shortfall!);
        expect(gapOf(need, places + more).gapIndex!).toBeLessThanOrEqual(gapOf(need, places).gapIndex!);
      }),
    );
  });
});

describe('rankGaps', () => {
  const cell = (key: string, need: number | null, places: number) => ({ key, ...gapOf(need, places) });

  it('puts the largest shortfall first, then the largest index, hidden cells last', () => {
    const ranked = rankGaps([cell('a', null, 0), cell('b', 10, 0), cell('c', 1240, 80), cell('d', 200, 40), cell('e', 160, 0)]);
    expect(ranked.map((c) => c.key)).toEqual(['c', 'e', 'd', 'b', 'a']);
  });

  it('orders by key when the gaps are equal', () => {
    expect(rankGaps([cell('z', 10, 5), cell('y', 10, 5), cell('x', null, 1), cell('w', null, 3)]).map((c) => c.key)).toEqual(['y', 'z', 'w', 'x']);
  });

  it('gives the same order whatever the order of the cells', () => {
    const cells = fc.array(fc.record({ key: fc.string(), need: fc.option(fc.nat(500)), places: fc.nat(500) }), { maxLength: 30 });
    fc.assert(
      fc.property(cells, (raw) => {
        const made = raw.map((c) => cell(c.key, c.need, c.places));
        const once = rankGaps(made);
        const again = rankGaps([...made].reverse());
        expect(again.map((c) => [c.key, c.shortfall, c.gapIndex])).toEqual(once.map((c) => [c.key, c.shortfall, c.gapIndex]));
        for (let i = 1; i < once.length; i += 1) {
          const [before, after] = [once[i - 1], once[i]];
          if (before.shortfall === null) expect(after.shortfall).toBeNull();
          else if (after.shortfall !== null) expect(before.shortfall).toBeGreaterThanOrEqual(after.shortfall);
        }
      }),
    );
  });
});
