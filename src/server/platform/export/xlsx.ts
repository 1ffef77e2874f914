import writeExcelFile from 'write-excel-file/node';
import { XLSX_MEDIA_TYPE } from '../../../shared/platform/endpoint';
import { workbookSheets, type XlsxSheet } from '../../../shared/platform/xlsx-sheets';

/**
 * Rows → an .xlsx file, for any module's download (the team report, the ICT policy plan, the
 * ICT park). The sheets are described in `shared/platform/xlsx-sheets.ts`, which the browser
 * uses too.
 */

export type { XlsxColumn, XlsxColumnKind, XlsxSheet, XlsxValue } from '../../../shared/platform/xlsx-sheets';
export { safeSheetNames } from '../../../shared/platform/xlsx-sheets';

export const XLSX_CONTENT_TYPE = XLSX_MEDIA_TYPE;

/** One workbook with a sheet per entry, a bold frozen header row on each. */
export async function xlsxWorkbook(sheets: readonly XlsxSheet[]): Promise<Buffer> {
  return writeExcelFile(workbookSheets(sheets)).toBuffer();
}
