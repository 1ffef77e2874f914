/**
 * CSV as Belgian spreadsheets read it: semicolon separator, CRLF line ends, and a UTF-8 BOM
 * so Excel opens accents correctly. A text cell that a spreadsheet would run as a formula
 * (starting with =, +, -, @, a tab or a carriage return) is written with a leading apostrophe,
 * which spreadsheets show as text; `readCsvCell` takes it off again on import, so an export
 * still imports back unchanged. Numbers, also as Belgian text ("-2,5", "12%"), stay as they are.
 */
export function toCsv(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number | null>>): string {
  const lines = [header, ...rows].map((row) => row.map(csvCell).join(';'));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

const formulaStart = /^[=+\-@\t\r]/;
const numberText = /^[+-]?\d+(?:[.,]\d+)?%?$/;
/** Formula-like after any apostrophes already there, so a text that starts with one reads back too. */
const needsGuard = (text: string) => formulaStart.test(text.replace(/^'*/, ''));

function csvCell(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && needsGuard(text) && !numberText.test(text)) text = `'${text}`;
  return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A cell as read from a CSV file, without the apostrophe `toCsv` put before a formula-like text. */
export function readCsvCell(cell: string): string {
  return cell.startsWith("'") && needsGuard(cell) ? cell.slice(1) : cell;
}
