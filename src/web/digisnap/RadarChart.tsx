import { useEffect } from 'react';
import { useLazyChart } from '../components/useLazyChart';
import { useI18n } from '../i18n';
import { radarOption, type RadarInput } from './radarOption';

interface Props extends Omit<RadarInput, 'width'> {
  /** What the chart shows, in words, for screen readers. */
  label: string;
}

/** The area radar. ECharts is fetched only when this component first appears. */
export function RadarChart({ axes, current, previous, label }: Props) {
  const { t } = useI18n();
  const { container, chart, failed, width } = useLazyChart(() => import('./echartsRadar'));

  useEffect(() => {
    if (!chart) return;
    chart.resize();
    chart.setOption(radarOption({ axes, current, previous, width: chart.getWidth() }), { notMerge: true });
  }, [chart, width, axes, current, previous]);

  return (
    <div className="radar">
      <div ref={container} className="radar-canvas" role="img" aria-label={label} data-testid="radar-chart" />
      {!chart && !failed && (
        <p className="muted radar-status" role="status">
          {t('profile.chartLoading')}
        </p>
      )}
      {failed && <p className="muted radar-status">{t('profile.chartFailed')}</p>}
    </div>
  );
}
