import { toCsv } from '../csv';
import type { BandCell, CountCell, LevelCell, SchoolReport } from './report';

/**
 * The school report as one CSV table for spreadsheets (semicolons, UTF-8 with BOM, decimal
 * commas, as Belgian spreadsheets read it): one line per number shown in the report, with the
 * table and part it belongs to. A suppressed number is an empty cell marked in the last
 * column; the CSV never holds more than the report does.
 */
export type CsvLanguage = 'nl' | 'en';

const headers: Record<CsvLanguage, string[]> = {
  nl: ['tabel', 'onderdeel', 'categorie', 'aantal', 'aandeel_pct', 'gemiddelde', 'verborgen'],
  en: ['table', 'part', 'category', 'count', 'share_pct', 'mean', 'suppressed'],
};

const words = {
  nl: {
    yes: 'ja', no: 'nee', team: 'team', respondents: 'respondenten', threshold: 'minimale groep', published: 'gepubliceerd',
    area: 'domein', competence: 'competentie', norm: 'norm', bPlus: 'B of hoger', c: 'C', everyB: 'elke leraar minstens B',
    someC: 'C-leraren in elke school', priority: 'prioriteit', growth: 'groei B of hoger', flanders: 'Vlaanderen (andere scholen)',
    sameLevel: 'zelfde onderwijsniveau', background: 'achtergrond', meanScore: 'gemiddelde score', change: 'verschil', previous: 'vorige', current: 'nu',
    schools: 'scholen', kept: 'eerdere stand behouden',
  },
  en: {
    yes: 'yes', no: 'no', team: 'team', respondents: 'respondents', threshold: 'minimum group', published: 'published',
    area: 'area', competence: 'competence', norm: 'norm', bPlus: 'B or above', c: 'C', everyB: 'every teacher at least B',
    someC: 'C teachers in every school', priority: 'priority', growth: 'growth B or above', flanders: 'Flanders (other schools)',
    sameLevel: 'same education level', background: 'background', meanScore: 'mean score', change: 'change', previous: 'previous', current: 'now',
    schools: 'schools', kept: 'earlier state kept',
  },
} as const;

type Row = Array<string | number | null>;

export function schoolReportCsv(report: SchoolReport, language: CsvLanguage = 'nl'): string {
  const w = words[language];
  const decimal = (value: number | null) => (value === null ? null : String(value).replace('.', ','));
  const flag = (suppressed: boolean) => (suppressed ? w.yes : w.no);
  const cellRow = (table: string, part: string, category: string, cell: CountCell, mean: number | null = null): Row => [
    table, part, category, cell.count, decimal(cell.share), decimal(mean), flag(cell.suppressed),
  ];
  const bandRows = (table: string, part: string, cells: BandCell[]) => cells.map((c) => cellRow(table, part, c.band, c));
  const levelRows = (table: string, part: string, cells: LevelCell[]) => cells.map((c) => cellRow(table, part, c.level, c));
  const plain = (table: string, part: string, category: string, count: number | null, share: number | null = null, mean: number | null = null): Row => [
    table, part, category, count, decimal(share), decimal(mean), w.no,
  ];

  const rows: Row[] = [
    plain(w.team, report.campaign.schoolName, w.respondents, report.respondents),
    plain(w.team, report.campaign.schoolName, w.threshold, report.threshold),
    [w.team, report.campaign.schoolName, report.state === 'kept' ? w.kept : w.published, report.publishedAt, null, null, w.no],
    plain(w.team, report.campaign.schoolName, w.meanScore, null, null, report.meanTotal),
    ...bandRows(w.team, report.campaign.schoolName, report.overall.bands),
    ...levelRows(w.team, report.campaign.schoolName, report.overall.levels),
    cellRow(w.team, report.campaign.schoolName, w.bPlus, report.overall.bOrAbove),
    [w.norm, w.everyB, report.norms.everyTeacherAtLeastB.status, null, decimal(report.norms.everyTeacherAtLeastB.share), null, flag(report.norms.everyTeacherAtLeastB.suppressed)],
    [w.norm, w.someC, report.norms.someCInEverySchool.status, report.norms.someCInEverySchool.count, null, null, flag(report.norms.someCInEverySchool.suppressed)],
  ];
  for (const area of report.areas) {
    const part = `${area.number} ${area.name[language]}`;
    rows.push(plain(w.area, part, w.meanScore, null, area.meanShare, area.meanScore));
    rows.push(...bandRows(w.area, part, area.bands), ...levelRows(w.area, part, area.levels), cellRow(w.area, part, w.bPlus, area.bOrAbove));
  }
  for (const competence of report.competences) {
    const part = `${competence.code} ${competence.name[language]}`;
    rows.push(...competence.levels.map((level) => cellRow(w.competence, part, level.level, level, level.meanPoints)));
  }
  if (report.priorityArea) {
    const p = report.priorityArea;
    rows.push(plain(w.priority, `${p.number} ${p.name[language]}`, p.basis, null, p.shareAtA, p.meanShare));
  }
  if (report.growth) {
    rows.push(plain(w.growth, w.team, w.change, null, report.growth.overall.change));
    for (const area of report.growth.areas) {
      rows.push(plain(w.growth, `${w.area} ${area.number}`, w.previous, null, area.previous));
      rows.push(plain(w.growth, `${w.area} ${area.number}`, w.current, null, area.current));
      rows.push(plain(w.growth, `${w.area} ${area.number}`, w.change, null, area.change));
    }
  }
  const comparisonRows = (table: string, comparison: NonNullable<SchoolReport['comparisons']['flanders']>) => {
    rows.push(plain(table, w.team, w.schools, comparison.schools));
    rows.push(plain(table, w.team, w.bPlus, null, comparison.bOrAbove));
    for (const area of comparison.areas) {
      for (const band of area.bands) rows.push(plain(table, `${w.area} ${area.number}`, band.band, null, band.share));
      rows.push(plain(table, `${w.area} ${area.number}`, w.bPlus, null, area.bOrAbove));
    }
  };
  if (report.comparisons.flanders) comparisonRows(w.flanders, report.comparisons.flanders);
  if (report.comparisons.sameLevel) comparisonRows(`${w.sameLevel} (${report.comparisons.sameLevel.educationLevel})`, report.comparisons.sameLevel);
  for (const breakdown of report.breakdowns) {
    for (const group of breakdown.groups) {
      const part = `${breakdown.label[language]}: ${group.label[language]}`;
      rows.push(cellRow(w.background, part, w.respondents, group.respondents));
      rows.push(...bandRows(w.background, part, group.bands));
    }
  }
  return toCsv(headers[language], rows);
}
