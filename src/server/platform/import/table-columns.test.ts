import { describe, expect, it } from 'vitest';
import { cellOf, cellProblem, findColumns } from './table-columns';

const specs = {
  serial: { names: ['serienummer', 'serial'], missing: 'The header needs a column serienummer' },
  model: { names: ['model'], missing: 'The header needs a column model' },
  room: { names: ['lokaal', 'room'] },
};

describe('findColumns', () => {
  it('finds columns by any of their names, in any order, and leaves other columns alone', () => {
    const { columns, problems } = findColumns({ header: [' Opmerking', 'MODEL ', 'Serial'], headerLine: 1 }, specs);
    expect(problems).toEqual([]);
    expect(columns).toEqual({ model: { index: 1, header: 'model' }, serial: { index: 2, header: 'serial' } });
  });

  it('names every missing required column on the header line, by its first name', () => {
    expect(findColumns({ header: ['lokaal'], headerLine: 3 }, specs).problems).toEqual([
      { line: 3, field: 'serienummer', message: 'The header needs a column serienummer', code: 'column_missing', params: { column: 'serienummer' } },
      { line: 3, field: 'model', message: 'The header needs a column model', code: 'column_missing', params: { column: 'model' } },
    ]);
  });

  it('reads trimmed cells and names a cell problem by its header and position', () => {
    const { columns } = findColumns({ header: ['model', 'serial'], headerLine: 1 }, specs);
    const row = { line: 7, cells: [' X1 '] };
    expect(cellOf(row, columns.model)).toBe('X1');
    expect(cellOf(row, columns.serial)).toBe('');
    expect(cellOf(row, columns.room)).toBe('');
    expect(cellProblem(row, columns.serial!, 'missing')).toEqual({ line: 7, field: 'serial', column: 2, message: 'missing' });
  });
});
