import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readXlsx } from '../../../../test/support/xlsx-reader';
import { safeSheetNames, xlsxWorkbook } from './xlsx';

describe('safeSheetNames', () => {
  it('keeps a valid name, cuts at 31 characters and replaces what Excel refuses', () => {
    expect(safeSheetNames(['Domeinen'])).toEqual(['Domeinen']);
    expect(safeSheetNames(['x'.repeat(31), 'y'.repeat(32)])).toEqual(['x'.repeat(31), 'y'.repeat(31)]);
    expect(safeSheetNames(['a/b [c]: d*?'])).toEqual(['a b c d']);
    expect(safeSheetNames(['', '///'])).toEqual(['Sheet 1', 'Sheet 2']);
  });

  it('numbers a name used twice, whatever its case, and stays within 31 characters', () => {
    expect(safeSheetNames(['Team', 'team', 'Team'])).toEqual(['Team', 'team 2', 'Team 3']);
    expect(safeSheetNames(['z'.repeat(40), 'z'.repeat(35)])).toEqual(['z'.repeat(31), `${'z'.repeat(29)} 2`]);
  });

  it('always gives non-empty, unique names of at most 31 allowed characters', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 40 }), { minLength: 1, maxLength: 12 }), (names) => {
        const safe = safeSheetNames(names);
        expect(safe).toHaveLength(names.length);
        expect(new Set(safe.map((n) => n.toLowerCase())).size).toBe(safe.length);
        for (const name of safe) {
          expect(name.length).toBeGreaterThan(0);
          expect(name.length).toBeLessThanOrEqual(31);
          expect(name).not.toMatch(/[[\]/\\:*?]|^'|'$/);
        }
      }),
    );
  });
});

describe('xlsxWorkbook', () => {
  it('writes one sheet per entry with a header row, numbers as numbers and percentages with a percent format', async () => {
    const file = await xlsxWorkbook([
      {
        name: 'Scores',
        columns: [
          { header: 'naam', kind: 'text' },
          { header: 'aantal', kind: 'integer' },
          { header: 'aandeel', kind: 'percent' },
          { header: 'gemiddelde', kind: 'decimal' },
        ],
        rows: [
          ['Één & <twee>', 12, 33.3, 2.5],
          ['verborgen', 'verborgen', 'verborgen', null],
          [1234, null, 100, 0],
        ],
      },
      { name: 'Scores', columns: [{ header: 'x', kind: 'text' }], rows: [] },
    ]);
    const book = readXlsx(file);
    expect(book.sheetNames).toEqual(['Scores', 'Scores 2']);
    const [header, first, second, third] = book.sheets.Scores;
    expect(header.map((c) => c?.value)).toEqual(['naam', 'aantal', 'aandeel', 'gemiddelde']);
    expect(first).toEqual([
      { value: 'Één & <twee>', format: null },
      { value: 12, format: '0' },
      { value: 0.333, format: '0.0%' },
      { value: 2.5, format: '0.0' },
    ]);
    expect([0, 1, 2, 3].map((i) => second[i]?.value ?? null)).toEqual(['verborgen', 'verborgen', 'verborgen', null]);
    expect(third[0]).toEqual({ value: '1234', format: null });
    expect(third[2]).toEqual({ value: 1, format: '0.0%' });
    expect(book.sheets['Scores 2']).toEqual([[{ value: 'x', format: null }]]);
  });

  it('refuses a workbook without sheets', async () => {
    await expect(xlsxWorkbook([])).rejects.toThrow(/at least one sheet/);
  });
});
