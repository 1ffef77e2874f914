import { CHART_TEXT, horizontalBarFrame, isNarrowChart } from '../charts/barChart';

/**
 * The ECharts options of the STEM monitor, from plain numbers (percentages, null where a share is
 * hidden or missing). A hidden share is never drawn as 0: a line breaks there, and a bar is a
 * hatched mark labelled "< 5" that the tables explain.
 */

const palette = ['#1d3f8f', '#c2571a', '#0b6e75', '#7a3b8f', '#4a5863', '#8f6a1d', '#2f7d32', '#a12d4d'];

export interface LineChartInput {
  years: string[];
  /** One line per group; values in percent, null for a gap. */
  lines: Array<{ name: string; values: Array<number | null> }>;
  /** Published values drawn as separate points beside the lines; null where none was published. */
  points?: { name: string; values: Array<number | null> };
  /** A target drawn as a dashed line across the chart. */
  target?: { value: number; label: string };
  /** A percentage as the reader writes it: `36,4%`. */
  percent: (value: number) => string;
}

export function lineChartOption(input: LineChartInput, width: number) {
  const narrow = isNarrowChart(width);
  const lines = input.lines.map((line, i) => ({
    type: 'line',
    name: line.name,
    connectNulls: false,
    symbolSize: 6,
    itemStyle: { color: palette[i % palette.length] },
    data: line.values.map((value) => value ?? '-'),
    ...(i === 0 && input.target
      ? {
          markLine: {
            silent: true,
            symbol: 'none',
            lineStyle: { type: 'dashed', color: CHART_TEXT },
            label: { formatter: input.target.label, color: CHART_TEXT, position: 'insideEndTop' },
            data: [{ yAxis: input.target.value }],
          },
        }
      : {}),
  }));
  const points = input.points?.values.some((value) => value !== null)
    ? [{ type: 'scatter', name: input.points.name, symbol: 'diamond', symbolSize: 12, itemStyle: { color: '#b8860b' }, data: input.points.values.map((value) => value ?? '-') }]
    : [];
  return {
    animation: false,
    aria: { enabled: false },
    legend: { top: 0, type: 'scroll', textStyle: { color: CHART_TEXT, fontSize: 13 } },
    grid: { left: 8, right: 24, top: 40, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: input.years, axisLabel: { color: CHART_TEXT, rotate: narrow ? 60 : 30 } },
    yAxis: { type: 'value', scale: true, axisLabel: { formatter: input.percent, color: CHART_TEXT } },
    series: [...lines, ...points],
  };
}

export interface BarChartInput {
  categories: string[];
  /** Percent per category; `hidden` where the small-number rule hid it, null without data. */
  values: Array<number | 'hidden' | null>;
  name: string;
  /** The label of a hidden bar. */
  hiddenLabel: string;
  percent: (value: number) => string;
}

/** Horizontal bars, one per province; a hidden share is a hatched bar across the chart with its label. */
export function barChartOption(input: BarChartInput, width: number) {
  const narrow = isNarrowChart(width);
  const shown = input.values.filter((value): value is number => typeof value === 'number');
  const max = Math.min(100, Math.ceil((Math.max(0, ...shown) + 5) / 10) * 10);
  const hatched = input.values.some((value) => value === 'hidden')
    ? [
        {
          type: 'bar',
          name: input.hiddenLabel,
          stack: 'share',
          barMaxWidth: 28,
          itemStyle: {
            color: '#ffffff',
            borderColor: '#4a5863',
            borderType: 'dashed',
            decal: { symbol: 'rect', dashArrayX: [1, 0], dashArrayY: [2, 5], rotation: Math.PI / 4, color: '#9aa5ad' },
          },
          label: { show: true, position: 'insideLeft', color: CHART_TEXT, formatter: input.hiddenLabel },
          data: input.values.map((value) => (value === 'hidden' ? max : '-')),
        },
      ]
    : [];
  return {
    ...horizontalBarFrame(input.categories, narrow ? 110 : 180),
    xAxis: { type: 'value', min: 0, max, axisLabel: { formatter: input.percent, color: CHART_TEXT } },
    series: [
      {
        type: 'bar',
        name: input.name,
        stack: 'share',
        barMaxWidth: 28,
        itemStyle: { color: palette[0] },
        label: { show: !narrow, position: 'right', color: CHART_TEXT, formatter: ({ value }: { value: number }) => input.percent(value) },
        data: input.values.map((value) => (typeof value === 'number' ? value : '-')),
      },
      ...hatched,
    ],
  };
}
