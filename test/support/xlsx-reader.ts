import { inflateRawSync } from 'node:zlib';

/**
 * A small .xlsx reader for tests: enough of the zip container (central directory, stored or
 * deflated entries) and of SpreadsheetML (workbook, shared strings, cell styles) to read back
 * what an export wrote, with each cell's type and number format. Not for production use.
 */

export interface XlsxCell {
  /** A number for numeric cells, a string for text. */
  value: string | number;
  /** The number format code of the cell's style, e.g. `0.0%`; null for the general format. */
  format: string | null;
}

export interface XlsxBook {
  sheetNames: string[];
  /** Rows of cells by sheet name; a missing cell is null. */
  sheets: Record<string, Array<Array<XlsxCell | null>>>;
}

/** Zip entries by name, read through the central directory at the end of the file. */
export function unzip(zip: Buffer): Map<string, Buffer> {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error('not a zip file: no end of central directory');
  const count = zip.readUInt16LE(eocd + 10);
  let offset = zip.readUInt32LE(eocd + 16);
  const files = new Map<string, Buffer>();
  for (let i = 0; i < count; i += 1) {
    if (zip.readUInt32LE(offset) !== 0x02014b50) throw new Error(`bad central directory entry at ${offset}`);
    const method = zip.readUInt16LE(offset + 10);
    const compressedSize = zip.readUInt32LE(offset + 20);
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    const localHeader = zip.readUInt32LE(offset + 42);
    const name = zip.toString('utf8', offset + 46, offset + 46 + nameLength);
    const dataStart = localHeader + 30 + zip.readUInt16LE(localHeader + 26) + zip.readUInt16LE(localHeader + 28);
    const data = zip.subarray(dataStart, dataStart + compressedSize);
    if (method !== 0 && method !== 8) throw new Error(`${name}: unsupported compression method ${method}`);
    files.set(name, method === 8 ? inflateRawSync(data) : Buffer.from(data));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return files;
}

const decodeXml = (text: string) =>
  text.replace(/&(lt|gt|quot|apos|amp|#(\d+)|#x([0-9a-f]+));/gi, (_, name: string, dec?: string, hex?: string) => {
    if (dec) return String.fromCodePoint(Number(dec));
    if (hex) return String.fromCodePoint(parseInt(hex, 16));
    return ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' } as Record<string, string>)[name];
  });

const attribute = (tag: string, name: string) => {
  const match = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return match ? decodeXml(match[1]) : null;
};

/** Text of every `<t>` inside the element (rich text has several). */
const textOf = (xml: string) => [...xml.matchAll(/<t(?:\s[^>]*)?>([^<]*)<\/t>/g)].map((m) => decodeXml(m[1])).join('');

/** Column index from a cell reference: A1 → 0, AB7 → 27. */
const columnIndex = (ref: string) => [...ref.replace(/\d+$/, '')].reduce((acc, ch) => acc * 26 + ch.charCodeAt(0) - 64, 0) - 1;

/** Built-in number formats that a test may meet (ECMA-376 part 1, 18.8.30). */
const builtInFormats: Record<string, string> = { '1': '0', '2': '0.00', '9': '0%', '10': '0.00%' };

function cellFormats(stylesXml: string): Array<string | null> {
  const custom = new Map([...stylesXml.matchAll(/<numFmt\s[^>]*>/g)].map((m) => [attribute(m[0], 'numFmtId')!, attribute(m[0], 'formatCode')!]));
  const cellXfs = /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(stylesXml)?.[1] ?? '';
  return [...cellXfs.matchAll(/<xf(?:\s[^>]*)?\/?>/g)].map((m) => {
    const id = attribute(m[0], 'numFmtId');
    return id === null || id === '0' ? null : (custom.get(id) ?? builtInFormats[id] ?? `builtin:${id}`);
  });
}

function readSheet(xml: string, sharedStrings: string[], formats: Array<string | null>): Array<Array<XlsxCell | null>> {
  const rows: Array<Array<XlsxCell | null>> = [];
  for (const row of xml.matchAll(/<row\s[^>]*>([\s\S]*?)<\/row>/g)) {
    const rowIndex = Number(attribute(row[0], 'r')) - 1;
    const cells: Array<XlsxCell | null> = [];
    for (const c of row[1].matchAll(/<c\s([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const tag = `<c ${c[1]}>`;
      const body = c[2] ?? '';
      const type = attribute(tag, 't');
      const raw = /<v>([^<]*)<\/v>/.exec(body)?.[1];
      const value = type === 's' ? sharedStrings[Number(raw)] : type === 'inlineStr' ? textOf(body) : type === 'str' ? decodeXml(raw ?? '') : raw === undefined ? null : Number(raw);
      if (value === null) continue;
      const style = attribute(tag, 's');
      cells[columnIndex(attribute(tag, 'r')!)] = { value, format: style === null ? null : (formats[Number(style)] ?? null) };
    }
    rows[rowIndex] = Array.from(cells, (cell) => cell ?? null);
  }
  return Array.from(rows, (row) => row ?? []);
}

/** Reads every sheet of a workbook, in the workbook's order. */
export function readXlsx(file: Buffer): XlsxBook {
  const files = unzip(file);
  const text = (name: string) => files.get(name)?.toString('utf8') ?? '';
  const sharedStrings = [...text('xl/sharedStrings.xml').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => textOf(m[1]));
  const formats = cellFormats(text('xl/styles.xml'));
  const targets = new Map([...text('xl/_rels/workbook.xml.rels').matchAll(/<Relationship\s[^>]*>/g)].map((m) => [attribute(m[0], 'Id')!, attribute(m[0], 'Target')!]));
  const book: XlsxBook = { sheetNames: [], sheets: {} };
  for (const sheet of text('xl/workbook.xml').matchAll(/<sheet\s[^>]*>/g)) {
    const name = attribute(sheet[0], 'name')!;
    const target = targets.get(attribute(sheet[0], 'r:id')!)!;
    const path = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
    book.sheetNames.push(name);
    book.sheets[name] = readSheet(text(path), sharedStrings, formats);
  }
  return book;
}
