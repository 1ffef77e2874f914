import { useCallback, useMemo } from 'react';
import { seriesTable } from '../charts/chartTable';
import { LazyChart } from '../charts/LazyChart';
import { useI18n } from '../i18n';
import { type AreaChartInput, areaChartOption, percentText, someShareHidden } from './campaign/reportView';

/** The areas' spread over A / B / C as stacked bars (hidden shares hatched, with the reason), and the shares as a table. */
export function AreaChart({ input, label }: { input: AreaChartInput; label: string }) {
  const { t, locale } = useI18n();
  const option = useCallback((width: number) => areaChartOption(input, width), [input]);
  const table = useMemo(
    () =>
      seriesTable({
        caption: t('chart.bandsCaption'),
        rowHeader: t('chart.columnArea'),
        categories: input.areas,
        series: input.series.map((serie) => ({ label: serie.label, values: serie.shares })),
        format: (share) => percentText(share, locale) ?? '',
        missing: t('report.hidden'),
      }),
    [input, locale, t],
  );
  return (
    <LazyChart
      kind="bar"
      option={option}
      label={label}
      table={table}
      testId="report-area-chart"
      className="area-chart"
      canvasClassName="area-chart-canvas"
      note={someShareHidden(input) && <p className="muted">{t('report.chartHidden')}</p>}
    />
  );
}
