import { unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import writeExcelFile from 'write-excel-file/node';
import { xlsxWorkbook } from '../export/xlsx';
import { detectDelimiter, readTable } from './table-reader';
import { xlsxRows } from './xlsx-rows';

const read = (input: string | Uint8Array, options = {}) => readTable(input, { fileField: 'file', ...options });
const rowsOf = async (input: string | Uint8Array, options = {}) => {
  const result = await read(input, options);
  if (!result.ok) throw new Error(result.problems[0].message);
  return result.table;
};

describe('readTable (CSV)', () => {
  it('reads a BOM, semicolons, quoted fields with separators and line ends, and skips blank lines', async () => {
    const table = await rowsOf('\uFEFFnaam;e-mail\r\n"Peeters; An";"an@school.be"\r\n\r\n"Twee\r\nregels";b@school.be\r\n');
    expect(table).toEqual({
      format: 'csv',
      header: ['naam', 'e-mail'],
      headerLine: 1,
      rows: [
        { line: 2, cells: ['Peeters; An', 'an@school.be'] },
        { line: 4, cells: ['Twee\nregels', 'b@school.be'] },
      ],
    });
  });

  it('gives each record the line it starts on, counting CRLF as one line end inside quotes too', async () => {
    const table = await rowsOf('a;b\r\n"x\r\ny\r\nz";1\r\n\r\nnext;2\r\n"p\rq";3\nlast;"say ""hi"""');
    expect(table.rows.map((row) => row.line)).toEqual([2, 6, 7, 9]);
    expect(table.rows[3].cells).toEqual(['last', 'say "hi"']);
  });

  it('reads CR, LF and CRLF line ends alike', async () => {
    for (const end of ['\r', '\n', '\r\n']) {
      expect((await rowsOf(['a;b', '1;2', '3;4'].join(end) + end)).rows.map((row) => row.cells)).toEqual([
        ['1', '2'],
        ['3', '4'],
      ]);
    }
  });

  it('takes commas only when the header line has no semicolon', async () => {
    expect(detectDelimiter('naam,email\nAn;x')).toBe(',');
    expect(detectDelimiter('naam;email,x')).toBe(';');
    expect(detectDelimiter('naam')).toBe(';');
    expect(detectDelimiter('naam,email\rAn;x')).toBe(',');
    expect((await rowsOf('a,b\n"1,5",2\n')).rows[0].cells).toEqual(['1,5', '2']);
  });

  it('skips rows of empty cells only when asked', async () => {
    expect((await rowsOf('a;b\n;\n1;2\n')).rows).toHaveLength(2);
    expect((await rowsOf('a;b\n;\n1;2\n', { skipBlankRows: true })).rows).toEqual([{ line: 3, cells: ['1', '2'] }]);
  });

  it('reports an empty file, an unreadable file with its line, and a file over the size limit', async () => {
    expect(await read('')).toEqual({ ok: false, problems: [{ line: 1, field: 'file', message: 'The file is empty', code: 'file_empty' }] });
    expect(await read('\uFEFF\r\n\r\n')).toMatchObject({ ok: false, problems: [{ message: 'The file is empty' }] });
    const unclosed = await read('a;b\n1;2\n"3;4\n', { fileField: 'bestand' });
    expect(unclosed).toMatchObject({ ok: false, problems: [{ line: 3, field: 'bestand' }] });
    expect(!unclosed.ok && unclosed.problems[0].message).toMatch(/^The file is not readable CSV: /);
    expect(await read('a;b\n1;2\n', { maxBytes: 5 })).toEqual({
      ok: false,
      problems: [{ line: 1, field: 'file', message: 'The file is larger than 5 bytes', code: 'file_too_large', params: { megabytes: 0 } }],
    });
    expect(await read('é', { maxBytes: 1 })).toMatchObject({ ok: false });
    expect(await read('a;b\n1;x"y\n')).toMatchObject({ ok: false, problems: [{ line: 2, column: 2 }] });
    expect(await read('a;b\n"1"x;2\n')).toMatchObject({ ok: false, problems: [{ line: 2, column: 1 }] });
  });

  it('names the line and column of a malformed quote as the file counts them, CRLF and blank lines included', async () => {
    expect(await read('a;b\r\n"x\r\ny";1\r\n\r\nq;"never\r\nclosed\r\n')).toEqual({
      ok: false,
      problems: [
        {
          line: 5,
          column: 2,
          field: 'file',
          message: 'The file is not readable CSV: a quoted field that starts on line 5 is never closed',
          code: 'file_unreadable',
          params: { format: 'csv' },
        },
      ],
    });
    expect(await read('a;b\r\n\r\n1;"x\r\ny"z\r\n')).toEqual({
      ok: false,
      problems: [
        {
          line: 4,
          column: 2,
          field: 'file',
          message: 'The file is not readable CSV: a quoted field is followed by something other than ";" or a line end',
          code: 'file_unreadable',
          params: { format: 'csv' },
        },
      ],
    });
    expect(await read('a,b\r1,x"y\r')).toEqual({
      ok: false,
      problems: [
        {
          line: 2,
          column: 2,
          field: 'file',
          message: 'The file is not readable CSV: a quote inside a field that does not start with one (quote the whole field and double the quote)',
          code: 'file_unreadable',
          params: { format: 'csv' },
        },
      ],
    });
  });
});

describe('readTable (XLSX)', () => {
  it('reads the first sheet of a workbook: text, numbers, empty cells, line numbers', async () => {
    const workbook = await xlsxWorkbook([
      {
        name: 'Team',
        columns: [
          { header: 'naam', kind: 'text' },
          { header: 'e-mail', kind: 'text' },
          { header: 'uren', kind: 'decimal' },
        ],
        rows: [
          ['Peeters & <An>', 'an@school.be', 2.5],
          ['Bram', null, 3],
          ['Élise "Ü"', 'e@school.be', null],
        ],
      },
      { name: 'Andere', columns: [{ header: 'x', kind: 'text' }], rows: [['y']] },
    ]);
    const table = await rowsOf(workbook);
    expect(table.format).toBe('xlsx');
    expect(table.header).toEqual(['naam', 'e-mail', 'uren']);
    expect(table.rows).toEqual([
      { line: 2, cells: ['Peeters & <An>', 'an@school.be', '2.5'] },
      { line: 3, cells: ['Bram', '', '3'] },
      { line: 4, cells: ['Élise "Ü"', 'e@school.be'] },
    ]);
  });

  it('reads booleans as true/false and dates as ISO dates', async () => {
    const workbook = await writeExcelFile([
      [{ value: 'ja' }, { value: 'wanneer' }],
      [
        { value: true, type: Boolean },
        { value: new Date(Date.UTC(2026, 10, 29)), type: Date, format: 'dd/mm/yyyy' },
      ],
    ]).toBuffer();
    expect((await rowsOf(workbook)).rows).toEqual([{ line: 2, cells: ['true', '2026-11-29'] }]);
  });

  it('reports a damaged workbook instead of failing', async () => {
    const workbook = await xlsxWorkbook([{ name: 'A', columns: [{ header: 'a', kind: 'text' }], rows: [['b']] }]);
    const cut = workbook.subarray(0, workbook.length - 30);
    const result = await read(cut);
    expect(result).toMatchObject({ ok: false, problems: [{ line: 1, field: 'file' }] });
    expect(!result.ok && result.problems[0].message).toMatch(/^The file is not a readable XLSX workbook/);
    const notAWorkbook = zipSync({ 'readme.txt': new TextEncoder().encode('hello') });
    expect(await read(notAWorkbook)).toMatchObject({ ok: false, problems: [{ line: 1, message: 'The file is not a readable XLSX workbook: it is damaged' }] });
  });

  it('takes bytes for a workbook: CSV bytes and an old .xls are one problem, not rows read from garbage', async () => {
    expect(await read(Buffer.from('\uFEFFa;b\n1;2\n', 'utf8'))).toEqual({
      ok: false,
      problems: [{ line: 1, field: 'file', message: 'The file is not a readable XLSX workbook: it is not an .xlsx file', code: 'file_unreadable', params: { format: 'xlsx' } }],
    });
    const xls = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    expect(await read(xls, { fileField: 'bestand' })).toEqual({
      ok: false,
      problems: [
        {
          line: 1,
          field: 'bestand',
          message: 'The file is not a readable XLSX workbook: it is an old .xls workbook (save it as .xlsx)',
          code: 'file_unreadable',
          params: { format: 'xlsx' },
        },
      ],
    });
  });

  it('refuses a workbook whose parts would unpack past the limits, before unpacking them', async () => {
    const workbook = await xlsxWorkbook([{ name: 'A', columns: [{ header: 'a', kind: 'text' }], rows: [['b']] }]);
    expect(await xlsxRows(workbook, { maxPartBytes: 100 })).toEqual({
      problem: { line: 1, message: expect.stringMatching(/^The file is not a readable XLSX workbook: .+\.xml unpacks to more than 100 bytes$/) },
    });
    expect(await xlsxRows(workbook, { maxUnpackedBytes: 2000 })).toEqual({
      problem: { line: 1, message: 'The file is not a readable XLSX workbook: it unpacks to more than 2000 bytes' },
    });
    expect(await xlsxRows(workbook)).toEqual({
      rows: [
        { line: 1, cells: ['a'] },
        { line: 2, cells: ['b'] },
      ],
    });
  });

  it('unpacks a part no larger than the zip declares, even when the part holds more', async () => {
    const parts = unzipSync(await xlsxWorkbook([{ name: 'A', columns: [{ header: 'a', kind: 'text' }], rows: [['b']] }]));
    const sheet = Object.keys(parts).find((name) => name.endsWith('worksheets/sheet1.xml')) ?? '';
    const zip = zipSync({ ...parts, [sheet]: new Uint8Array(8 * 1024 * 1024).fill(32) }, { level: 9 });
    declareSize(zip, sheet, 1000);
    expect(await read(zip)).toMatchObject({ ok: false, problems: [{ message: 'The file is not a readable XLSX workbook: it is damaged' }] });
  });
});

/** Makes a zip claim that its entry `name` unpacks to `size` bytes, in the local header and the central directory alike. */
function declareSize(zip: Uint8Array, name: string, size: number): void {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const named = (at: number, nameLength: number) => Buffer.from(zip.subarray(at, at + nameLength)).toString('utf8') === name;
  for (let at = 0; at + 46 < zip.length; at += 1) {
    const signature = view.getUint32(at, true);
    if (signature === 0x04034b50 && named(at + 30, view.getUint16(at + 26, true))) view.setUint32(at + 22, size, true);
    if (signature === 0x02014b50 && named(at + 46, view.getUint16(at + 28, true))) view.setUint32(at + 24, size, true);
  }
}

describe('readTable (control characters)', () => {
  it('refuses every cell holding a control character other than tab, LF and CR, with its line and column', async () => {
    const result = await readTable('naam;e-mail\nAn\u0000;an@school.test\n"Bo\tb\r\nx";b\u001bo@school.test\n', { fileField: 'file' });
    expect(result).toEqual({
      ok: false,
      problems: [
        {
          line: 2,
          column: 1,
          field: 'naam',
          message: 'The cell holds the control character U+0000; save the file as UTF-8 text without it',
          code: 'control_character',
          params: { codePoint: 'U+0000' },
        },
        {
          line: 3,
          column: 2,
          field: 'e-mail',
          message: 'The cell holds the control character U+001B; save the file as UTF-8 text without it',
          code: 'control_character',
          params: { codePoint: 'U+001B' },
        },
      ],
    });
    expect(await readTable('naam\u0007;x\n1;2\n', { fileField: 'file' })).toMatchObject({ ok: false, problems: [{ line: 1, column: 1, field: 'file' }] });
    expect((await readTable('a;b\n1\tx;2\r\n', { fileField: 'file' })).ok).toBe(true);
  });
});
