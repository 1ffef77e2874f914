import type { SchoolReport } from '../../../shared/school/campaign/report';
import { isHidden, type ReportLanguage, type ReportValue, reportColumns, reportWords, schoolReportTables } from '../../../shared/school/campaign/report-table';
import { type XlsxColumn, type XlsxValue, xlsxWorkbook } from '../../platform/export/xlsx';

/**
 * The team report as a workbook: one sheet per table of `schoolReportTables` (the very lines the
 * CSV holds, the note on the noise its counts carry among them), counts as numbers, shares as
 * percentages, and every number not shown as an explicit marker text, so no one reads an empty
 * cell as zero.
 */
export async function schoolReportXlsx(report: SchoolReport, language: ReportLanguage = 'nl'): Promise<Buffer> {
  const w = reportWords(language);
  const h = reportColumns[language];
  const columns: XlsxColumn[] = [
    { header: h.table, kind: 'text', width: 16 },
    { header: h.part, kind: 'text', width: 48 },
    { header: h.category, kind: 'text', width: 22 },
    { header: h.count, kind: 'integer' },
    { header: h.share, kind: 'percent', width: 12 },
    { header: h.suppressed, kind: 'text' },
  ];
  const value = (v: ReportValue): XlsxValue => (isHidden(v) ? w.hidden : v);
  return xlsxWorkbook(
    schoolReportTables(report, language).map((table) => ({
      name: table.title,
      columns,
      rows: table.lines.map((l) => [l.table, l.part, l.category, value(l.count), value(l.share), l.suppressed ? w.yes : w.no]),
    })),
  );
}

/** The download's file name, the same for CSV and XLSX but for the extension. */
export const schoolReportFileName = (report: SchoolReport, extension: 'csv' | 'xlsx') => `digisnap-directierapport-${report.campaign.opensOn}.${extension}`;
