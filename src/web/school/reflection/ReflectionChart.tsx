import { useEffect } from 'react';
import { useLazyChart } from '../../components/useLazyChart';
import { useI18n } from '../../i18n';
import { type MeanChartInput, meanChartOption, noMeanShown } from './reflectionView';

/** The mean per section and group as horizontal bars; ECharts is fetched only when this appears. */
export function ReflectionChart({ input, label }: { input: MeanChartInput; label: string }) {
  const { t } = useI18n();
  const { container, chart, failed, width } = useLazyChart(() => import('../echartsBar'));

  useEffect(() => {
    if (!chart) return;
    chart.resize();
    chart.setOption(meanChartOption(input, chart.getWidth()), { notMerge: true });
  }, [chart, width, input]);

  return (
    <div className="area-chart">
      <div ref={container} className="area-chart-canvas reflection-chart-canvas" role="img" aria-label={label} data-testid="reflection-chart" />
      {!chart && !failed && (
        <p className="muted radar-status" role="status">
          {t('profile.chartLoading')}
        </p>
      )}
      {failed && <p className="muted radar-status">{t('profile.chartFailed')}</p>}
      {noMeanShown(input) && <p className="muted">{t('reflection.report.chartAllHidden')}</p>}
    </div>
  );
}
