import { describe, expect, it } from 'vitest';
import { xlsxWorkbook } from '../export/xlsx';
import { detectDelimiter, readTable } from './table-reader';

const read = (input: string | Uint8Array, options = {}) => readTable(input, { fileField: 'file', ...options });
const rowsOf = (input: string | Uint8Array, options = {}) => {
  const result = read(input, options);
  if (!result.ok) throw new Error(result.problem.message);
  return result.table;
};

describe('readTable (CSV)', () => {
  it('reads a BOM, semicolons, quoted fields with separators and line ends, and skips blank lines', () => {
    const table = rowsOf('\uFEFFnaam;e-mail\r\n"Peeters; An";"an@school.be"\r\n\r\n"Twee\r\nregels";b@school.be\r\n');
    expect(table).toEqual({
      format: 'csv',
      header: ['naam', 'e-mail'],
      headerLine: 1,
      rows: [
        { line: 2, cells: ['Peeters; An', 'an@school.be'] },
        { line: 4, cells: ['Twee\r\nregels', 'b@school.be'] },
      ],
    });
  });

  it('gives each record the line it starts on, counting CRLF as one line end inside quotes too', () => {
    const table = rowsOf('a;b\r\n"x\r\ny\r\nz";1\r\n\r\nnext;2\r\n"p\rq";3\nlast;"say ""hi"""');
    expect(table.rows.map((row) => row.line)).toEqual([2, 6, 7, 9]);
    expect(table.rows[3].cells).toEqual(['last', 'say "hi"']);
  });

  it('reads CR, LF and CRLF line ends alike', () => {
    for (const end of ['\r', '\n', '\r\n']) {
      expect(rowsOf(['a;b', '1;2', '3;4'].join(end) + end).rows.map((row) => row.cells)).toEqual([
        ['1', '2'],
        ['3', '4'],
      ]);
    }
  });

  it('takes commas only when the header line has no semicolon', () => {
    expect(detectDelimiter('naam,email\nAn;x')).toBe(',');
    expect(detectDelimiter('naam;email,x')).toBe(';');
    expect(detectDelimiter('naam')).toBe(';');
    expect(detectDelimiter('naam,email\rAn;x')).toBe(',');
    expect(rowsOf('a,b\n"1,5",2\n').rows[0].cells).toEqual(['1,5', '2']);
  });

  it('skips rows of empty cells only when asked', () => {
    expect(rowsOf('a;b\n;\n1;2\n').rows).toHaveLength(2);
    expect(rowsOf('a;b\n;\n1;2\n', { skipBlankRows: true }).rows).toEqual([{ line: 3, cells: ['1', '2'] }]);
  });

  it('reports an empty file, an unreadable file with its line, and a file over the size limit', () => {
    expect(read('')).toEqual({ ok: false, problem: { line: 1, field: 'file', message: 'The file is empty' } });
    expect(read('\uFEFF\r\n\r\n')).toMatchObject({ ok: false, problem: { message: 'The file is empty' } });
    const unclosed = read('a;b\n1;2\n"3;4\n', { fileField: 'bestand' });
    expect(unclosed).toMatchObject({ ok: false, problem: { line: 3, field: 'bestand' } });
    expect(!unclosed.ok && unclosed.problem.message).toMatch(/^The file is not readable CSV: /);
    expect(read('a;b\n1;2\n', { maxBytes: 5 })).toEqual({ ok: false, problem: { line: 1, field: 'file', message: 'The file is larger than 5 bytes' } });
    expect(read('é', { maxBytes: 1 })).toMatchObject({ ok: false });
    expect(read('a;b\n1;x"y\n')).toMatchObject({ ok: false, problem: { line: 2, column: 2 } });
    expect(read('a;b\n"1"x;2\n')).toMatchObject({ ok: false, problem: { line: 2, column: 1 } });
  });

  it('reads CSV given as bytes', () => {
    expect(rowsOf(Buffer.from('\uFEFFa;b\n1;2\n', 'utf8')).rows).toEqual([{ line: 2, cells: ['1', '2'] }]);
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
    const table = rowsOf(workbook);
    expect(table.format).toBe('xlsx');
    expect(table.header).toEqual(['naam', 'e-mail', 'uren']);
    expect(table.rows).toEqual([
      { line: 2, cells: ['Peeters & <An>', 'an@school.be', '2.5'] },
      { line: 3, cells: ['Bram', '', '3'] },
      { line: 4, cells: ['Élise "Ü"', 'e@school.be'] },
    ]);
  });

  it('reports a damaged workbook instead of failing', async () => {
    const workbook = await xlsxWorkbook([{ name: 'A', columns: [{ header: 'a', kind: 'text' }], rows: [['b']] }]);
    const cut = workbook.subarray(0, workbook.length - 30);
    expect(read(cut)).toMatchObject({ ok: false, problem: { line: 1, field: 'file' } });
    expect(!read(cut).ok && (read(cut) as { problem: { message: string } }).problem.message).toMatch(/^The file is not a readable XLSX workbook/);
  });
});
