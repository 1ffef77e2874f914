import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { horizontalBarFrame, isNarrowChart, noBarShown } from './barChart';

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
});
