import type { Cell, Sheet } from 'write-excel-file/universal';

/**
 * Rows → the sheets of an .xlsx workbook, for any download: the server writes them to a file
 * (`xlsxWorkbook`), the public STEM monitor in the browser. Callers describe sheets as headers
 * and plain values; the column kind decides how a number is stored, so spreadsheets compute
 * with real numbers, never with text. Text cells are stored as text, never as a formula.
 */

/**
 * `percent` values are percentages (0–100), as the API gives them; they are stored as fractions
 * with a percent format, as spreadsheets expect. A string in a number column (a marker such as
 * "hidden") is written as text.
 */
export type XlsxColumnKind = 'text' | 'integer' | 'decimal' | 'percent';

export interface XlsxColumn {
  header: string;
  kind: XlsxColumnKind;
  /** Width in characters. */
  width?: number;
}

export type XlsxValue = string | number | null;

export interface XlsxSheet {
  name: string;
  columns: XlsxColumn[];
  rows: XlsxValue[][];
}

const numberFormats: Record<Exclude<XlsxColumnKind, 'text'>, string> = { integer: '0', decimal: '0.0', percent: '0.0%' };

/** Excel refuses names over 31 characters, with []/\:*? in them or an apostrophe at either end, empty or used twice. */
const MAX_SHEET_NAME = 31;
export function safeSheetNames(names: readonly string[]): string[] {
  const used = new Set<string>();
  return names.map((name, index) => {
    const cleaned = name
      .replace(/[[\]/\\:*?]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, MAX_SHEET_NAME)
      .replace(/^'+|'+$/g, '')
      .trim();
    const base = cleaned || `Sheet ${index + 1}`;
    let candidate = base;
    for (let n = 2; used.has(candidate.toLowerCase()); n += 1) candidate = `${base.slice(0, MAX_SHEET_NAME - String(n).length - 1)} ${n}`;
    used.add(candidate.toLowerCase());
    return candidate;
  });
}

function cellOf(value: XlsxValue, kind: XlsxColumnKind): Cell {
  if (value === null) return null;
  if (typeof value === 'string' || kind === 'text') return { value: String(value), type: String };
  // Fractions rounded to the shown precision, so 33.3 is stored as 0.333, not 0.33299999999999996.
  const stored = kind === 'percent' ? Math.round(value * 1e6) / 1e8 : value;
  return { value: stored, type: Number, format: numberFormats[kind] };
}

function sheetOf(sheet: XlsxSheet, name: string): Sheet<never> {
  const header = sheet.columns.map((column) => ({ value: column.header, fontWeight: 'bold' as const }));
  const rows = sheet.rows.map((row) => sheet.columns.map((column, i) => cellOf(row[i] ?? null, column.kind)));
  return {
    sheet: name,
    data: [header, ...rows],
    columns: sheet.columns.map((column) => ({ width: column.width ?? Math.max(10, column.header.length + 2) })),
    stickyRowsCount: 1,
  };
}

/** The workbook's sheets as write-excel-file takes them, a bold frozen header row on each. */
export function workbookSheets(sheets: readonly XlsxSheet[]): Sheet<never>[] {
  if (sheets.length === 0) throw new Error('xlsxWorkbook: a workbook needs at least one sheet');
  const names = safeSheetNames(sheets.map((sheet) => sheet.name));
  return sheets.map((sheet, i) => sheetOf(sheet, names[i]));
}
