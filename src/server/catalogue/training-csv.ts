import { type TrainingInput, trainingCsvColumns } from '../../shared/catalogue/api';
import { readCsvCell, toCsv } from '../../shared/csv';
import type { TableBody } from '../../shared/platform/endpoint';
import type { Province } from '../../shared/platform/flanders';
import type { ImportProblem } from '../platform/import/import-problems';
import { ITEMS_PER_TURN, nextTurn } from '../platform/import/next-turn';
import { readTable } from '../platform/import/table-reader';
import { normaliseSearchText } from '../platform/search/search-text';

/**
 * The training CSV as Belgian spreadsheets write it: semicolon separated (a comma-separated
 * file is recognised by its header), UTF-8 with or without BOM, Dutch headers and values,
 * decimals with a comma. The English codes of the API are accepted too. Reading turns each
 * line into a TrainingInput-shaped object and names every cell it cannot read; the schema
 * check that follows is the importer's, so CSV and JSON imports obey the very same rules
 * (it skips cells already reported here, so each bad cell is named once).
 */

export type CsvColumn = (typeof trainingCsvColumns)[number];
export type { ImportProblem };

const labels = {
  kind: { in_person: 'klassikaal', live_online: 'live online', self_paced: 'zelfstudie online', blended: 'blended', bootcamp: 'bootcamp', learning_resource: 'leermiddel' },
  educationLevel: { pre_primary: 'kleuter', primary: 'lager', secondary: 'secundair', adult: 'volwassenen', special_needs: 'buitengewoon' },
  audience: { teacher: 'leraar', ict_coordinator: 'ict-coördinator', principal: 'directie' },
  province: {
    antwerpen: 'Antwerpen',
    limburg: 'Limburg',
    'oost-vlaanderen': 'Oost-Vlaanderen',
    'vlaams-brabant': 'Vlaams-Brabant',
    'west-vlaanderen': 'West-Vlaanderen',
    brussel: 'Brussel',
  },
  status: { draft: 'concept', published: 'gepubliceerd', archived: 'gearchiveerd' },
  language: { nl: 'nl', en: 'en', fr: 'fr', de: 'de' },
} as const satisfies Record<string, Record<string, string>>;

/** Columns a file must have; the others may be left out and take their defaults. */
const requiredColumns: readonly CsvColumn[] = ['titel', 'samenvatting', 'vorm', 'onderwijsniveaus', 'doelgroep', 'competenties', 'duur_uren', 'prijs_euro', 'link'];

/** The CSV column of a TrainingInput field path, for error messages a spreadsheet user can act on. */
const columnOfField: Record<string, CsvColumn> = {
  title: 'titel',
  summary: 'samenvatting',
  description: 'beschrijving',
  kind: 'vorm',
  language: 'taal',
  educationLevels: 'onderwijsniveaus',
  audiences: 'doelgroep',
  levelSteps: 'competenties',
  durationHours: 'duur_uren',
  priceEuro: 'prijs_euro',
  payableFromIctBudget: 'ict_budget',
  location: 'adres',
  'location.address': 'adres',
  'location.postalCode': 'postcode',
  'location.city': 'gemeente',
  'location.province': 'provincie',
  accreditation: 'accreditatie',
  url: 'link',
  status: 'status',
};

export function csvColumnOf(path: ReadonlyArray<PropertyKey>): string {
  const [first, second] = path.map(String);
  return columnOfField[`${first}.${second}`] ?? columnOfField[first] ?? first ?? 'regel';
}

const key = (value: string) =>
  normaliseSearchText(value)
    .trim()
    .replace(/[\s_]+/g, ' ');

function lookup<T extends string>(table: Record<T, string>, value: string): T | undefined {
  const wanted = key(value);
  for (const [code, label] of Object.entries(table) as Array<[T, string]>) {
    if (key(code) === wanted || key(label) === wanted) return code;
  }
  // ict-coördinator is also written "ict coordinator" or "ICT-coordinator".
  const loose = wanted.replace(/-/g, ' ');
  return (Object.entries(table) as Array<[T, string]>).find(([code, label]) => key(code).replace(/-/g, ' ') === loose || key(label).replace(/-/g, ' ') === loose)?.[0];
}

const listOf = (cell: string) =>
  cell
    .split(/[,|]/)
    .map((v) => v.trim())
    .filter(Boolean);

/** "12,50", "1.234,50", "12.5", "€ 12,50" → 12.5; undefined when it is not a number. */
export function parseBelgianNumber(cell: string): number | undefined {
  let text = cell.replace(/€|eur|\s/gi, '');
  if (/^gratis$|^free$/i.test(cell.trim())) return 0;
  if (text.includes(',')) text = text.replace(/\./g, '').replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(text)) return undefined;
  return Number(text);
}

export function formatBelgianNumber(value: number, decimals: 'price' | 'plain'): string {
  const text = decimals === 'price' ? value.toFixed(2) : String(Math.round(value * 100) / 100);
  return text.replace('.', ',');
}

/** Reads a CSV file (or an .xlsx workbook) into one raw training per line, and every cell or line it could not read. */
export async function readTrainingCsv(input: TableBody): Promise<{ items: Array<{ line: number; raw: Record<string, unknown> }>; problems: ImportProblem[] }> {
  const problems: ImportProblem[] = [];
  const read = await readTable(input, { fileField: 'bestand' });
  if (!read.ok) return { items: [], problems: read.problems };
  const { rows, headerLine } = read.table;

  const header = read.table.header.map((name) => key(name).replace(/ /g, '_'));
  const index = new Map<string, number>(header.map((name, i) => [name, i]));
  for (const column of requiredColumns) {
    if (!index.has(column)) problems.push({ line: headerLine, field: column, message: `The column ${column} is missing from the header`, code: 'column_missing', params: { column } });
  }
  if (problems.length > 0) return { items: [], problems };
  if (rows.length === 0) return { items: [], problems: [{ line: 2, field: 'bestand', message: 'The file holds no trainings below its header', code: 'no_rows' }] };

  const items: Array<{ line: number; raw: Record<string, unknown> }> = [];
  for (const [n, { line, cells }] of rows.entries()) {
    if (n > 0 && n % ITEMS_PER_TURN === 0) await nextTurn();
    const cell = (column: CsvColumn) => {
      const i = index.get(column);
      return i === undefined ? '' : readCsvCell((cells[i] ?? '').trim());
    };
    const problem: CellProblem = (field, message, issue) => {
      const i = index.get(field);
      problems.push(i === undefined ? { line, field, message, ...issue } : { line, field, column: i + 1, message, ...issue });
    };
    items.push({ line, raw: rawTraining(cell, problem) });
  }
  return { items, problems };
}

type CellProblem = (field: CsvColumn, message: string, issue: Required<Pick<ImportProblem, 'code' | 'params'>>) => void;

function rawTraining(cell: (column: CsvColumn) => string, problem: CellProblem): Record<string, unknown> {
  const notOneOf = (column: CsvColumn, value: string, table: Record<string, string>) => {
    const allowed = Object.values(table);
    problem(column, `"${value}" is not one of: ${allowed.join(', ')}`, { code: 'invalid_enum', params: { value, allowed } });
  };
  const code = <T extends string>(column: CsvColumn, table: Record<T, string>): T | undefined => {
    const value = cell(column);
    if (value === '') return undefined;
    const found = lookup(table, value);
    if (!found) notOneOf(column, value, table);
    return found;
  };
  const codes = <T extends string>(column: CsvColumn, table: Record<T, string>): T[] => {
    const found: T[] = [];
    for (const value of listOf(cell(column))) {
      const match = lookup(table, value);
      if (match) found.push(match);
      else notOneOf(column, value, table);
    }
    return found;
  };
  const number = (column: CsvColumn): number | undefined => {
    const value = cell(column);
    if (value === '') return undefined;
    const parsed = parseBelgianNumber(value);
    if (parsed === undefined) problem(column, `"${value}" is not a number (write e.g. 12,50)`, { code: 'not_a_number', params: { value } });
    return parsed;
  };

  const steps = listOf(cell('competenties')).flatMap((value) => {
    const match = /^(\d\.\d)\s*[: ]\s*([abc][12])\s*(?:>|->|→|-|–|tot)\s*([abc][12])$/i.exec(value);
    if (!match) {
      problem('competenties', `"${value}" is not a level step such as 3.1 A2>B1`, { code: 'not_a_level_step', params: { value } });
      return [];
    }
    return [{ competence: match[1], from: match[2].toUpperCase(), to: match[3].toUpperCase() }];
  });

  const budget = cell('ict_budget');
  let payableFromIctBudget: boolean | undefined;
  if (/^(ja|yes|true|1|j|y)$/i.test(budget)) payableFromIctBudget = true;
  else if (/^(nee|no|false|0|n|)$/i.test(budget)) payableFromIctBudget = false;
  else problem('ict_budget', `"${budget}" is not ja or nee`, { code: 'not_yes_no', params: { value: budget } });

  const place = { address: cell('adres'), postalCode: cell('postcode'), city: cell('gemeente'), province: cell('provincie') };
  const online = Object.values(place).every((v) => v === '');
  const province = online ? undefined : code('provincie', labels.province);

  const accreditation = cell('accreditatie');
  const description = cell('beschrijving');
  return {
    title: cell('titel'),
    summary: cell('samenvatting'),
    ...(description === '' ? {} : { description }),
    kind: code('vorm', labels.kind),
    language: code('taal', labels.language),
    educationLevels: codes('onderwijsniveaus', labels.educationLevel),
    audiences: codes('doelgroep', labels.audience),
    levelSteps: steps,
    durationHours: number('duur_uren'),
    priceEuro: number('prijs_euro'),
    payableFromIctBudget,
    location: online ? null : { address: place.address, postalCode: place.postalCode, city: place.city, province },
    accreditation: accreditation === '' ? null : accreditation,
    url: cell('link'),
    status: code('status', labels.status),
  };
}

/** The trainings as a CSV file the importer reads back unchanged. */
export function writeTrainingCsv(trainings: readonly TrainingInput[]): string {
  return toCsv(
    trainingCsvColumns,
    trainings.map((t) => [
      t.title,
      t.summary,
      t.description,
      labels.kind[t.kind],
      t.language,
      t.educationLevels.map((l) => labels.educationLevel[l as keyof typeof labels.educationLevel] ?? l).join(', '),
      t.audiences.map((a) => labels.audience[a]).join(', '),
      t.levelSteps.map((s) => `${s.competence} ${s.from}>${s.to}`).join(', '),
      formatBelgianNumber(t.durationHours, 'plain'),
      formatBelgianNumber(t.priceEuro, 'price'),
      t.payableFromIctBudget ? 'ja' : 'nee',
      t.location?.address ?? '',
      t.location?.postalCode ?? '',
      t.location?.city ?? '',
      t.location ? labels.province[t.location.province as Province] : '',
      t.accreditation ?? '',
      t.url,
      labels.status[t.status],
    ]),
  );
}
