import { describe, expect, it } from 'vitest';
import { MAX_ROSTER_LINES, readRoster } from './roster';

describe('readRoster', () => {
  it('reads naam;e-mail with a BOM, CRLF, quotes and blank lines, lower-casing addresses', async () => {
    const { entries, problems } = await readRoster('\uFEFFNaam;E-mail\r\n"Peeters; An";An@School.be\r\n\r\nBram;bram@school.be\r\n;\r\n');
    expect(problems).toEqual([]);
    expect(entries).toEqual([
      { line: 2, name: 'Peeters; An', email: 'an@school.be' },
      { line: 4, name: 'Bram', email: 'bram@school.be' },
    ]);
  });

  it('reads name,email and extra columns in any order', async () => {
    const { entries } = await readRoster('email,klas,name\nan@school.be,3A,An\n');
    expect(entries).toEqual([{ line: 2, name: 'An', email: 'an@school.be' }]);
  });

  it('reports every bad line with the column as the header names it', async () => {
    const { problems } = await readRoster('naam;e-mail\nAn;an@school.be\n;bram@school.be\nCarla;carla@\nDirk;\nAn bis;AN@school.be\n;\n');
    expect(problems.map((p) => `line ${p.line}: ${p.field}`)).toEqual(['line 3: naam', 'line 4: e-mail', 'line 5: e-mail', 'line 6: e-mail']);
    expect(problems[3].message).toBe('an@school.be is on line 2 already');
  });

  it('reports a missing column, an empty file and a file too long', async () => {
    expect((await readRoster('voornaam;mail\nAn;an@school.be')).problems.map((p) => p.field)).toEqual(['naam', 'e-mail']);
    expect((await readRoster('')).problems).toEqual([{ line: 1, field: 'file', message: 'The file is empty', code: 'file_empty' }]);
    const long = ['naam;e-mail', ...Array.from({ length: MAX_ROSTER_LINES + 1 }, (_, i) => `L${i};l${i}@school.be`)].join('\n');
    expect((await readRoster(long)).problems).toMatchObject([{ field: 'file' }]);
  });

  it('reports unreadable CSV instead of failing', async () => {
    expect((await readRoster('naam;e-mail\n"An;an@school.be\n')).problems).toMatchObject([{ field: 'file' }]);
  });
});

describe('readRoster from a workbook', () => {
  it('reads the first sheet of an .xlsx file as it reads CSV', async () => {
    const { xlsxWorkbook } = await import('../platform/export/xlsx');
    const workbook = await xlsxWorkbook([
      {
        name: 'Team',
        columns: [
          { header: 'Naam', kind: 'text' },
          { header: 'E-mail', kind: 'text' },
        ],
        rows: [
          ['Peeters; An', 'An@School.be'],
          [null, null],
          ['Bram', 'bram@'],
        ],
      },
    ]);
    const { entries, problems } = await readRoster(workbook);
    expect(entries).toEqual([{ line: 2, name: 'Peeters; An', email: 'an@school.be' }]);
    expect(problems).toEqual([{ line: 4, field: 'e-mail', column: 2, message: 'bram@ is not an e-mail address', code: 'invalid_email', params: { value: 'bram@' } }]);
  });
});
