import { inflateRawSync } from 'node:zlib';
import type { TableRow } from './table-reader';

/**
 * Reads the first sheet of an .xlsx workbook as rows of text, with nothing but Node: a workbook
 * is a zip of XML parts, and an import needs four of them (the workbook, its relations, the
 * shared strings and the sheet). Each part is found through the zip's central directory and
 * inflated on its own, with a cap on its inflated size; the XML is read by single passes of
 * regular expressions, so reading is linear in the sheet. Formulas give their cached value;
 * dates give the serial number the sheet stores.
 */

const ZIP_LOCAL = 0x04034b50;
const ZIP_CENTRAL = 0x02014b50;
const ZIP_END = 0x06054b50;
/** No part of a workbook an import accepts inflates to more than this. */
const MAX_PART_BYTES = 128 * 1024 * 1024;

/** An .xlsx (or any zip) starts with a local file header. */
export function isXlsx(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

class UnreadableWorkbook extends Error {}

export function readXlsxRows(bytes: Uint8Array): { rows: TableRow[] } | { problem: { line: number; message: string } } {
  try {
    const parts = zipEntries(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    const sheetPath = firstSheetPath(parts);
    const shared = parts.has('xl/sharedStrings.xml') ? sharedStrings(parts.read('xl/sharedStrings.xml')) : [];
    return { rows: sheetRows(parts.read(sheetPath), shared) };
  } catch (error) {
    const reason = error instanceof UnreadableWorkbook ? error.message : 'it is damaged';
    return { problem: { line: 1, message: `The file is not a readable XLSX workbook: ${reason}` } };
  }
}

interface ZipParts {
  has(name: string): boolean;
  read(name: string): string;
}

function zipEntries(zip: Buffer): ZipParts {
  let end = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i -= 1) {
    if (zip.readUInt32LE(i) === ZIP_END) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new UnreadableWorkbook('no zip directory found');
  const count = zip.readUInt16LE(end + 10);
  const entries = new Map<string, { method: number; size: number; offset: number }>();
  let at = zip.readUInt32LE(end + 16);
  for (let n = 0; n < count; n += 1) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== ZIP_CENTRAL) throw new UnreadableWorkbook('the zip directory is damaged');
    const nameLength = zip.readUInt16LE(at + 28);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    entries.set(name, { method: zip.readUInt16LE(at + 10), size: zip.readUInt32LE(at + 20), offset: zip.readUInt32LE(at + 42) });
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return {
    has: (name) => entries.has(name),
    read(name) {
      const entry = entries.get(name);
      if (!entry) throw new UnreadableWorkbook(`${name} is missing`);
      if (entry.offset + 30 > zip.length || zip.readUInt32LE(entry.offset) !== ZIP_LOCAL) throw new UnreadableWorkbook(`${name} is damaged`);
      const start = entry.offset + 30 + zip.readUInt16LE(entry.offset + 26) + zip.readUInt16LE(entry.offset + 28);
      const data = zip.subarray(start, start + entry.size);
      if (entry.method === 0) return data.toString('utf8');
      if (entry.method !== 8) throw new UnreadableWorkbook(`${name} is compressed in a way this reader does not know`);
      try {
        return inflateRawSync(data, { maxOutputLength: MAX_PART_BYTES }).toString('utf8');
      } catch {
        throw new UnreadableWorkbook(`${name} cannot be unpacked or is too large`);
      }
    },
  };
}

const attribute = (attributes: string, name: string) => new RegExp(`(?:^|\\s)${name}="([^"]*)"`).exec(attributes)?.[1];

function firstSheetPath(parts: ZipParts): string {
  const sheet = /<(?:\w+:)?sheet\s([^>]*?)\/?>/.exec(parts.read('xl/workbook.xml'));
  const relationId = sheet && attribute(sheet[1], 'r:id');
  if (!relationId) throw new UnreadableWorkbook('the workbook has no sheet');
  for (const relation of parts.read('xl/_rels/workbook.xml.rels').matchAll(/<Relationship\s([^>]*?)\/?>/g)) {
    if (attribute(relation[1], 'Id') !== relationId) continue;
    const target = attribute(relation[1], 'Target') ?? '';
    return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
  }
  throw new UnreadableWorkbook('the first sheet is missing');
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
function xmlText(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, name: string) => {
    if (name[0] !== '#') return entities[name] ?? whole;
    const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
    return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** The text of a string item: its `<t>` runs joined (phonetic runs left out). */
function runsText(xml: string): string {
  let text = '';
  for (const run of xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '').matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)) text += xmlText(run[1]);
  return text;
}

function sharedStrings(xml: string): string[] {
  return Array.from(xml.matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g), (item) => runsText(item[1] ?? ''));
}

/** "C12" → 2 (zero-based column). */
function columnOf(reference: string): number {
  let column = 0;
  for (const char of reference) {
    const code = char.charCodeAt(0);
    if (code < 65 || code > 90) break;
    column = column * 26 + (code - 64);
  }
  return column - 1;
}

function sheetRows(xml: string, shared: readonly string[]): TableRow[] {
  const rows: TableRow[] = [];
  let previousLine = 0;
  for (const row of xml.matchAll(/<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g)) {
    const line = Number(attribute(row[1], 'r') ?? previousLine + 1);
    previousLine = line;
    const cells: string[] = [];
    let next = 0;
    for (const cell of (row[2] ?? '').matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const reference = attribute(cell[1], 'r');
      const referenced = reference ? columnOf(reference) : -1;
      const column = referenced >= 0 ? referenced : next;
      next = column + 1;
      const inner = cell[2] ?? '';
      const type = attribute(cell[1], 't');
      let value: string;
      if (type === 'inlineStr') value = runsText(/<is>([\s\S]*?)<\/is>/.exec(inner)?.[1] ?? '');
      else {
        const raw = xmlText(/<v>([\s\S]*?)<\/v>/.exec(inner)?.[1] ?? '');
        value = type === 's' ? (shared[Number(raw)] ?? '') : raw;
      }
      while (cells.length < column) cells.push('');
      cells[column] = value;
    }
    if (cells.length > 0) rows.push({ line, cells });
  }
  return rows;
}
