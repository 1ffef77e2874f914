import { CsvError, type InfoRecord, parse } from 'csv-parse/sync';
import type { TableRow } from './table-reader';

/**
 * Splits CSV text into rows with csv-parse (RFC 4180 as spreadsheets write it: quoted fields may
 * hold the delimiter, doubled quotes and line ends; a BOM is dropped; rows may differ in length;
 * blank lines are skipped). Line ends (CRLF, LF or a lone CR) are made LF first, in one pass, so
 * each is one line everywhere, quoted cells included (a cell that spans lines holds LF). Each row
 * carries the line it starts on, counted from the raw text of the rows before it; a malformed
 * quote ends the reading with one problem at its line and column (1 = first field).
 */
export function csvRows(text: string, delimiter: string): { rows: TableRow[] } | { problem: { line: number; column?: number; message: string } } {
  const normalised = text.replace(/\r\n?/g, '\n');
  const rows: TableRow[] = [];
  let linesBefore = 0;
  try {
    // Each record is taken as it is read, with its raw text (blank lines before it included), and
    // kept here rather than in csv-parse's result, which is why on_record returns null.
    parse(normalised, {
      delimiter,
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      raw: true,
      // With `raw`, csv-parse hands on_record `{ record, raw }`, though its typings say the record alone.
      on_record: (read: string[] | { record: string[] }, info: InfoRecord) => {
        const raw = info.raw ?? '';
        rows.push({ line: 1 + linesBefore + leadingLineEnds(raw), cells: Array.isArray(read) ? read : read.record });
        linesBefore += lineEnds(raw);
        return null;
      },
    });
    return { rows };
  } catch (error) {
    if (!(error instanceof CsvError)) return { problem: { line: 1 + linesBefore, message: `the CSV reader stopped: ${String(error)}` } };
    // The raw text of the record being read when parsing stopped: from just after the last good row up to the fault.
    const raw = typeof error.raw === 'string' ? error.raw : '';
    const recordLine = 1 + linesBefore + leadingLineEnds(raw);
    const faultLine = 1 + linesBefore + lineEnds(raw);
    const column = typeof error.column === 'number' ? error.column + 1 : undefined;
    return { problem: { ...problemOf(error, delimiter, recordLine, faultLine), ...(column === undefined ? {} : { column }) } };
  }
}

/** csv-parse's error codes, as a spreadsheet user can act on them. */
function problemOf(error: CsvError, delimiter: string, recordLine: number, faultLine: number): { line: number; message: string } {
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return { line: recordLine, message: `a quoted field that starts on line ${recordLine} is never closed` };
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      return { line: faultLine, message: `a quoted field is followed by something other than ${JSON.stringify(delimiter)} or a line end` };
    case 'INVALID_OPENING_QUOTE':
      return { line: faultLine, message: 'a quote inside a field that does not start with one (quote the whole field and double the quote)' };
    default:
      return { line: faultLine, message: `the CSV reader stopped here (${error.code}: ${error.message})` };
  }
}

function lineEnds(raw: string): number {
  let count = 0;
  for (let at = raw.indexOf('\n'); at >= 0; at = raw.indexOf('\n', at + 1)) count += 1;
  return count;
}

/** Blank lines skipped before a record are part of its raw text. */
function leadingLineEnds(raw: string): number {
  let count = 0;
  while (raw.charCodeAt(count) === 10) count += 1;
  return count;
}
