/**
 * The numbers of a chart as a table, for whoever cannot see the chart: one row per category
 * (an area, a section), one column per series (this scan and the previous, a band, a group).
 * Pure, so each chart's table is built and tested without rendering.
 */

export interface ChartTableData {
  caption: string;
  /** The header of the first column, which names the rows. */
  rowHeader: string;
  columns: string[];
  rows: Array<{ name: string; cells: string[] }>;
}

export interface SeriesTableInput {
  caption: string;
  rowHeader: string;
  categories: readonly string[];
  series: ReadonlyArray<{ label: string; values: ReadonlyArray<number | null> }>;
  /** The text of a value; `row` is the category's position, for values with a per-row maximum. */
  format: (value: number, row: number) => string;
  /** What stands in a cell without a value (hidden or not answered). */
  missing: string;
}

export function seriesTable({ caption, rowHeader, categories, series, format, missing }: SeriesTableInput): ChartTableData {
  return {
    caption,
    rowHeader,
    columns: series.map((serie) => serie.label),
    rows: categories.map((name, row) => ({
      name,
      cells: series.map((serie) => {
        const value = serie.values[row];
        return value === null || value === undefined ? missing : format(value, row);
      }),
    })),
  };
}
