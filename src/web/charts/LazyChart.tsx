import type { EChartsCoreOption } from 'echarts/core';
import { type ReactNode, useEffect } from 'react';
import { useI18n } from '../i18n';
import type { ChartTableData } from './chartTable';
import { type ChartKind, useLazyChart } from './useLazyChart';

export interface LazyChartProps {
  kind: ChartKind;
  /** The ECharts option for the chart's width in pixels; keep it stable (useCallback), as the chart redraws when it changes. */
  option: (width: number) => EChartsCoreOption;
  /** What the chart shows, in words, for screen readers. */
  label: string;
  /** The same numbers as a table, under the chart behind "show as table". */
  table: ChartTableData;
  testId: string;
  /** The wrapper's and the drawing area's classes, which set the chart's size. */
  className: string;
  canvasClassName: string;
  /** A note under the chart, e.g. why it is empty. */
  note?: ReactNode;
}

/**
 * Every chart of the app: ECharts is fetched only when a chart first appears, the drawing
 * follows the container's width, and the numbers are there as a table too, so a screen reader
 * (or anyone whose chart failed to load) gets them.
 */
export function LazyChart({ kind, option, label, table, testId, className, canvasClassName, note }: LazyChartProps) {
  const { t } = useI18n();
  const { container, chart, failed, width } = useLazyChart(kind);

  // A new width redraws the chart with the option for that width.
  useEffect(() => {
    if (!chart) return;
    chart.resize();
    chart.setOption(option(chart.getWidth()), { notMerge: true });
  }, [chart, width, option]);

  return (
    <div className={className}>
      <div className="chart-frame">
        <div ref={container} className={canvasClassName} role="img" aria-label={label} data-testid={testId} />
        {!chart && !failed && (
          <p className="muted radar-status" role="status">
            {t('chart.loading')}
          </p>
        )}
        {failed && <p className="muted radar-status">{t('chart.failed')}</p>}
      </div>
      {note}
      <ChartTable table={table} testId={`${testId}-table`} open={failed} />
    </div>
  );
}

/** The chart's numbers as a data table, folded away under a summary unless the chart failed. */
function ChartTable({ table, testId, open }: { table: ChartTableData; testId: string; open: boolean }) {
  const { t } = useI18n();
  return (
    <details className="chart-table" data-testid={testId} open={open || undefined}>
      <summary>{t('chart.showTable')}</summary>
      {/* A wide table scrolls sideways, so keyboard users can reach it too. */}
      <div className="table-wrap" tabIndex={0} role="region" aria-label={table.caption}>
        <DataTable table={table} />
      </div>
    </details>
  );
}

/** A chart's numbers as a table: a caption, the groups as rows, numeric cells. */
export function DataTable({ table, testId }: { table: ChartTableData; testId?: string }) {
  return (
    <table className="data-table" data-testid={testId}>
      <caption>{table.caption}</caption>
      <thead>
        <tr>
          <th scope="col">{table.rowHeader}</th>
          {table.columns.map((column) => (
            <th key={column} scope="col" className="numeric">
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {table.rows.map((row) => (
          <tr key={row.name}>
            <th scope="row">{row.name}</th>
            {row.cells.map((cell, i) => (
              <td key={table.columns[i] ?? i} className="numeric">
                {cell}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
