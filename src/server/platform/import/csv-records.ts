import type { TableRow } from './table-reader';

/**
 * Splits CSV text into records in one pass (RFC 4180 as spreadsheets write it): fields quoted
 * with `"` may hold the delimiter, quotes (doubled) and line ends; records end at CRLF, LF or a
 * lone CR. Each record carries the line it starts on, counting CRLF as one line end everywhere,
 * quoted cells included. Blank lines are skipped. A quote out of place or one never closed ends
 * the reading with the line and column (1 = first field) where it is.
 */
export function csvRecords(text: string, delimiter: string): { rows: TableRow[] } | { problem: { line: number; column: number; message: string } } {
  const rows: TableRow[] = [];
  const length = text.length;
  let line = 1;
  let at = 0;
  while (at < length) {
    const startLine = line;
    const cells: string[] = [];
    let recordEnded = false;
    while (!recordEnded) {
      let cell: string;
      if (text[at] === '"') {
        const quoteLine = line;
        let value = '';
        let from = at + 1;
        for (;;) {
          const quote = text.indexOf('"', from);
          if (quote < 0) return { problem: { line: quoteLine, column: cells.length + 1, message: `a quoted field that starts on line ${quoteLine} is never closed` } };
          line += lineEndsIn(text, from, quote);
          value += text.slice(from, quote);
          if (text[quote + 1] === '"') {
            value += '"';
            from = quote + 2;
            continue;
          }
          at = quote + 1;
          break;
        }
        const next = text[at];
        if (at < length && next !== delimiter && next !== '\r' && next !== '\n') {
          return { problem: { line, column: cells.length + 1, message: `a quoted field is followed by ${JSON.stringify(next)} instead of ${JSON.stringify(delimiter)} or a line end` } };
        }
        cell = value;
      } else {
        let end = at;
        while (end < length) {
          const char = text[end];
          if (char === delimiter || char === '\r' || char === '\n') break;
          if (char === '"') return { problem: { line, column: cells.length + 1, message: 'a quote inside a field that does not start with one (quote the whole field and double the quote)' } };
          end += 1;
        }
        cell = text.slice(at, end);
        at = end;
      }
      cells.push(cell);
      if (at >= length) recordEnded = true;
      else if (text[at] === delimiter) at += 1;
      else {
        at += text[at] === '\r' && text[at + 1] === '\n' ? 2 : 1;
        line += 1;
        recordEnded = true;
      }
    }
    if (!(cells.length === 1 && cells[0] === '')) rows.push({ line: startLine, cells });
  }
  return { rows };
}

/** How many line ends (CRLF, LF or CR, each counted once) lie in text[from, to). */
function lineEndsIn(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i += 1) {
    const char = text.charCodeAt(i);
    if (char === 10) count += 1;
    else if (char === 13 && text.charCodeAt(i + 1) !== 10) count += 1;
  }
  return count;
}
