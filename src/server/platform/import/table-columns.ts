import type { ImportProblem } from './import-problems';
import type { Table, TableRow } from './table-reader';

/**
 * Finds an import's columns in a table's header by name, in any order, with other columns
 * left alone: the first header cell that matches one of a column's names (after `normalise`,
 * by default trimmed and lower case) is that column. A required column that is missing is a
 * problem on the header line, named by the column's first name.
 */

export interface ColumnSpec {
  /** The names a header may use, the one problems are reported under first (Dutch first). */
  names: readonly string[];
  /** The problem message when the header lacks the column; optional columns have none. */
  missing?: string;
}

export interface FoundColumn {
  /** Zero-based position in the row. */
  index: number;
  /** The header as the file writes it after `normalise`: what problems name the column by. */
  header: string;
}

const byDefault = (cell: string) => cell.trim().toLowerCase();

export function findColumns<K extends string>(
  table: Pick<Table, 'header' | 'headerLine'>,
  specs: Record<K, ColumnSpec>,
  normalise: (cell: string) => string = byDefault,
): { columns: Partial<Record<K, FoundColumn>>; problems: ImportProblem[] } {
  const header = table.header.map(normalise);
  const columns: Partial<Record<K, FoundColumn>> = {};
  const problems: ImportProblem[] = [];
  for (const [key, spec] of Object.entries(specs) as Array<[K, ColumnSpec]>) {
    const index = header.findIndex((cell) => spec.names.includes(cell));
    if (index >= 0) columns[key] = { index, header: header[index] };
    else if (spec.missing !== undefined)
      problems.push({ line: table.headerLine, field: spec.names[0], message: spec.missing, code: 'column_missing', params: { column: spec.names[0] } });
  }
  return { columns, problems };
}

/** The cell of `column` in `row`, trimmed; '' when the column is absent or the row is short. */
export function cellOf(row: TableRow, column: FoundColumn | undefined): string {
  return column === undefined ? '' : (row.cells[column.index] ?? '').trim();
}

/** A problem in `row`'s cell of `column`, named as the header names it, with its position. */
export function cellProblem(row: TableRow, column: FoundColumn, message: string, issue: Pick<ImportProblem, 'code' | 'params'> = {}): ImportProblem {
  return { line: row.line, field: column.header, column: column.index + 1, message, ...issue };
}
