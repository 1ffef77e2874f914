import { readCsvCell, toCsv } from '../../shared/csv';
import { type DeviceDto, type DeviceInput, type deviceImportFormats, deviceInputSchema } from '../../shared/infra/api';
import { type DeviceType, deviceTypes } from '../../shared/infra/device-types';
import { type InitialDeviceState, initialDeviceStates } from '../../shared/infra/lifecycle';
import type { TableBody } from '../../shared/platform/endpoint';
import { issueOfZod } from '../../shared/zod-issues';
import type { XlsxSheet } from '../platform/export/xlsx';
import type { ImportProblem } from '../platform/import/import-problems';
import { type ColumnSpec, cellOf, cellProblem, type FoundColumn, findColumns } from '../platform/import/table-columns';
import { readTable, type TableRow } from '../platform/import/table-reader';

/**
 * Devices as tables: our own columns (Dutch headers, the export's) and Snipe-IT's asset import
 * columns, so a school moves over from Snipe-IT in one step. Reading gives each line's device
 * input, checked by the same contract as the API, or the problems of its cells by column.
 */

export type DeviceImportFormat = (typeof deviceImportFormats)[number];
export const FILE_FIELD = 'bestand';

/** One line of an import, as a device to add. */
export interface DeviceLine {
  line: number;
  device: DeviceInput;
  state: InitialDeviceState;
}

export type DeviceTableRead = { format: DeviceImportFormat; lines: DeviceLine[]; problems: ImportProblem[] };

type Key =
  | 'assetTag'
  | 'serial'
  | 'manufacturer'
  | 'modelName'
  | 'modelNumber'
  | 'type'
  | 'expectedLifeMonths'
  | 'purchaseDate'
  | 'price'
  | 'supplier'
  | 'orderNumber'
  | 'fundingSource'
  | 'acquisition'
  | 'leaseEndsOn'
  | 'warrantyMonths'
  | 'campus'
  | 'room'
  | 'state'
  | 'notes';

/** Our own columns, in the export's order. */
export const ownColumns: ReadonlyArray<{ key: Key; header: string }> = [
  { key: 'assetTag', header: 'inventarisnummer' },
  { key: 'serial', header: 'serienummer' },
  { key: 'manufacturer', header: 'fabrikant' },
  { key: 'modelName', header: 'model' },
  { key: 'type', header: 'type' },
  { key: 'expectedLifeMonths', header: 'levensduur_maanden' },
  { key: 'purchaseDate', header: 'aankoopdatum' },
  { key: 'price', header: 'prijs_euro' },
  { key: 'supplier', header: 'leverancier' },
  { key: 'orderNumber', header: 'bestelnummer' },
  { key: 'fundingSource', header: 'financiering' },
  { key: 'acquisition', header: 'verwerving' },
  { key: 'leaseEndsOn', header: 'einde_contract' },
  { key: 'warrantyMonths', header: 'garantie_maanden' },
  { key: 'campus', header: 'campus' },
  { key: 'room', header: 'lokaal' },
  { key: 'state', header: 'status' },
  { key: 'notes', header: 'notities' },
];

const required = (what: string) => `The header has no ${what} column`;
const ownSpecs = Object.fromEntries(
  ownColumns.map(({ key, header }) => [key, { names: [header], ...(['assetTag', 'manufacturer', 'modelName', 'type'].includes(key) ? { missing: required(header) } : {}) }]),
) as unknown as Record<Key, ColumnSpec>;

/** Snipe-IT's own columns beyond ours: whom or where a checked-out asset went. */
type SnipeKey = Key | 'fullName' | 'firstName' | 'lastName' | 'email' | 'username' | 'checkoutLocation';

/**
 * Snipe-IT's asset import columns, under the names its importer and its sample files use (the
 * older `MOCK_ASSETS.csv` and the newer `assets-sample.csv`). Read but not kept: Company (the
 * school is ours), Name or Item Name (the asset's own name), Model Notes, Checkout Type (the
 * checkout's own columns say whom or where), Image, Requestable, BYOD, EOL and audit dates; any
 * other column is left alone.
 */
const snipeSpecs: Partial<Record<SnipeKey, ColumnSpec>> = {
  assetTag: { names: ['asset tag', 'asset_tag'], missing: required('Asset Tag') },
  serial: { names: ['serial number', 'serial', 'serial no.', 'serial no'] },
  manufacturer: { names: ['manufacturer'], missing: required('Manufacturer') },
  modelName: { names: ['model', 'model name'] },
  modelNumber: { names: ['model number', 'model no.', 'model no'] },
  type: { names: ['category'] },
  purchaseDate: { names: ['purchase date'] },
  price: { names: ['purchase cost'] },
  supplier: { names: ['supplier'] },
  orderNumber: { names: ['order number', 'order no.', 'order #'] },
  campus: { names: ['location'] },
  state: { names: ['status'] },
  warrantyMonths: { names: ['warranty months', 'warranty'] },
  notes: { names: ['notes', 'asset notes'] },
  fullName: { names: ['full name', 'checked out to: full name'] },
  firstName: { names: ['checked out to: first name', 'first name'] },
  lastName: { names: ['checked out to: last name', 'last name'] },
  email: { names: ['email', 'checked out to: email'] },
  username: { names: ['username', 'checked out to: username'] },
  checkoutLocation: { names: ['checked out to: location', 'checkout location'] },
};

/** Which format a header is: ours names `inventarisnummer`, Snipe-IT's `Asset Tag`. */
export function detectFormat(header: readonly string[]): DeviceImportFormat | null {
  const cells = header.map((cell) => cell.trim().toLowerCase());
  if (cells.includes('inventarisnummer')) return 'digisprong';
  if (cells.includes('asset tag') || cells.includes('asset_tag')) return 'snipe-it';
  return null;
}

export async function readDeviceTable(body: TableBody, format: DeviceImportFormat | undefined): Promise<DeviceTableRead> {
  const read = await readTable(body, { fileField: FILE_FIELD, skipBlankRows: true });
  if (!read.ok) return { format: format ?? 'digisprong', lines: [], problems: read.problems };
  const table = read.table;
  const chosen = format ?? detectFormat(table.header);
  if (chosen === null) {
    return {
      format: 'digisprong',
      lines: [],
      problems: [{ line: table.headerLine, field: FILE_FIELD, message: 'The header is neither ours (inventarisnummer, …) nor Snipe-IT’s (Asset Tag, …)', code: 'header_unknown' }],
    };
  }
  const specs = chosen === 'digisprong' ? ownSpecs : (snipeSpecs as Record<SnipeKey, ColumnSpec>);
  const found = findColumns(table, specs);
  if (found.problems.length > 0) return { format: chosen, lines: [], problems: found.problems };
  const lines: DeviceLine[] = [];
  const problems: ImportProblem[] = [];
  const seenTags = new Map<string, number>();
  for (const row of table.rows) {
    const parsed = chosen === 'digisprong' ? ownLine(row, found.columns) : snipeLine(row, found.columns);
    const rowProblems = parsed.problems;
    const tagColumn = found.columns.assetTag!;
    if (parsed.line) {
      const tag = parsed.line.device.assetTag;
      const first = seenTags.get(tag);
      if (first !== undefined) rowProblems.push(cellProblem(row, tagColumn, `The asset tag ${tag} is on line ${first} too`));
      else seenTags.set(tag, row.line);
    }
    if (rowProblems.length > 0) problems.push(...rowProblems);
    else if (parsed.line) lines.push(parsed.line);
  }
  return { format: chosen, lines, problems };
}

type Columns = Partial<Record<SnipeKey, FoundColumn>>;
type Parsed = { line: DeviceLine | null; problems: ImportProblem[] };
type Issue = Pick<ImportProblem, 'code' | 'params'>;

const oneOf = (allowed: readonly string[]): Issue => ({ code: 'invalid_enum', params: { allowed: [...allowed] } });
const notAnInteger: Issue = { code: 'not_an_integer' };
const notADate: Issue = { code: 'invalid_date' };
const notANumber: Issue = { code: 'not_a_number' };
/** The statuses a Snipe-IT export writes, as its users read them. */
const snipeStatuses = ['Ready to Deploy', 'Deployed', 'Pending', 'Out for Repair', 'Broken', 'Lost/Stolen', 'Archived'];

/** A cell without the apostrophe our export puts before formula-like text. */
const textOf = (row: TableRow, column: FoundColumn | undefined) => readCsvCell(cellOf(row, column));

function ownLine(row: TableRow, columns: Columns): Parsed {
  const problems: ImportProblem[] = [];
  const bad = (key: Key, message: string, issue: Issue) => problems.push(cellProblem(row, columns[key]!, message, issue));
  const text = (key: Key) => textOf(row, columns[key]);
  const type = text('type').toLowerCase();
  if (!(deviceTypes as readonly string[]).includes(type)) bad('type', `must be one of ${deviceTypes.join(', ')}`, oneOf(deviceTypes));
  const raw = {
    assetTag: text('assetTag'),
    serial: text('serial'),
    manufacturer: text('manufacturer'),
    modelName: text('modelName'),
    type,
    expectedLifeMonths: integerOf(text('expectedLifeMonths'), () => bad('expectedLifeMonths', 'must be a whole number of months', notAnInteger)),
    purchaseDate: dayOf(text('purchaseDate'), 'day-first', () => bad('purchaseDate', 'must be a date as YYYY-MM-DD or DD/MM/YYYY', notADate)),
    priceCents: centsOf(text('price'), () => bad('price', 'must be an amount in euro, such as 649,00', notANumber)),
    supplier: text('supplier'),
    orderNumber: text('orderNumber'),
    fundingSource: text('fundingSource').toLowerCase() || null,
    acquisition: text('acquisition').toLowerCase() || 'bought',
    leaseEndsOn: dayOf(text('leaseEndsOn'), 'day-first', () => bad('leaseEndsOn', 'must be a date as YYYY-MM-DD or DD/MM/YYYY', notADate)),
    warrantyMonths: integerOf(text('warrantyMonths'), () => bad('warrantyMonths', 'must be a whole number of months', notAnInteger)),
    campus: text('campus'),
    room: text('room'),
    notes: text('notes'),
  };
  const state = text('state').toLowerCase() || 'in_stock';
  if (!(initialDeviceStates as readonly string[]).includes(state)) {
    bad('state', `must be one of ${initialDeviceStates.join(', ')}; a device that left the school or was wiped is not imported`, oneOf(initialDeviceStates));
  }
  return finish(row, columns, raw, state as InitialDeviceState, problems);
}

function snipeLine(row: TableRow, columns: Columns): Parsed {
  const problems: ImportProblem[] = [];
  const bad = (key: SnipeKey, message: string, issue: Issue) => problems.push(cellProblem(row, columns[key]!, message, issue));
  const text = (key: SnipeKey) => textOf(row, columns[key]);
  const model = text('modelName') || text('modelNumber');
  if (!model)
    problems.push({
      line: row.line,
      field: (columns.modelName ?? columns.modelNumber)?.header ?? 'model',
      message: 'A device needs its model (Model or Model Number)',
      code: 'required',
    });
  const status = snipeState(text('state'));
  if (status === null) bad('state', 'must be a Snipe-IT status such as Ready to Deploy, Deployed, Pending, Out for Repair, Broken, Lost/Stolen or Archived', oneOf(snipeStatuses));
  const borrower = checkedOutTo(text);
  const checkedOutAt = text('checkoutLocation');
  const raw = {
    assetTag: text('assetTag'),
    serial: text('serial'),
    manufacturer: text('manufacturer'),
    modelName: model,
    type: typeOfCategory(text('type')),
    purchaseDate: dayOf(text('purchaseDate'), 'month-first', () => bad('purchaseDate', 'must be a date as YYYY-MM-DD, MM/DD/YYYY or MM/DD/YY', notADate)),
    priceCents: centsOf(text('price'), () => bad('price', 'must be an amount, such as 649.00', notANumber)),
    supplier: text('supplier'),
    orderNumber: text('orderNumber'),
    acquisition: 'bought',
    warrantyMonths: integerOf(text('warrantyMonths'), () => bad('warrantyMonths', 'must be a whole number of months', notAnInteger)),
    campus: text('campus'),
    room: checkedOutAt,
    notes: [text('notes'), borrower === null ? '' : `Snipe-IT: checked out to ${borrower}`].filter((part) => part !== '').join('\n'),
  };
  // A deployable asset checked out to someone or somewhere is one Snipe-IT shows as deployed.
  const state = status === 'in_stock' && (borrower !== null || checkedOutAt !== '') ? 'in_use' : status;
  return finish(row, columns, raw, state ?? 'in_stock', problems);
}

/**
 * The person a Snipe-IT asset is checked out to, as the file names them: full name (or first and
 * last), else the username, with the e-mail address. Kept in the device's notes, not as a loan: a
 * loan needs terms and a due date the file does not give, and Snipe-IT's users are not pupils.
 */
function checkedOutTo(text: (key: SnipeKey) => string): string | null {
  const name = text('fullName') || `${text('firstName')} ${text('lastName')}`.trim() || text('username');
  const email = text('email');
  if (name === '') return email === '' ? null : email;
  return email === '' ? name : `${name} (${email})`;
}

/** Checks the line with the API's own contract; each problem named by the column it came from. */
function finish(row: TableRow, columns: Columns, raw: Record<string, unknown>, state: InitialDeviceState, problems: ImportProblem[]): Parsed {
  const parsed = deviceInputSchema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = columnKeyOf(String(issue.path[0] ?? ''));
      const column = columns[key] ?? (key === 'modelName' ? columns.modelNumber : undefined);
      const problem = column
        ? cellProblem(row, column, issue.message, issueOfZod(issue))
        : { line: row.line, field: String(issue.path[0] ?? FILE_FIELD), message: issue.message, ...issueOfZod(issue) };
      if (!problems.some((p) => p.field === problem.field)) problems.push(problem);
    }
  }
  return { line: parsed.success && problems.length === 0 ? { line: row.line, device: parsed.data, state } : null, problems };
}

const columnKeyOf = (field: string): Key => (field === 'priceCents' ? 'price' : (field as Key));

function integerOf(text: string, onBad: () => void): number | null {
  if (text === '') return null;
  if (!/^\d{1,4}$/.test(text)) {
    onBad();
    return null;
  }
  return Number(text);
}

/** An amount in euro as spreadsheets write it ("649", "649,00", "1.299,00", "1,299.00", "€ 649") → cents. */
export function centsOf(text: string, onBad: () => void): number | null {
  const cleaned = text.replace(/€|EUR|\s/gi, '');
  if (cleaned === '') return null;
  let normal: string | null = null;
  if (/^\d+([.,]\d{1,2})?$/.test(cleaned)) normal = cleaned.replace(',', '.');
  else if (/^[1-9]\d{0,2}(\.\d{3})+(,\d{1,2})?$/.test(cleaned)) normal = cleaned.replace(/\./g, '').replace(',', '.');
  else if (/^[1-9]\d{0,2}(,\d{3})+(\.\d{1,2})?$/.test(cleaned)) normal = cleaned.replace(/,/g, '');
  if (normal === null) {
    onBad();
    return null;
  }
  const [whole, fraction = ''] = normal.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

/**
 * A day as ISO `YYYY-MM-DD`, or with slashes in the order the format writes them; the contract then
 * checks it exists. A two-digit year is read as spreadsheets and Snipe-IT's own parser read it:
 * 00–69 in this century, 70–99 in the last.
 */
export function dayOf(text: string, slashes: 'day-first' | 'month-first', onBad: () => void): string | null {
  if (text === '') return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return text;
  const match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})$/.exec(text);
  if (!match) {
    onBad();
    return null;
  }
  const [first, second] = [match[1], match[2]];
  const year = match[3].length === 4 ? match[3] : `${Number(match[3]) < 70 ? '20' : '19'}${match[3]}`;
  const [day, month] = slashes === 'day-first' ? [first, second] : [second, first];
  return `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
}

const statusWords: ReadonlyArray<[RegExp, InitialDeviceState]> = [
  [/lost|stolen/, 'lost_or_stolen'],
  [/repair|broken|diagnos|defect/, 'in_repair'],
  [/archived|undeployable|retired/, 'to_refurbish'],
  [/^deployed$/, 'in_use'],
  [/^(ready|ready to deploy|deployable|pending)$/, 'in_stock'],
];

/**
 * Snipe-IT's status labels (its defaults and the sample files' Pending Diagnostics, Undeployable,
 * …) by their words, and ours. An archived or undeployable asset waits for a decision: to refurbish.
 */
export function snipeState(status: string): InitialDeviceState | null {
  const label = status.trim().toLowerCase();
  if (label === '') return 'in_stock';
  if ((initialDeviceStates as readonly string[]).includes(label)) return label as InitialDeviceState;
  return statusWords.find(([pattern]) => pattern.test(label))?.[1] ?? null;
}

const categoryWords: ReadonlyArray<[RegExp, DeviceType]> = [
  [/chromebook/, 'chromebook'],
  [/laptop|notebook/, 'laptop'],
  [/tablet|ipad/, 'tablet'],
  [/desktop|workstation|\bpc\b|computer/, 'desktop'],
  [/whiteboard|smartboard|touchscreen|digibord/, 'interactive_whiteboard'],
  [/projector|beamer/, 'projector'],
  [/monitor|display|screen|scherm/, 'display'],
  [/printer|scanner|copier/, 'printer'],
  [/network|switch|router|access point|firewall|wifi|netwerk/, 'network'],
];

/** Snipe-IT's category is the school's own word: the first of ours it names, else other. */
export function typeOfCategory(category: string): DeviceType {
  const words = category.toLowerCase();
  if ((deviceTypes as readonly string[]).includes(words)) return words as DeviceType;
  return categoryWords.find(([pattern]) => pattern.test(words))?.[1] ?? 'other';
}

// ---- export ----

const euro = (cents: number | null) => (cents === null ? null : `${Math.floor(cents / 100)},${String(cents % 100).padStart(2, '0')}`);

function exportRow(device: DeviceDto): Array<string | number | null> {
  const cells: Record<Key, string | number | null> = {
    assetTag: device.assetTag,
    serial: device.serial,
    manufacturer: device.model.manufacturer,
    modelName: device.model.name,
    modelNumber: null,
    type: device.model.type,
    expectedLifeMonths: device.model.expectedLifeMonths,
    purchaseDate: device.purchaseDate,
    price: euro(device.priceCents),
    supplier: device.supplier,
    orderNumber: device.orderNumber,
    fundingSource: device.fundingSource,
    acquisition: device.acquisition,
    leaseEndsOn: device.leaseEndsOn,
    warrantyMonths: device.warrantyMonths,
    campus: device.campus,
    room: device.room,
    state: device.state,
    notes: device.notes,
  };
  return ownColumns.map(({ key }) => cells[key]);
}

/** The devices as CSV in our own columns; `toCsv` escapes formula-like text. */
export function writeDeviceCsv(devices: readonly DeviceDto[]): string {
  return toCsv(
    ownColumns.map((c) => c.header),
    devices.map(exportRow),
  );
}

/** Formula-like text (=, +, -, @ first) with an apostrophe before it, as the CSV writer does; the import takes it off. */
const guarded = (value: string | number | null) => (typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

/** The same columns as one sheet of a workbook; the import reads it back too. */
export function deviceSheet(devices: readonly DeviceDto[]): XlsxSheet {
  const integerKeys: readonly Key[] = ['expectedLifeMonths', 'warrantyMonths'];
  return {
    name: 'Toestellen',
    columns: ownColumns.map(({ key, header }) => ({ header, kind: integerKeys.includes(key) ? 'integer' : 'text', width: key === 'notes' ? 40 : 16 })),
    rows: devices.map((device) => exportRow(device).map(guarded)),
  };
}
