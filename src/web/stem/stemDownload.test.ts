import { describe, expect, it } from 'vitest';
import writeExcelFile from 'write-excel-file/node';
import { definitionName, genderSeries, words } from '../../../test/support/stem-series';
import { readXlsx } from '../../../test/support/xlsx-reader';
import { workbookSheets } from '../../shared/platform/xlsx-sheets';
import { stemCsv, stemXlsxSheet } from './stemDownload';
import { genderGapTable, seriesTable } from './stemView';

describe('the downloads of a chart', () => {
  const table = seriesTable(genderSeries, 'Aandeel STEM per schooljaar', 'nl', words, definitionName);

  it('writes the CSV with a BOM, semicolons, decimal commas, "< 5" and the hidden marker', () => {
    const csv = stemCsv(table);
    expect(csv.startsWith('\uFEFFSchooljaar;Groep;Aandeel;Teller;Noemer;Verschil met basisjaar (pp);Gepubliceerd;Bron;Herkomst;Definitie;Opmerking\r\n')).toBe(true);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines).toHaveLength(1 + table.rows.length);
    expect(lines[4]).toBe('2023-2024;Vlaanderen;36,4;364;1000;2,9;36,4;POM Limburg, https://pomlimburg.be;demodata;Studiedomein STEM;');
    expect(lines[5]).toBe(`2023-2024;Meisjes;verborgen;verborgen;verborgen;;;;demodata;Studiedomein STEM;${words.hiddenReason}`);
    expect(lines[6]).toBe('2023-2024;Jongens;0,5;< 5;600;-42,5;;;demodata;Studiedomein STEM;');
  });

  it('guards a text cell a spreadsheet would run as a formula', () => {
    const risky = { ...table, rows: [[{ text: '=HYPERLINK("x")', value: '=HYPERLINK("x")' }]] };
    expect(stemCsv(risky).split('\r\n')[1]).toBe('"\'=HYPERLINK(""x"")"');
  });

  it('writes the same rows to an XLSX sheet: shares as percentages, counts as numbers, markers as text', async () => {
    const gap = genderGapTable(genderSeries, 'Meisjes en jongens', 'nl', words);
    const book = readXlsx(await writeExcelFile(workbookSheets([stemXlsxSheet(table), stemXlsxSheet(gap)])).toBuffer());
    expect(book.sheetNames).toEqual(['Aandeel STEM per schooljaar', 'Meisjes en jongens']);
    const rows = book.sheets['Aandeel STEM per schooljaar'];
    expect(rows[0].map((cell) => cell?.value)).toEqual(table.columns.map((column) => column.header));
    expect(rows[4].slice(0, 6)).toEqual([
      { value: '2023-2024', format: null },
      { value: 'Vlaanderen', format: null },
      { value: 0.364, format: '0.0%' },
      { value: 364, format: '0' },
      { value: 1000, format: '0' },
      { value: 2.9, format: '0.0' },
    ]);
    expect(rows[5][2]).toEqual({ value: 'verborgen', format: null });
    expect(rows[6][3]).toEqual({ value: '< 5', format: null });
    expect(book.sheets['Meisjes en jongens'][2].map((cell) => cell?.value ?? null)).toEqual(['2023-2024', 'verborgen', 0.005, null, words.hiddenReason]);
  });
});
