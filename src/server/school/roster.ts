import { readCsvCell } from '../../shared/csv';
import { emailSchema } from '../../shared/platform/api';
import type { ImportProblem } from '../platform/import/import-problems';
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
const nameColumns = ['naam', 'name'];
const emailColumns = ['e-mail', 'email', 'e-mailadres', 'emailadres'];

/** A roster is a team, not a directory: more lines than this is a mistake. */
export const MAX_ROSTER_LINES = 2000;

/**
 * Reads a team roster: `naam;e-mail` (or `name;email`) with a header, as CSV (semicolons, or
 * commas when the header has none; UTF-8 with or without BOM) or as an .xlsx workbook.
 * Every problem of every line is reported, so one upload shows all there is to fix: a missing name, a bad address, an address twice.
 */
export function readRoster(input: string | Uint8Array): { entries: RosterEntry[]; problems: RosterProblem[] } {
  const read = readTable(input, { fileField: 'file', skipBlankRows: true });
  if (!read.ok) return { entries: [], problems: [read.problem] };
  const { rows } = read.table;
  const header = read.table.header.map((cell) => cell.trim().toLowerCase());
  const nameIndex = header.findIndex((cell) => nameColumns.includes(cell));
  const emailIndex = header.findIndex((cell) => emailColumns.includes(cell));
  const headerProblems: RosterProblem[] = [];
  if (nameIndex < 0) headerProblems.push({ line: 1, field: 'naam', message: 'The header needs a column naam (or name)' });
  if (emailIndex < 0) headerProblems.push({ line: 1, field: 'e-mail', message: 'The header needs a column e-mail (or email)' });
  if (headerProblems.length > 0) return { entries: [], problems: headerProblems };
  if (rows.length === 0) return { entries: [], problems: [{ line: 2, field: 'file', message: 'The file holds no one below its header' }] };
  if (rows.length > MAX_ROSTER_LINES) {
    return { entries: [], problems: [{ line: MAX_ROSTER_LINES + 2, field: 'file', message: `A roster holds at most ${MAX_ROSTER_LINES} people` }] };
  }

  const nameField = header[nameIndex];
  const emailField = header[emailIndex];
  const problems: RosterProblem[] = [];
  const entries: RosterEntry[] = [];
  const firstLineOf = new Map<string, number>();
  for (const { line, cells } of rows) {
    const name = readCsvCell((cells[nameIndex] ?? '').trim());
    const rawEmail = (cells[emailIndex] ?? '').trim();
    let ok = true;
    if (name === '') {
      problems.push({ line, field: nameField, column: nameIndex + 1, message: 'The name is missing' });
      ok = false;
    } else if (name.length > 120) {
      problems.push({ line, field: nameField, column: nameIndex + 1, message: 'The name is longer than 120 characters' });
      ok = false;
    }
    const email = emailSchema.safeParse(rawEmail);
    if (!email.success) {
      problems.push({ line, field: emailField, column: emailIndex + 1, message: rawEmail === '' ? 'The e-mail address is missing' : `${rawEmail} is not an e-mail address` });
      continue;
    }
    const first = firstLineOf.get(email.data);
    if (first !== undefined) {
      problems.push({ line, field: emailField, column: emailIndex + 1, message: `${email.data} is on line ${first} already` });
      continue;
    }
    firstLineOf.set(email.data, line);
    if (ok) entries.push({ line, name, email: email.data });
  }
  return { entries, problems };
}
