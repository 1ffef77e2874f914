/**
 * What the horizontal bar charts of the school pages (the team report's areas, the
 * reflection's sections) have in common: one category per row, first on top, the legend above.
 * The chart's own ARIA text is off, because every chart stands beside a table that says the
 * same in words; animation is off, because it only delays what a reader came for.
 */

export const CHART_TEXT = '#1d2a33';

/** Below this width (px) the bars lose their value labels and the rows their long names. */
export function isNarrowChart(width: number): boolean {
  return width > 0 && width < 560;
}

/** The option's parts that do not depend on the data's kind; the caller adds `xAxis` and `series`. */
export function horizontalBarFrame(categories: string[], labelWidth: number) {
  return {
    animation: false,
    aria: { enabled: false },
    legend: { top: 0, textStyle: { color: CHART_TEXT, fontSize: 13 } },
    grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
    yAxis: {
      type: 'category',
      inverse: true,
      data: categories,
      axisLabel: { color: CHART_TEXT, width: labelWidth, overflow: 'truncate', fontSize: 13 },
    },
  };
}

/** True when the chart would show no bar at all: every value is hidden or missing. */
export function noBarShown(rows: ReadonlyArray<ReadonlyArray<number | null>>): boolean {
  return rows.every((values) => values.every((value) => value === null));
}
