import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCsvCell, toCsv } from './csv';

const cellsOf = (csv: string) => csv.replace('\uFEFF', '').split('\r\n')[1].split(';');

describe('toCsv', () => {
  it('writes semicolons, CRLF and a BOM, quoting what needs it', () => {
    expect(
      toCsv(
        ['a', 'b'],
        [
          ['x;y', 'say "hi"'],
          [3, null],
        ],
      ),
    ).toBe('\uFEFFa;b\r\n"x;y";"say ""hi"""\r\n3;\r\n');
  });

  it('keeps a spreadsheet from running a text as a formula', () => {
    expect(cellsOf(toCsv(['h', 'h', 'h', 'h'], [['=HYPERLINK("x")', '+32 2 123', '@sum', '-rm']]))).toEqual(['"\'=HYPERLINK(""x"")"', "'+32 2 123", "'@sum", "'-rm"]);
  });

  it('leaves numbers alone, also negative Belgian decimals and percentages written as text', () => {
    expect(cellsOf(toCsv(['h', 'h', 'h', 'h'], [[-2, '-2,5', '+12%', '3.5']]))).toEqual(['-2', '-2,5', '+12%', '3.5']);
  });

  it('reads back every text it writes (without quotes) unchanged', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom("'", '=', '+', '-', '@', '\t', '1', ',', '%', 'a', ' ')).map((chars) => chars.join('')),
        (text) => {
          expect(readCsvCell(cellsOf(toCsv(['h'], [[text]]))[0])).toBe(text);
        },
      ),
    );
  });
});
