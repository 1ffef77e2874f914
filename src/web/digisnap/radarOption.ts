import type { RadarSeriesOption } from 'echarts/charts';
import type { LegendComponentOption, RadarComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';

export type RadarOption = ComposeOption<RadarSeriesOption | RadarComponentOption | LegendComponentOption>;

export interface RadarSeries {
  label: string;
  values: number[];
}

export interface RadarInput {
  /** One axis per area; `short` (the area number) labels the axis on narrow screens. */
  axes: Array<{ name: string; short: string; max: number }>;
  current: RadarSeries;
  previous?: RadarSeries;
  /** Width in pixels; narrow charts get shorter axis labels. */
  width: number;
}

const ACCENT = '#0b6e75';
const PREVIOUS = '#5c6670';
const TEXT = '#1d2a33';

/** Break a label into lines of at most `width` characters, on spaces. */
export function wrapLabel(label: string, width: number): string {
  const lines: string[] = [];
  let line = '';
  for (const word of label.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.join('\n');
}

/** The ECharts option for the area radar: this scan filled, the previous one dashed. */
export function radarOption({ axes, current, previous, width }: RadarInput): RadarOption {
  const narrow = width < 480;
  const series: RadarSeriesOption['data'] = [
    {
      name: current.label,
      value: current.values,
      symbolSize: 6,
      lineStyle: { color: ACCENT, width: 2 },
      itemStyle: { color: ACCENT },
      areaStyle: { color: ACCENT, opacity: 0.18 },
    },
  ];
  if (previous) {
    series.push({
      name: previous.label,
      value: previous.values,
      symbol: 'none',
      lineStyle: { color: PREVIOUS, width: 2, type: 'dashed' },
      itemStyle: { color: PREVIOUS },
    });
  }
  return {
    animation: false,
    textStyle: { fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif', color: TEXT },
    legend: previous ? { bottom: 0, data: [current.label, previous.label], textStyle: { color: TEXT, fontSize: 13 } } : undefined,
    radar: {
      indicator: axes.map((axis) => ({ name: narrow ? axis.short : axis.name, max: axis.max })),
      radius: narrow ? '68%' : '60%',
      center: ['50%', previous ? '46%' : '50%'],
      splitNumber: 4,
      axisName: {
        color: TEXT,
        fontSize: narrow ? 15 : 13,
        fontWeight: narrow ? 'bold' : 'normal',
        lineHeight: 17,
        formatter: (name?: string) => wrapLabel(name ?? '', 18),
      },
      splitLine: { lineStyle: { color: '#c9d3da' } },
      splitArea: { areaStyle: { color: ['#f7fafb', '#eef4f6'] } },
      axisLine: { lineStyle: { color: '#c9d3da' } },
    },
    series: [{ type: 'radar', data: series }],
  };
}
