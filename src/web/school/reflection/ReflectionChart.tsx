import { useCallback, useMemo } from 'react';
import { seriesTable } from '../../charts/chartTable';
import { LazyChart } from '../../charts/LazyChart';
import { useI18n } from '../../i18n';
import { type MeanChartInput, meanChartOption, meanText, noMeanShown } from './reflectionView';

/** The mean per section and group as horizontal bars, and the means as a table. */
export function ReflectionChart({ input, label }: { input: MeanChartInput; label: string }) {
  const { t, locale } = useI18n();
  const option = useCallback((width: number) => meanChartOption(input, width), [input]);
  const table = useMemo(
    () =>
      seriesTable({
        caption: t('chart.meansCaption'),
        rowHeader: t('chart.columnArea'),
        categories: input.sections,
        series: input.series.map((serie) => ({ label: serie.label, values: serie.means })),
        format: (mean) => meanText(mean, locale) ?? '',
        missing: t('chart.noValue'),
      }),
    [input, locale, t],
  );
  return (
    <LazyChart
      kind="bar"
      option={option}
      label={label}
      table={table}
      testId="reflection-chart"
      className="area-chart"
      canvasClassName="area-chart-canvas reflection-chart-canvas"
      note={noMeanShown(input) && <p className="muted">{t('reflection.report.chartAllHidden')}</p>}
    />
  );
}
