import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n';
import { allSharesHidden, areaChartOption, type AreaChartInput } from './reportView';

type Chart = ReturnType<typeof import('./echartsBar')['init']>;

/** The areas' spread over A / B / C as stacked bars. ECharts is fetched only when this appears. */
export function AreaChart({ input, label }: { input: AreaChartInput; label: string }) {
  const { t } = useI18n();
  const container = useRef<HTMLDivElement>(null);
  const [chart, setChart] = useState<Chart>();
  const [failed, setFailed] = useState(false);
  const [width, setWidth] = useState(0);

  useEffect(() => {
    let live = true;
    let created: Chart | undefined;
    let observer: ResizeObserver | undefined;
    import('./echartsBar')
      .then(({ init }) => {
        if (!live || !container.current) return;
        created = init(container.current, null, { renderer: 'svg' });
        observer = new ResizeObserver(([entry]) => setWidth(Math.round(entry.contentRect.width)));
        observer.observe(container.current);
        setChart(created);
      })
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
      observer?.disconnect();
      created?.dispose();
    };
  }, []);

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
