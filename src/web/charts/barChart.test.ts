import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hiddenRemainders, horizontalBarFrame, isNarrowChart, noBarShown } from './barChart';

describe('the horizontal bar charts of the school pages', () => {
  it('is narrow below 560 px, and not before the width is known (0)', () => {
    expect(isNarrowChart(0)).toBe(false);
    expect(isNarrowChart(1)).toBe(true);
    expect(isNarrowChart(559)).toBe(true);
    expect(isNarrowChart(560)).toBe(false);
  });

  it('lists the categories first on top, without animation or the chart’s own ARIA text', () => {
    const frame = horizontalBarFrame(['1. Betrokkenheid', '2. Bronnen'], 240);
    expect(frame.yAxis).toMatchObject({ type: 'category', inverse: true, data: ['1. Betrokkenheid', '2. Bronnen'], axisLabel: { width: 240 } });
    expect(frame).toMatchObject({ animation: false, aria: { enabled: false } });
  });

  it('shows no bar exactly when every value is hidden', () => {
    expect(noBarShown([])).toBe(true);
    expect(noBarShown([[null], [null, null]])).toBe(true);
    expect(noBarShown([[null], [0]])).toBe(false);
    fc.assert(
      fc.property(fc.array(fc.array(fc.option(fc.double({ noNaN: true }), { nil: null }))), (rows) => {
        expect(noBarShown(rows)).toBe(rows.flat().every((value) => value === null));
      }),
    );
  });

  it('gives a category with a hidden value what the shown values leave of the total, and no bar to one without', () => {
    expect(
      hiddenRemainders(
        [
          [null, 10],
          [30, 90],
        ],
        2,
        100,
      ),
    ).toEqual([70, '-']);
    expect(hiddenRemainders([[null], [null]], 1, 100)).toEqual([100]);
    expect(hiddenRemainders([[null], [100]], 1, 100)).toEqual([0]);
    expect(hiddenRemainders([[null], [120]], 1, 100)).toEqual([0]);
    expect(hiddenRemainders([[5]], 2, 100)).toEqual(['-', 100]);
    expect(hiddenRemainders([], 0, 100)).toEqual([]);
  });

  it('stacks shown and hidden parts to the total wherever something is hidden', () => {
    const share = fc.option(fc.integer({ min: 0, max: 33 }), { nil: null });
    fc.assert(
      fc.property(fc.array(fc.array(share, { minLength: 4, maxLength: 4 }), { minLength: 1, maxLength: 3 }), (rows) => {
        hiddenRemainders(rows, 4, 100).forEach((remainder, category) => {
          const values = rows.map((values) => values[category]);
          const shown = values.reduce<number>((sum, value) => sum + (value ?? 0), 0);
          if (values.includes(null)) expect(shown + Number(remainder)).toBe(100);
          else expect(remainder).toBe('-');
        });
      }),
    );
  });
});
