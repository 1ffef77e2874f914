import { useEffect } from 'react';
import { useLazyChart } from '../components/useLazyChart';
import { useI18n } from '../i18n';
import { allSharesHidden, areaChartOption, type AreaChartInput } from './campaign/reportView';

/** The areas' spread over A / B / C as stacked bars. ECharts is fetched only when this appears. */
export function AreaChart({ input, label }: { input: AreaChartInput; label: string }) {
  const { t } = useI18n();
  const { container, chart, failed, width } = useLazyChart(() => import('./echartsBar'));

  useEffect(() => {
    if (!chart) return;
    chart.resize();
    chart.setOption(areaChartOption(input, chart.getWidth()), { notMerge: true });
  }, [chart, width, input]);

  return (
    <div className="area-chart">
      <div ref={container} className="area-chart-canvas" role="img" aria-label={label} data-testid="report-area-chart" />
      {!chart && !failed && (
        <p className="muted radar-status" role="status">
          {t('profile.chartLoading')}
        </p>
      )}
      {failed && <p className="muted radar-status">{t('profile.chartFailed')}</p>}
      {allSharesHidden(input) && <p className="muted">{t('report.chartAllHidden')}</p>}
    </div>
  );
}
