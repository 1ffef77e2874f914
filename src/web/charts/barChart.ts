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
      // Long names wrap onto more lines instead of losing their end ("…, vind…").
      axisLabel: { color: CHART_TEXT, width: labelWidth, overflow: 'break', lineHeight: 15, fontSize: 13 },
    },
  };
}

/** True when the chart would show no bar at all: every value is hidden or missing. */
export function noBarShown(rows: ReadonlyArray<ReadonlyArray<number | null>>): boolean {
  return rows.every((values) => values.every((value) => value === null));
}

/**
 * How a hidden value is drawn: light grey hatched with dark diagonal lines and a border, unlike
 * any band or group colour, so it never reads as a short bar or as zero.
 */
export const HIDDEN_STYLE = {
  color: '#eef1f3',
  borderColor: '#4a5863',
  borderWidth: 1,
  decal: { symbol: 'rect', symbolSize: 1, color: '#4a5863', dashArrayX: [1, 0], dashArrayY: [2, 5], rotation: -Math.PI / 4 },
};

/**
 * A stacked chart's "hidden" series: per category, the part of `total` its hidden values take
 * (what is left after the shown ones), or `-` (no bar) when nothing in that category is hidden.
 * `rows` holds each series' values per category, as the stacked series do.
 */
export function hiddenRemainders(rows: ReadonlyArray<ReadonlyArray<number | null>>, categories: number, total: number): Array<number | '-'> {
  return Array.from({ length: categories }, (_, category) => {
    const values = rows.map((values) => values[category] ?? null);
    if (values.every((value) => value !== null)) return '-';
    const shown = values.reduce<number>((sum, value) => sum + (value ?? 0), 0);
    return Math.max(0, total - shown);
  });
}
