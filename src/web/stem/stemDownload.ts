import { toCsv } from '../../shared/csv';
import type { XlsxSheet } from '../../shared/platform/xlsx-sheets';
import type { StemDataTable } from './stemView';

/**
 * A chart's data as a file, made in the browser from the very table the page shows: the monitor
 * is public and its data is already on the page, so no server round trip is needed.
 */

/** Semicolons, BOM and decimal commas as every export of the app; a formula-like text is guarded by `toCsv`. */
export function stemCsv(table: StemDataTable): string {
  const rows = table.rows.map((row) => row.map((cell) => (typeof cell.value === 'number' ? String(cell.value).replace('.', ',') : cell.value)));
  return toCsv(
    table.columns.map((column) => column.header),
    rows,
  );
}

/** One sheet, shares as percentages and counts as numbers; "< 5" and "verborgen" stay text. */
export function stemXlsxSheet(table: StemDataTable): XlsxSheet {
  return { name: table.caption, columns: table.columns, rows: table.rows.map((row) => row.map((cell) => cell.value)) };
}

export type StemFileFormat = 'csv' | 'xlsx';

/** The file of a table; write-excel-file loads only when someone asks for an XLSX. */
export async function stemFile(table: StemDataTable, format: StemFileFormat): Promise<Blob> {
  if (format === 'csv') return new Blob([stemCsv(table)], { type: 'text/csv;charset=utf-8' });
  const [{ default: writeExcelFile }, { workbookSheets }] = await Promise.all([import('write-excel-file/browser'), import('../../shared/platform/xlsx-sheets')]);
  return writeExcelFile(workbookSheets([stemXlsxSheet(table)])).toBlob();
}

/** Hands a file to the browser's downloads under `fileName`. */
export function saveFile(file: Blob, fileName: string): void {
  const url = URL.createObjectURL(file);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the link; the address is no longer needed.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
