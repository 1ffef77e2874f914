import type { EChartsCoreOption } from 'echarts/core';
import { type ReactNode, useMemo, useState } from 'react';
import type { ChartTableData } from '../charts/chartTable';
import { LazyChart } from '../charts/LazyChart';
import type { ChartKind } from '../charts/useLazyChart';
import { useI18n } from '../i18n';
import { type StemFileFormat, saveFile, stemFile } from './stemDownload';
import type { StemDataTable } from './stemView';

interface Props {
  kind: ChartKind;
  option: (width: number) => EChartsCoreOption;
  label: string;
  table: StemDataTable;
  /** How many leading columns name a row together (a year and a group). */
  rowHeaderColumns?: number;
  testId: string;
  note?: ReactNode;
  /** False when there are no counts to draw: a sentence stands in for the chart. */
  hasData: boolean;
}

/** The table view of a chart: the leading columns that name a row joined into its row header. */
export function chartTableOf(table: StemDataTable, rowHeaderColumns = 1): ChartTableData {
  return {
    caption: table.caption,
    rowHeader: table.columns
      .slice(0, rowHeaderColumns)
      .map((column) => column.header)
      .join(', '),
    columns: table.columns.slice(rowHeaderColumns).map((column) => column.header),
    rows: table.rows.map((row) => ({
      name: row
        .slice(0, rowHeaderColumns)
        .map((cell) => cell.text)
        .join(', '),
      cells: row.slice(rowHeaderColumns).map((cell) => cell.text),
    })),
  };
}

/** A chart of the monitor with its table view and a CSV and XLSX download of exactly that table. */
export function StemChart({ kind, option, label, table, rowHeaderColumns, testId, note, hasData }: Props) {
  const { t } = useI18n();
  const view = useMemo(() => chartTableOf(table, rowHeaderColumns), [table, rowHeaderColumns]);
  if (!hasData) return <p data-testid={`${testId}-empty`}>{t('stemMonitor.noValue')}</p>;
  return (
    <>
      <LazyChart kind={kind} option={option} label={label} table={view} testId={testId} className="stem-chart" canvasClassName="stem-chart-canvas" note={note} />
      <StemDownloads table={table} testId={testId} />
    </>
  );
}

function StemDownloads({ table, testId }: { table: StemDataTable; testId: string }) {
  const { t } = useI18n();
  const [failed, setFailed] = useState(false);
  const download = (format: StemFileFormat) => {
    setFailed(false);
    stemFile(table, format)
      .then((file) => saveFile(file, `${table.fileName}.${format}`))
      .catch(() => setFailed(true));
  };
  return (
    <div className="actions actions-tight">
      <button type="button" className="button button-secondary" onClick={() => download('csv')} aria-label={`${t('stemMonitor.csv')}: ${table.caption}`} data-testid={`${testId}-csv`}>
        {t('stemMonitor.csv')}
      </button>
      <button
        type="button"
        className="button button-secondary"
        onClick={() => download('xlsx')}
        aria-label={`${t('stemMonitor.xlsx')}: ${table.caption}`}
        data-testid={`${testId}-xlsx`}
      >
        {t('stemMonitor.xlsx')}
      </button>
      {failed && (
        <p className="alert alert-error" role="alert">
          {t('stemMonitor.downloadFailed')}
        </p>
      )}
    </div>
  );
}
