import { controlCharacterIn } from '../../../shared/platform/control-characters';
import type { TableBody } from '../../../shared/platform/endpoint';
import { csvRows } from './csv-rows';
import { type ImportProblem, MAX_REPORTED_PROBLEMS } from './import-problems';
import { xlsxRows } from './xlsx-rows';

/**
 * The one reader of an uploaded table (the roster, the training import, and the imports of
 * devices, STEM counts and funding to come): CSV text as spreadsheets write it (UTF-8 with or
 * without BOM, semicolons, or commas when the header line has no semicolon, CR, LF or CRLF line
 * ends, quoted fields) or an .xlsx workbook (its first sheet). It gives the header and the rows
 * with the line each came from; what the cells mean is the caller's. Reading is linear in the
 * input, and a file it cannot read gives one problem instead of an exception. The parsing is
 * csv-parse's (csv-rows.ts) and read-excel-file's (xlsx-rows.ts); this file chooses between them
 * and applies what every import shares.
 */

/** A row of the table: its cells as text, untrimmed (a CSV cell that spans lines holds LF), and the line it came from (header = line 1 in most files). */
export interface TableRow {
  line: number;
  cells: string[];
}

export interface Table {
  header: string[];
  headerLine: number;
  rows: TableRow[];
  /** Which of the two formats the upload was. */
  format: 'csv' | 'xlsx';
}

export interface ReadTableOptions {
  /** The field that problems of the file as a whole are reported under (`file`, `bestand`). */
  fileField: string;
  /** Larger uploads are refused with one problem before any parsing (bytes; UTF-8 length for text). */
  maxBytes?: number;
  /** Skips rows whose cells are all empty (`;;`), besides blank lines, which are always skipped. */
  skipBlankRows?: boolean;
}

/** A table it cannot take: one problem of the file as a whole, or one per cell holding a control character. */
export type TableReadResult = { ok: true; table: Table } | { ok: false; problems: ImportProblem[] };

/** 50 MB: the largest upload any import accepts unless it says otherwise. */
export const DEFAULT_MAX_TABLE_BYTES = 50 * 1024 * 1024;

/**
 * Reads a CSV text or an .xlsx workbook (bytes) into a header and rows. Bytes are always taken
 * for a workbook, as the upload's content type said, so bytes that are not one (a CSV sent as a
 * workbook, an old .xls) are one problem, not a CSV read from garbage.
 */
export async function readTable(input: TableBody, options: ReadTableOptions): Promise<TableReadResult> {
  const size = typeof input === 'string' ? Buffer.byteLength(input, 'utf8') : input.byteLength;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_TABLE_BYTES;
  if (size > maxBytes) {
    return {
      ok: false,
      problems: [
        {
          line: 1,
          field: options.fileField,
          message: `The file is larger than ${formatMegabytes(maxBytes)}`,
          code: 'file_too_large',
          params: { megabytes: Math.round((maxBytes / 1024 / 1024) * 10) / 10 },
        },
      ],
    };
  }
  if (typeof input === 'string') return fromRows(readCsvRows(input), 'csv', options);
  return fromRows(await xlsxRows(input), 'xlsx', options);
}

type RowsOrProblem = { rows: TableRow[] } | { problem: Omit<ImportProblem, 'field'> };

function fromRows(read: RowsOrProblem, format: Table['format'], options: ReadTableOptions): TableReadResult {
  if ('problem' in read) return { ok: false, problems: [{ ...read.problem, field: options.fileField, code: 'file_unreadable', params: { format } }] };
  const rows = options.skipBlankRows ? read.rows.filter((row) => row.cells.some((cell) => cell !== '')) : read.rows;
  if (rows.length === 0) return { ok: false, problems: [{ line: 1, field: options.fileField, message: 'The file is empty', code: 'file_empty' }] };
  const [header, ...body] = rows;
  const controlProblems = controlCharacterProblems(rows, header.cells, options.fileField);
  if (controlProblems.length > 0) return { ok: false, problems: controlProblems };
  return { ok: true, table: { header: header.cells, headerLine: header.line, rows: body, format } };
}

/**
 * Every cell (the header's too) holding a control character other than tab, LF and CR, each a
 * problem at its line and column: such a cell is refused, not cleaned, since it is mostly the
 * sign of a file in another encoding (UTF-16 read as UTF-8 gives a NUL after every letter), and
 * a database cannot always store it. At most MAX_REPORTED_PROBLEMS are listed.
 */
function controlCharacterProblems(rows: TableRow[], header: string[], fileField: string): ImportProblem[] {
  const problems: ImportProblem[] = [];
  for (const { line, cells } of rows) {
    for (let i = 0; i < cells.length && problems.length < MAX_REPORTED_PROBLEMS; i++) {
      const codePoint = controlCharacterIn(cells[i]);
      if (!codePoint) continue;
      const named = header[i]?.trim();
      const field = named && !controlCharacterIn(named) ? named : fileField;
      problems.push({
        line,
        field,
        column: i + 1,
        message: `The cell holds the control character ${codePoint}; save the file as UTF-8 text without it`,
        code: 'control_character',
        params: { codePoint },
      });
    }
  }
  return problems;
}

/** Semicolons unless the header line has a comma and no semicolon. */
export function detectDelimiter(text: string): ';' | ',' {
  const end = text.search(/[\r\n]/);
  const headerLine = end < 0 ? text : text.slice(0, end);
  return headerLine.includes(';') || !headerLine.includes(',') ? ';' : ',';
}

function readCsvRows(text: string): RowsOrProblem {
  const read = csvRows(text, detectDelimiter(text));
  if ('rows' in read) return read;
  return { problem: { ...read.problem, message: `The file is not readable CSV: ${read.problem.message}` } };
}

const formatMegabytes = (bytes: number) => (bytes >= 1024 * 1024 ? `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB` : `${bytes} bytes`);
