import { toCsv } from '../../csv';
import type { CyberCheckResultDto } from './cyber-check-api';

export type CsvLanguage = 'nl' | 'en';

const columns: Record<CsvLanguage, readonly string[]> = {
  nl: ['Rang', 'Thema', 'Maatregel', 'Sleutelmaatregel', 'Referentie', 'Maturiteit', 'Doel', 'Achterstand', 'Weet ik niet', 'Actie'],
  en: ['Rank', 'Topic', 'Measure', 'Key measure', 'Reference', 'Maturity', 'Target', 'Gap', "Don't know", 'Action'],
};
const yesNo: Record<CsvLanguage, [string, string]> = { nl: ['ja', 'nee'], en: ['yes', 'no'] };

/**
 * The prioritised actions of a cyber check as a spreadsheet (semicolons, UTF-8 with BOM, as
 * Belgian spreadsheets read it), most urgent first, for the school's action plan or its board.
 */
export function cyberCheckActionsCsv(result: CyberCheckResultDto, language: CsvLanguage = 'nl'): string {
  const [yes, no] = yesNo[language];
  const rows = result.actions.map((a) => [
    a.rank,
    a.topicName[language],
    a.statement[language],
    a.keyMeasure ? yes : no,
    a.reference,
    a.maturityLabel[language],
    result.target.label[language],
    a.gap,
    a.unknown ? yes : no,
    a.action?.[language] ?? null,
  ]);
  return toCsv(columns[language], rows);
}

/** `cybercheck-2026-03-01.csv`: the day the check was submitted. */
export function cyberCheckCsvFileName(result: CyberCheckResultDto): string {
  return `cybercheck-${(result.check.submittedAt ?? result.check.startedAt).slice(0, 10)}.csv`;
}
