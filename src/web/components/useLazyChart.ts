import { type RefObject, useEffect, useRef, useState } from 'react';
import type { EChartsType, init } from 'echarts/core';

/** A module that registers its chart types and renderer with ECharts and re-exports `init`. */
type ChartModule = { init: typeof init };

export interface LazyChart {
  container: RefObject<HTMLDivElement | null>;
  chart: EChartsType | undefined;
  failed: boolean;
  /** The container's width, so the option can be rebuilt when it changes. */
  width: number;
}

/**
 * Mounts an ECharts chart (SVG) once its module has been fetched: ECharts stays out of the main
 * bundle and loads only on pages that show a chart. The chart follows the container's width.
 */
export function useLazyChart(load: () => Promise<ChartModule>): LazyChart {
  const container = useRef<HTMLDivElement>(null);
  const [chart, setChart] = useState<EChartsType>();
  const [failed, setFailed] = useState(false);
  const [width, setWidth] = useState(0);

  useEffect(() => {
    let live = true;
    let created: EChartsType | undefined;
    let observer: ResizeObserver | undefined;
    load()
      .then((module) => {
        if (!live || !container.current) return;
        created = module.init(container.current, null, { renderer: 'svg' });
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
    // The loader is fixed per chart kind; it must not re-mount the chart.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return { container, chart, failed, width };
}
