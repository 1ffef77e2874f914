import { unzipSync } from 'fflate';
import { InvalidInputError, readSheet, SheetNotFoundError } from 'read-excel-file/universal';
import type { TableRow } from './table-reader';

/**
 * Reads the first sheet of an .xlsx workbook as rows of text with read-excel-file. Cells stay as
 * the sheet stores them: text untrimmed, numbers as written (`2.5`), formulas by their cached
 * value, booleans as `true`/`false`, dates as `2026-11-29` (or a full ISO time when they have
 * one). Each row keeps its number in the sheet as its line; empty rows are left out.
 *
 * A workbook is a zip whose parts read-excel-file unpacks whole, into buffers of the size the
 * zip's central directory declares. Those sizes are checked (with fflate, which reads that
 * directory without unpacking anything) before any part is unpacked, so a small upload cannot
 * unpack into gigabytes. The universal entry is used rather than the Node one because the Node
 * one streams through the local headers, where a part of unknown size is buffered without limit.
 */

/** No part of a workbook an import accepts unpacks to more than this. */
export const MAX_XLSX_PART_BYTES = 128 * 1024 * 1024;
/** Nor do all the XML parts read-excel-file unpacks together. */
export const MAX_XLSX_UNPACKED_BYTES = 256 * 1024 * 1024;

/** An .xlsx (or any zip) starts with a local file header. */
export function isXlsx(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** An old .xls workbook (and any OLE2 compound file) starts with this signature. */
function isXls(bytes: Uint8Array): boolean {
  return [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1].every((byte, i) => bytes[i] === byte);
}

const OLD_XLS = 'it is an old .xls workbook (save it as .xlsx)';

export interface XlsxLimits {
  maxPartBytes?: number;
  maxUnpackedBytes?: number;
}

export async function xlsxRows(bytes: Uint8Array, limits: XlsxLimits = {}): Promise<{ rows: TableRow[] } | { problem: { line: number; message: string } }> {
  const unreadable = (reason: string) => ({ problem: { line: 1, message: `The file is not a readable XLSX workbook: ${reason}` } });
  if (isXls(bytes)) return unreadable(OLD_XLS);
  if (!isXlsx(bytes)) return unreadable('it is not an .xlsx file');
  const tooLarge = unpackedSizeProblem(bytes, limits);
  if (tooLarge) return unreadable(tooLarge);
  try {
    // A copy of exactly the upload's bytes: an uploaded Buffer may be a view of a larger pool.
    const sheet = await readSheet(Uint8Array.from(bytes).buffer, 1, { trim: false, parseNumber: (number: string) => number });
    const rows: TableRow[] = [];
    sheet.forEach((cells, index) => {
      const texts = cells.map(cellText);
      while (texts.length > 0 && texts[texts.length - 1] === '') texts.pop();
      if (texts.length > 0) rows.push({ line: index + 1, cells: texts });
    });
    return { rows };
  } catch (error) {
    return unreadable(reasonOf(error));
  }
}

/** Which part (.xml or .rels, the ones read-excel-file unpacks) would unpack past the limits, if any. */
function unpackedSizeProblem(bytes: Uint8Array, limits: XlsxLimits): string | undefined {
  const maxPart = limits.maxPartBytes ?? MAX_XLSX_PART_BYTES;
  const maxTotal = limits.maxUnpackedBytes ?? MAX_XLSX_UNPACKED_BYTES;
  let total = 0;
  let problem: string | undefined;
  try {
    unzipSync(bytes, {
      filter: (file) => {
        if (problem || !(file.name.endsWith('.xml') || file.name.endsWith('.rels'))) return false;
        total += file.originalSize;
        if (file.originalSize > maxPart) problem = `${file.name} unpacks to more than ${megabytes(maxPart)}`;
        else if (total > maxTotal) problem = `it unpacks to more than ${megabytes(maxTotal)}`;
        return false;
      },
    });
  } catch {
    return 'it is damaged';
  }
  return problem;
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  return String(value);
}

function reasonOf(error: unknown): string {
  if (error instanceof InvalidInputError && error.code === 'XLS_FILE_NOT_SUPPORTED') return OLD_XLS;
  if (error instanceof SheetNotFoundError) return 'the workbook has no sheet';
  return 'it is damaged';
}

const megabytes = (bytes: number) => (bytes >= 1024 * 1024 ? `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB` : `${bytes} bytes`);
