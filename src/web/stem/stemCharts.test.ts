import { describe, expect, it } from 'vitest';
import { barChartOption, lineChartOption } from './stemCharts';

const percent = (value: number) => `${String(value).replace('.', ',')}%`;

describe('the charts of the STEM monitor', () => {
  it('breaks a line where a share is hidden, draws published values as points and the target as a dashed line', () => {
    const option = lineChartOption(
      {
        years: ['2010-2011', '2011-2012', '2012-2013'],
        lines: [{ name: 'Vlaanderen', values: [33.5, null, 34] }],
        points: { name: 'Gepubliceerd', values: [33.5, null, null] },
        target: { value: 40.25, label: 'Streefcijfer' },
        percent,
      },
      800,
    );
    const [line, points] = option.series;
    expect(line).toMatchObject({ type: 'line', connectNulls: false, data: [33.5, '-', 34], markLine: { data: [{ yAxis: 40.25 }] } });
    expect(points).toMatchObject({ type: 'scatter', name: 'Gepubliceerd', data: [33.5, '-', '-'] });
    expect(option.yAxis.axisLabel.formatter(36.4)).toBe('36,4%');
  });

  it('leaves the published points out when no value was published', () => {
    const option = lineChartOption({ years: ['2010-2011'], lines: [{ name: 'a', values: [1] }], points: { name: 'p', values: [null] }, percent }, 800);
    expect(option.series).toHaveLength(1);
  });

  it('draws a hidden province as a hatched, labelled bar across the chart, never as 0, and no data as nothing', () => {
    const option = barChartOption({ categories: ['Vlaanderen', 'Limburg', 'Brussel'], values: [36.4, 'hidden', null], name: 'Aandeel', hiddenLabel: '< 5 (verborgen)', percent }, 800);
    const [bars, hatched] = option.series;
    expect(bars.data).toEqual([36.4, '-', '-']);
    expect(hatched).toMatchObject({ name: '< 5 (verborgen)', label: { show: true, formatter: '< 5 (verborgen)' }, data: ['-', option.xAxis.max, '-'] });
    expect(hatched.itemStyle).toHaveProperty('decal');
    expect(option.xAxis.max).toBe(50);
  });

  it('has no hatched series when nothing is hidden', () => {
    expect(barChartOption({ categories: ['a'], values: [12], name: 'x', hiddenLabel: 'h', percent }, 800).series).toHaveLength(1);
  });
});
