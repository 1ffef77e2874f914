import type { TableBody } from '../../shared/platform/endpoint';
import { provinces } from '../../shared/platform/flanders';
import type { StemCount } from '../../shared/stem/indicators';
import {
  isSchoolYear,
  type StemCategory,
  type StemGender,
  type StemLevel,
  stemCategories,
  stemGenders,
  stemLevels,
  stemMomentsOfLevel,
  stemProgrammeTypesOfLevel,
} from '../../shared/stem/vocabulary';
import { type ImportProblem, ImportProblems } from '../platform/import/import-problems';
import { readTable } from '../platform/import/table-reader';

/** Where problems of the file as a whole are reported. */
export const STEM_FILE_FIELD = 'file';
export const STEM_REQUIRED_COLUMNS = ['school_year', 'level', 'moment', 'programme_type', 'province', 'stem_category', 'gender', 'count'] as const;
const OPTIONAL_COLUMNS = ['domain', 'school_number'] as const;
type Column = (typeof STEM_REQUIRED_COLUMNS)[number] | (typeof OPTIONAL_COLUMNS)[number];

/** 15 school years of school-level counts of one level fit; the endpoint's body limit is the same. */
export const STEM_MAX_FILE_BYTES = 100 * 1024 * 1024;

/** A count as read, with the school it is of ('' for none) and the line it came from. */
export interface StemCountLine extends StemCount {
  schoolNumber: string;
  line: number;
}

export interface StemCountsRead {
  lines: StemCountLine[];
  problems: ImportProblems;
}

/**
 * Reads the counts CSV (or .xlsx) of issue 13: one count a line, the columns named in the header in
 * any order and case. Every bad cell is a problem at its line and column (an unknown code names the
 * codes allowed; a moment or programme type of another level names its level's); a line with the same
 * key as an earlier one (year, level, moment, programme type, province, category, domain, gender,
 * school) is a problem too, so no count is silently doubled.
 */
export async function readStemCounts(body: TableBody): Promise<StemCountsRead> {
  const problems = new ImportProblems();
  const read = await readTable(body, { fileField: STEM_FILE_FIELD, maxBytes: STEM_MAX_FILE_BYTES, skipBlankRows: true });
  if (!read.ok) return { lines: [], problems: new ImportProblems(read.problems) };
  const header = read.table.header.map((cell) => cell.trim().toLowerCase());
  const missing = STEM_REQUIRED_COLUMNS.filter((column) => !header.includes(column));
  if (missing.length > 0) {
    problems.add({
      line: read.table.headerLine,
      field: STEM_FILE_FIELD,
      message: `The header lacks ${missing.join(', ')}; expected ${[...STEM_REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS].join(';')}`,
      code: 'column_missing',
      params: { column: missing.join(', ') },
    });
    return { lines: [], problems };
  }
  const at = new Map<Column, number>([...STEM_REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS].map((column) => [column, header.indexOf(column)]));
  const lines: StemCountLine[] = [];
  const firstLineOfKey = new Map<string, number>();
  for (const row of read.table.rows) {
    const cell = (column: Column) => {
      const index = at.get(column)!;
      return index < 0 ? '' : (row.cells[index] ?? '').trim();
    };
    const bad: BadCell = (field, message, issue) => problems.add({ line: row.line, field, message, ...issue });
    const parsed = parseStemCountCells(cell, bad);
    if (!parsed) continue;
    const key = stemCountKey(parsed);
    const earlier = firstLineOfKey.get(key);
    if (earlier !== undefined) {
      bad('count', `The same school year, level, moment, programme type, province, category, domain, gender and school as line ${earlier}`, {
        code: 'duplicate',
        params: { line: earlier },
      });
      continue;
    }
    firstLineOfKey.set(key, row.line);
    lines.push({ ...parsed, line: row.line });
  }
  if (lines.length === 0 && problems.count === 0) problems.add({ line: 1, field: STEM_FILE_FIELD, message: 'The file has no counts', code: 'no_rows' });
  return { lines, problems };
}

/** A bad cell of a count: its column, the English message, and its issue code for the reader's language. */
export type BadCell = (field: Column, message: string, issue?: Pick<ImportProblem, 'code' | 'params'>) => void;

/** What makes a count unique: all but the count itself. */
export function stemCountKey(count: Omit<StemCountLine, 'line' | 'count'>): string {
  return [count.year, count.level, count.moment, count.programmeType, count.province, count.category, count.domain ?? 0, count.gender, count.schoolNumber].join('\u0000');
}

/** One line's cells checked; every problem is reported through `bad`, and null returned when there was one. */
export function parseStemCountCells(cell: (column: Column) => string, bad: BadCell): Omit<StemCountLine, 'line'> | null {
  let ok = true;
  const fail: BadCell = (field, message, issue) => {
    ok = false;
    bad(field, message, issue);
  };
  const year = cell('school_year');
  if (!isSchoolYear(year))
    fail('school_year', `${quoted(year)} is not a school year; write it as 2018-2019`, { code: 'invalid_format', params: { value: year, format: 'school_year' } });
  const level = oneOf(cell('level').toLowerCase(), stemLevels, 'level', fail) as StemLevel | null;
  const moment = cell('moment').toLowerCase();
  const programmeType = cell('programme_type').toLowerCase();
  if (level) {
    const moments: readonly string[] = stemMomentsOfLevel[level];
    if (!moments.includes(moment))
      fail('moment', `${quoted(moment)} is not a moment of ${level}; expected ${moments.join(', ')}`, { code: 'invalid_enum', params: { value: moment, allowed: [...moments] } });
    const types: readonly string[] = stemProgrammeTypesOfLevel[level];
    if (!types.includes(programmeType))
      fail('programme_type', `${quoted(programmeType)} is not a programme type of ${level}; expected ${types.join(', ')}`, {
        code: 'invalid_enum',
        params: { value: programmeType, allowed: [...types] },
      });
  }
  const province = oneOf(provinceCode(cell('province')), provinces, 'province', fail);
  const category = oneOf(cell('stem_category').toLowerCase(), stemCategories, 'stem_category', fail) as StemCategory | null;
  const gender = oneOf(cell('gender').toLowerCase(), stemGenders, 'gender', fail) as StemGender | null;
  const count = wholeNumber(cell('count'));
  if (count === null) fail('count', `${quoted(cell('count'))} is not a whole number of pupils`, { code: 'not_an_integer', params: { value: cell('count') } });
  else if (count < 0) fail('count', `${count} is negative; a count is 0 or more`, { code: 'too_small', params: { kind: 'number', minimum: 0 } });
  const domainText = cell('domain');
  const domain = domainText === '' ? null : wholeNumber(domainText);
  if (domainText !== '' && (domain === null || domain < 1 || domain > 10))
    fail('domain', `${quoted(domainText)} is not a study domain; expected 1 to 10, or empty`, { code: 'invalid_enum', params: { value: domainText, allowed: ['1 … 10', ''] } });
  else if (domain !== null && level !== null && level !== 'secondary')
    fail('domain', 'Only secondary programmes have a study domain; leave it empty', { code: 'invalid', params: { value: domainText } });
  const schoolNumber = cell('school_number');
  if (schoolNumber.length > 20) fail('school_number', 'A school number has at most 20 characters', { code: 'too_big', params: { kind: 'string', maximum: 20 } });
  if (!ok) return null;
  return {
    year,
    level: level!,
    moment: moment as StemCountLine['moment'],
    programmeType,
    province: province!,
    category: category!,
    domain,
    gender: gender!,
    count: count!,
    schoolNumber,
  };
}

function oneOf<T extends string>(value: string, allowed: readonly T[], field: Column, fail: BadCell): T | null {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  fail(field, `${quoted(value)} is not a known ${field.replace('_', ' ')}; expected ${allowed.join(', ')}`, { code: 'invalid_enum', params: { value, allowed: [...allowed] } });
  return null;
}

/** `Oost-Vlaanderen`, `oost vlaanderen` and `Provincie Oost-Vlaanderen` (as the education API writes it) to `oost-vlaanderen`. */
export function provinceCode(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/^provincie\s+/, '')
    .replace(/\s+/g, '-');
}

/** A whole number as typed, thousands dots allowed (1.234); null for anything else. Negative numbers are read, to be named as such. */
function wholeNumber(text: string): number | null {
  const plain = text.replace(/\.(?=\d{3}(\D|$))/g, '');
  return /^-?\d+$/.test(plain) ? Number(plain) : null;
}

const quoted = (text: string) => (text === '' ? 'An empty cell' : `“${text}”`);
