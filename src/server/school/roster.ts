import { readCsvCell } from '../../shared/csv';
import { emailSchema } from '../../shared/platform/api';
import type { TableBody } from '../../shared/platform/endpoint';
import type { ImportProblem } from '../platform/import/import-problems';
import { cellOf, cellProblem, findColumns } from '../platform/import/table-columns';
import { readTable } from '../platform/import/table-reader';

/** One teacher of a roster file, with the line it came from. */
export interface RosterEntry {
  line: number;
  name: string;
  email: string;
}

/** `field` is the column as the file's header names it (`naam`, `e-mail`, or `name`, `email`), or `file`. */
export type RosterProblem = ImportProblem;

/** The header names read for each column, Dutch first. */
const rosterColumns = {
  name: { names: ['naam', 'name'], missing: 'The header needs a column naam (or name)' },
  email: { names: ['e-mail', 'email', 'e-mailadres', 'emailadres'], missing: 'The header needs a column e-mail (or email)' },
};

/** A roster is a team, not a directory: more lines than this is a mistake. */
export const MAX_ROSTER_LINES = 2000;

/**
 * Reads a team roster: `naam;e-mail` (or `name;email`) with a header, as CSV (semicolons, or
 * commas when the header has none; UTF-8 with or without BOM) or as an .xlsx workbook.
 * Every problem of every line is reported, so one upload shows all there is to fix: a missing
 * name, a bad address, an address twice.
 */
export async function readRoster(input: TableBody): Promise<{ entries: RosterEntry[]; problems: RosterProblem[] }> {
  const read = await readTable(input, { fileField: 'file', skipBlankRows: true });
  if (!read.ok) return { entries: [], problems: read.problems };
  const { rows } = read.table;
  const { columns, problems: headerProblems } = findColumns(read.table, rosterColumns);
  if (headerProblems.length > 0 || !columns.name || !columns.email) return { entries: [], problems: headerProblems };
  if (rows.length === 0) return { entries: [], problems: [{ line: 2, field: 'file', message: 'The file holds no one below its header', code: 'no_rows' }] };
  if (rows.length > MAX_ROSTER_LINES) {
    return {
      entries: [],
      problems: [
        { line: MAX_ROSTER_LINES + 2, field: 'file', message: `A roster holds at most ${MAX_ROSTER_LINES} people`, code: 'too_many_rows', params: { maximum: MAX_ROSTER_LINES } },
      ],
    };
  }

  const { name: nameColumn, email: emailColumn } = columns;
  const problems: RosterProblem[] = [];
  const entries: RosterEntry[] = [];
  const firstLineOf = new Map<string, number>();
  for (const row of rows) {
    const { line } = row;
    const name = readCsvCell(cellOf(row, nameColumn));
    const rawEmail = cellOf(row, emailColumn);
    let ok = true;
    if (name === '') {
      problems.push(cellProblem(row, nameColumn, 'The name is missing', { code: 'required' }));
      ok = false;
    } else if (name.length > 120) {
      problems.push(cellProblem(row, nameColumn, 'The name is longer than 120 characters', { code: 'too_big', params: { kind: 'string', maximum: 120 } }));
      ok = false;
    }
    const email = emailSchema.safeParse(rawEmail);
    if (!email.success) {
      const issue = rawEmail === '' ? { code: 'required' as const } : { code: 'invalid_email' as const, params: { value: rawEmail } };
      problems.push(cellProblem(row, emailColumn, rawEmail === '' ? 'The e-mail address is missing' : `${rawEmail} is not an e-mail address`, issue));
      continue;
    }
    const first = firstLineOf.get(email.data);
    if (first !== undefined) {
      problems.push(cellProblem(row, emailColumn, `${email.data} is on line ${first} already`, { code: 'duplicate', params: { value: email.data, line: first } }));
      continue;
    }
    firstLineOf.set(email.data, line);
    if (ok) entries.push({ line, name, email: email.data });
  }
  return { entries, problems };
}
