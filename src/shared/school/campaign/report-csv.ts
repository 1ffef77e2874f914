import { toCsv } from '../../csv';
import type { SchoolReport } from './report';
import { isHidden, type ReportLanguage, type ReportValue, reportColumns, reportWords, schoolReportTables } from './report-table';

/**
 * The school report as one CSV table for spreadsheets (semicolons, UTF-8 with BOM, decimal
 * commas, as Belgian spreadsheets read it): the lines of `schoolReportTables`, one after the
 * other, with the table each belongs to in the first column, opening with the note on the noise
 * its counts carry. A number not shown (growth or a comparison without it) is an empty cell
 * marked in the last column.
 */
export type CsvLanguage = ReportLanguage;

const csvValue = (value: ReportValue): string | number | null => {
  if (isHidden(value) || value === null) return null;
  return typeof value === 'number' ? String(value).replace('.', ',') : value;
};

export function schoolReportCsv(report: SchoolReport, language: CsvLanguage = 'nl'): string {
  const w = reportWords(language);
  const rows = schoolReportTables(report, language).flatMap((table) =>
    table.lines.map((l) => [l.table, l.part, l.category, csvValue(l.count), csvValue(l.share), l.suppressed ? w.yes : w.no]),
  );
  return toCsv(Object.values(reportColumns[language]), rows);
}
