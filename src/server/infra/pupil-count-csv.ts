import { pupilCountInputSchema } from '../../shared/infra/funding-api';
import type { TableBody } from '../../shared/platform/endpoint';
import { issueOfZod } from '../../shared/zod-issues';
import type { ImportProblem } from '../platform/import/import-problems';
import { readTable } from '../platform/import/table-reader';
import type { PupilCountInput } from './pupil-count.repository';

/** Where problems of the file as a whole are reported. */
export const COUNTS_FILE_FIELD = 'bestand';
const COLUMNS = ['groep', 'teldag', 'leerlingen'] as const;

/**
 * Reads a pupil-count table: `groep;teldag;leerlingen`, one count a line (the group's code as the
 * API names it, the counting day ISO or DD/MM/YYYY, a whole number). Every bad line and column is
 * a problem; a group and day named twice too, on its second line.
 */
export async function readPupilCountTable(body: TableBody): Promise<{ counts: PupilCountInput[]; problems: ImportProblem[] }> {
  const read = await readTable(body, { fileField: COUNTS_FILE_FIELD, maxBytes: 1024 * 1024, skipBlankRows: true });
  if (!read.ok) return { counts: [], problems: read.problems };
  const header = read.table.header.map((cell) => cell.trim().toLowerCase());
  const missing = COLUMNS.filter((column) => !header.includes(column));
  if (missing.length > 0)
    return {
      counts: [],
      problems: [
        {
          line: read.table.headerLine,
          field: COUNTS_FILE_FIELD,
          message: `The header lacks ${missing.join(', ')}; expected ${COLUMNS.join(';')}`,
          code: 'column_missing',
          params: { column: missing.join(', ') },
        },
      ],
    };
  const at = Object.fromEntries(COLUMNS.map((column) => [column, header.indexOf(column)])) as Record<(typeof COLUMNS)[number], number>;
  const counts: PupilCountInput[] = [];
  const problems: ImportProblem[] = [];
  const seen = new Set<string>();
  for (const row of read.table.rows) {
    const cell = (column: (typeof COLUMNS)[number]) => (row.cells[at[column]] ?? '').trim();
    const parsed = pupilCountInputSchema.safeParse({ group: cell('groep'), countingDay: isoDay(cell('teldag')), pupils: wholeNumber(cell('leerlingen')) });
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        problems.push({ line: row.line, field: COLUMNS[['group', 'countingDay', 'pupils'].indexOf(String(issue.path[0]))], message: issue.message, ...issueOfZod(issue) });
      continue;
    }
    const key = `${parsed.data.group} ${parsed.data.countingDay}`;
    if (seen.has(key))
      problems.push({
        line: row.line,
        field: 'groep',
        message: `${parsed.data.group} on ${parsed.data.countingDay} is named on an earlier line`,
        code: 'duplicate',
        params: { value: `${parsed.data.group} ${parsed.data.countingDay}` },
      });
    seen.add(key);
    counts.push(parsed.data);
  }
  if (counts.length === 0 && problems.length === 0) problems.push({ line: 1, field: COUNTS_FILE_FIELD, message: 'The file has no counts', code: 'no_rows' });
  return { counts, problems };
}

/** DD/MM/YYYY as spreadsheets in Flanders write it, to ISO; anything else is left for the contract to judge. */
function isoDay(text: string): string {
  const match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  return match ? `${match[3]}-${match[2].padStart(2, '0')}-${match[1].padStart(2, '0')}` : text;
}

/** A whole number as typed, with thousands dots allowed (1.234); anything else stays text and fails the contract. */
function wholeNumber(text: string): number | string {
  const plain = text.replace(/\.(?=\d{3}(\D|$))/g, '');
  return /^\d+$/.test(plain) ? Number(plain) : text;
}
