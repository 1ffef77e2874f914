import { parse } from 'csv-parse/sync';
import { readCsvCell } from '../../shared/csv';
import { emailSchema } from '../../shared/platform/api';

/** One teacher of a roster file, with the line it came from. */
export interface RosterEntry {
  line: number;
  name: string;
  email: string;
}

export interface RosterProblem {
  line: number;
  /** The column as the file's header names it (`naam`, `e-mail`, or `name`, `email`), or `file`. */
  field: string;
  message: string;
}

/** The header names read for each column, Dutch first. */
const nameColumns = ['naam', 'name'];
const emailColumns = ['e-mail', 'email', 'e-mailadres', 'emailadres'];

/** A roster is a team, not a directory: more lines than this is a mistake. */
export const MAX_ROSTER_LINES = 2000;

/**
 * Reads a team roster: `naam;e-mail` (or `name;email`) with a header, semicolons (commas when
 * the header has none), UTF-8 with or without BOM. Every problem of every line is reported, so
 * one upload shows all there is to fix: a missing name, a bad address, an address twice.
 */
export function readRoster(text: string): { entries: RosterEntry[]; problems: RosterProblem[] } {
  const body = text.replace(/^\uFEFF/, '');
  const headerLine = body.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = headerLine.includes(';') || !headerLine.includes(',') ? ';' : ',';
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parse(body, { delimiter, info: true, relax_column_count: true, skip_empty_lines: true, skip_records_with_empty_values: true }) as unknown as typeof records;
  } catch (error) {
    return { entries: [], problems: [{ line: (error as { lines?: number }).lines ?? 1, field: 'file', message: `The file is not readable CSV: ${(error as Error).message}` }] };
  }
  if (records.length === 0) return { entries: [], problems: [{ line: 1, field: 'file', message: 'The file is empty' }] };

  const header = records[0].record.map((cell) => cell.trim().toLowerCase());
  const nameIndex = header.findIndex((cell) => nameColumns.includes(cell));
  const emailIndex = header.findIndex((cell) => emailColumns.includes(cell));
  const headerProblems: RosterProblem[] = [];
  if (nameIndex < 0) headerProblems.push({ line: 1, field: 'naam', message: 'The header needs a column naam (or name)' });
  if (emailIndex < 0) headerProblems.push({ line: 1, field: 'e-mail', message: 'The header needs a column e-mail (or email)' });
  if (headerProblems.length > 0) return { entries: [], problems: headerProblems };
  if (records.length === 1) return { entries: [], problems: [{ line: 2, field: 'file', message: 'The file holds no one below its header' }] };
  if (records.length - 1 > MAX_ROSTER_LINES) {
    return { entries: [], problems: [{ line: MAX_ROSTER_LINES + 2, field: 'file', message: `A roster holds at most ${MAX_ROSTER_LINES} people` }] };
  }

  const nameField = header[nameIndex];
  const emailField = header[emailIndex];
  const problems: RosterProblem[] = [];
  const entries: RosterEntry[] = [];
  const firstLineOf = new Map<string, number>();
  for (const { record, info } of records.slice(1)) {
    const line = info.lines;
    const name = readCsvCell((record[nameIndex] ?? '').trim());
    const rawEmail = (record[emailIndex] ?? '').trim();
    let ok = true;
    if (name === '') {
      problems.push({ line, field: nameField, message: 'The name is missing' });
      ok = false;
    } else if (name.length > 120) {
      problems.push({ line, field: nameField, message: 'The name is longer than 120 characters' });
      ok = false;
    }
    const email = emailSchema.safeParse(rawEmail);
    if (!email.success) {
      problems.push({ line, field: emailField, message: rawEmail === '' ? 'The e-mail address is missing' : `${rawEmail} is not an e-mail address` });
      continue;
    }
    const first = firstLineOf.get(email.data);
    if (first !== undefined) {
      problems.push({ line, field: emailField, message: `${email.data} is on line ${first} already` });
      continue;
    }
    firstLineOf.set(email.data, line);
    if (ok) entries.push({ line, name, email: email.data });
  }
  return { entries, problems };
}
