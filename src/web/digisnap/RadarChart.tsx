import { useCallback, useMemo } from 'react';
import { formatScore } from '../../shared/i18n/format';
import { seriesTable } from '../charts/chartTable';
import { LazyChart } from '../charts/LazyChart';
import { useI18n } from '../i18n';
import { type RadarInput, radarOption } from './radarOption';

interface Props extends Omit<RadarInput, 'width'> {
  /** What the chart shows, in words, for screen readers. */
  label: string;
}

/** The area radar: this scan filled, the previous one dashed, and the scores as a table. */
export function RadarChart({ axes, current, previous, label }: Props) {
  const { t, locale } = useI18n();
  const option = useCallback((width: number) => radarOption({ axes, current, previous, width }), [axes, current, previous]);
  const table = useMemo(
    () =>
      seriesTable({
        caption: t('chart.radarCaption'),
        rowHeader: t('chart.columnArea'),
        categories: axes.map((axis) => axis.name),
        series: previous ? [current, previous] : [current],
        format: (value, row) => formatScore(value, axes[row].max, locale),
        missing: t('chart.noValue'),
      }),
    [axes, current, previous, locale, t],
  );
  return <LazyChart kind="radar" option={option} label={label} table={table} testId="radar-chart" className="radar" canvasClassName="radar-canvas" />;
}
