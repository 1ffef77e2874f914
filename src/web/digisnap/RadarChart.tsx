import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n';
import { radarOption, type RadarInput } from './radarOption';

type Chart = ReturnType<typeof import('./echartsRadar')['init']>;

interface Props extends Omit<RadarInput, 'width'> {
  /** What the chart shows, in words, for screen readers. */
  label: string;
}

/** The area radar. ECharts is fetched only when this component first appears. */
export function RadarChart({ axes, current, previous, label }: Props) {
  const { t } = useI18n();
  const container = useRef<HTMLDivElement>(null);
  const [chart, setChart] = useState<Chart>();
  const [failed, setFailed] = useState(false);
  const [width, setWidth] = useState(0);

  useEffect(() => {
    let live = true;
    let created: Chart | undefined;
    let observer: ResizeObserver | undefined;
    import('./echartsRadar')
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
