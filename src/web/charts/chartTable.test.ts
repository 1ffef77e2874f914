import { describe, expect, it } from 'vitest';
import { seriesTable } from './chartTable';

describe('seriesTable', () => {
  it('gives a row per category and a column per series, with a mark where a value is missing', () => {
    const table = seriesTable({
      caption: 'Scores',
      rowHeader: 'Area',
      categories: ['1. Information', '2. Communication'],
      series: [
        { label: 'Now', values: [10, null] },
        { label: 'Before', values: [6.5, 4] },
      ],
      format: (value, row) => `${value} / ${[12, 16][row]}`,
      missing: 'hidden',
    });
    expect(table).toEqual({
      caption: 'Scores',
      rowHeader: 'Area',
      columns: ['Now', 'Before'],
      rows: [
        { name: '1. Information', cells: ['10 / 12', '6.5 / 12'] },
        { name: '2. Communication', cells: ['hidden', '4 / 16'] },
      ],
    });
  });

  it('treats a series shorter than the categories as missing values', () => {
    const table = seriesTable({ caption: '', rowHeader: '', categories: ['a', 'b'], series: [{ label: 'x', values: [1] }], format: String, missing: '–' });
    expect(table.rows.map((row) => row.cells)).toEqual([['1'], ['–']]);
  });
});
