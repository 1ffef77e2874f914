import type { EChartsType, init } from 'echarts/core';
import { type RefObject, useEffect, useRef, useState } from 'react';

/** A module that registers its chart types and renderer with ECharts and re-exports `init`. */
type ChartModule = { init: typeof init };

/**
 * The chart kinds, each with the module that registers what it needs. Each is a dynamic
 * import, so ECharts stays out of the main bundle and loads only on pages that show a chart,
 * and a page with a radar does not fetch the bar chart.
 */
const chartModules = {
  radar: () => import('./echarts-radar'),
  bar: () => import('./echarts-bar'),
  line: () => import('./echarts-line'),
  heatmap: () => import('./echarts-heatmap'),
} satisfies Record<string, () => Promise<ChartModule>>;

export type ChartKind = keyof typeof chartModules;

export interface LazyChartState {
  container: RefObject<HTMLDivElement | null>;
  chart: EChartsType | undefined;
  failed: boolean;
  /** The container's width, so the option can be rebuilt when it changes. */
  width: number;
}

/** Mounts an ECharts chart (SVG) of `kind` once its module has been fetched; the chart follows the container's width. */
export function useLazyChart(kind: ChartKind): LazyChartState {
  const container = useRef<HTMLDivElement>(null);
  const [chart, setChart] = useState<EChartsType>();
  const [failed, setFailed] = useState(false);
  const [width, setWidth] = useState(0);

  useEffect(() => {
    let live = true;
    let created: EChartsType | undefined;
    let observer: ResizeObserver | undefined;
    chartModules[kind]()
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
  }, [kind]);

  return { container, chart, failed, width };
}
