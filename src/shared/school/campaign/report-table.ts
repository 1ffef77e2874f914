import { formatDateTime } from '../../i18n/format';
import type { BandCell, Comparison, CountCell, LevelCell, Norm, SchoolReport } from './report';

/**
 * The school report as plain tables: one line per number shown in the report, with the table
 * and part it belongs to. The CSV and the XLSX export both serialise these lines, so the two
 * downloads always hold the same numbers, and never more than the report does: noisy counts
 * and their shares, no means.
 */
export type ReportLanguage = 'nl' | 'en';

/** A number the report does not have (growth against a campaign without it): shown as an explicit marker, never as a number. */
export const HIDDEN = Object.freeze({ hidden: true as const });
export type Hidden = typeof HIDDEN;
export type ReportValue = number | string | null | Hidden;
export const isHidden = (value: ReportValue): value is Hidden => value === HIDDEN;

export interface ReportLine {
  table: string;
  part: string;
  category: string;
  count: ReportValue;
  /** A percentage (0–100), as in the report. */
  share: ReportValue;
  suppressed: boolean;
}

/** Which sheet of the XLSX a table becomes; the CSV puts them one after the other. */
export type ReportTableId = 'team' | 'areas' | 'competences' | 'growth' | 'comparison' | 'breakdowns';

export interface ReportTable {
  id: ReportTableId;
  title: string;
  lines: ReportLine[];
}

export const reportColumns: Record<ReportLanguage, { table: string; part: string; category: string; count: string; share: string; suppressed: string }> = {
  nl: { table: 'tabel', part: 'onderdeel', category: 'categorie', count: 'aantal', share: 'aandeel_pct', suppressed: 'verborgen' },
  en: { table: 'table', part: 'part', category: 'category', count: 'count', share: 'share_pct', suppressed: 'suppressed' },
};

/**
 * The sentence every download opens with: its counts carry a little random noise, how large it
 * is, and ε, so a reader of a spreadsheet knows what they hold as well as a reader of the page.
 */
export function noiseNote(noise: SchoolReport['noise'], language: ReportLanguage): string {
  const decimal = (value: number) => (language === 'nl' ? String(value).replace('.', ',') : String(value));
  const inTen = Math.round(noise.confidence * 10);
  return language === 'nl'
    ? `Elk aantal in dit rapport bevat een beetje willekeurige ruis, zodat niemand er de antwoorden van één persoon uit kan afleiden: gemiddeld wijkt een aantal ${decimal(noise.expectedError)} af, en ${inTen} op 10 aantallen wijken hoogstens ${noise.bound} af (ε = ${decimal(noise.epsilon)} per tabel, ${noise.histograms} tabellen).`
    : `Every count in this report carries a little random noise, so that nobody can work out one person's answers from it: a count is off by ${decimal(noise.expectedError)} on average, and ${inTen} in 10 counts are off by at most ${noise.bound} (ε = ${decimal(noise.epsilon)} per table, ${noise.histograms} tables).`;
}

const words = {
  nl: {
    yes: 'ja',
    no: 'nee',
    team: 'team',
    respondents: 'respondenten',
    threshold: 'minimale groep',
    published: 'gepubliceerd',
    area: 'domein',
    competence: 'competentie',
    aim: 'streefdoel',
    bPlus: 'B of hoger',
    reached: 'bereikt',
    pointsToGo: (gap: string) => `nog ${gap} procentpunten`,
    teachersToGo: (gap: string) => `nog ${gap} ${gap === '1' ? 'leraar' : 'leraren'}`,
    priority: 'prioriteit',
    growth: 'groei B of hoger',
    flanders: 'Vlaanderen (andere scholen)',
    sameLevel: 'zelfde onderwijsniveau',
    background: 'achtergrond',
    noise: 'ruis',
    change: 'verschil',
    previous: 'vorige',
    current: 'nu',
    schools: 'scholen',
    kept: 'eerdere stand behouden',
    hidden: 'niet beschikbaar',
    largestShareAtA: 'grootste aandeel op niveau A',
  },
  en: {
    yes: 'yes',
    no: 'no',
    team: 'team',
    respondents: 'respondents',
    threshold: 'minimum group',
    published: 'published',
    area: 'area',
    competence: 'competence',
    aim: 'aim',
    bPlus: 'B or above',
    reached: 'reached',
    pointsToGo: (gap: string) => `${gap} points to go`,
    teachersToGo: (gap: string) => `${gap} ${gap === '1' ? 'teacher' : 'teachers'} to go`,
    priority: 'priority',
    growth: 'growth B or above',
    flanders: 'Flanders (other schools)',
    sameLevel: 'same education level',
    background: 'background',
    noise: 'noise',
    change: 'change',
    previous: 'previous',
    current: 'now',
    schools: 'schools',
    kept: 'earlier state kept',
    hidden: 'not available',
    largestShareAtA: 'largest share at level A',
  },
} as const;

const tableTitles: Record<ReportLanguage, Record<ReportTableId, string>> = {
  nl: { team: 'Team', areas: 'Domeinen', competences: 'Competenties', growth: 'Groei', comparison: 'Vergelijking', breakdowns: 'Achtergrond' },
  en: { team: 'Team', areas: 'Areas', competences: 'Competences', growth: 'Growth', comparison: 'Comparison', breakdowns: 'Background' },
};

/** The words the exports use for yes/no and for a hidden number, per language. */
export function reportWords(language: ReportLanguage) {
  return words[language];
}

/** Comparison and growth give a share only; null there always means "not shown". */
const shownShare = (share: number | null): number | Hidden => (share === null ? HIDDEN : share);

function line(table: string, part: string, category: string, values: Partial<Pick<ReportLine, 'count' | 'share'>> = {}): ReportLine {
  const { count = null, share = null } = values;
  const suppressed = [count, share].some(isHidden);
  return { table, part, category, count, share, suppressed };
}

function cellLine(table: string, part: string, category: string, cell: CountCell): ReportLine {
  return line(table, part, category, { count: cell.count, share: cell.share });
}

const bandLines = (table: string, part: string, cells: BandCell[]) => cells.map((c) => cellLine(table, part, c.band, c));
const levelLines = (table: string, part: string, cells: LevelCell[]) => cells.map((c) => cellLine(table, part, c.level, c));

function teamTable(report: SchoolReport, language: ReportLanguage): ReportLine[] {
  const w = words[language];
  const school = report.campaign.schoolName;
  const lines = [
    line(w.team, school, w.respondents, { count: report.respondents }),
    line(w.team, school, w.threshold, { count: report.threshold }),
    // On the Brussels clock, as a reader in a school expects it (nl-BE: 15/12/2026 11:00).
    line(w.team, school, report.state === 'kept' ? w.kept : w.published, { count: formatDateTime(report.publishedAt, language) }),
    line(w.team, w.noise, noiseNote(report.noise, language)),
    ...bandLines(w.team, school, report.overall.bands),
    ...levelLines(w.team, school, report.overall.levels),
    cellLine(w.team, school, w.bPlus, report.overall.bOrAbove),
    ...report.norms.map((norm) => aimLine(norm, language)),
  ];
  const p = report.priorityArea;
  if (p) lines.push(line(w.priority, `${p.number} ${p.name[language]}`, basisWords[p.basis](w), { share: p.shareAtA }));
  return lines;
}

/** Why an area is the priority, in the reader's words rather than the report's code. */
const basisWords: Record<NonNullable<SchoolReport['priorityArea']>['basis'], (w: (typeof words)[ReportLanguage]) => string> = {
  largest_share_at_a: (w) => w.largestShareAtA,
};

/** An aim as one line: its label, how far the team is from it (never a verdict), and the team's share or count. */
function aimLine(norm: Norm, language: ReportLanguage): ReportLine {
  const w = words[language];
  const gap = language === 'nl' ? String(norm.gap).replace('.', ',') : String(norm.gap);
  const distance = norm.status === 'reached' ? w.reached : norm.kind === 'share_at_or_above' ? w.pointsToGo(gap) : w.teachersToGo(gap);
  return line(w.aim, norm.label[language], distance, norm.kind === 'share_at_or_above' ? { share: norm.value } : { count: norm.value });
}

function areasTable(report: SchoolReport, language: ReportLanguage): ReportLine[] {
  const w = words[language];
  return report.areas.flatMap((area) => {
    const part = `${area.number} ${area.name[language]}`;
    return [...bandLines(w.area, part, area.bands), ...levelLines(w.area, part, area.levels), cellLine(w.area, part, w.bPlus, area.bOrAbove)];
  });
}

function competencesTable(report: SchoolReport, language: ReportLanguage): ReportLine[] {
  const w = words[language];
  return report.competences.flatMap((competence) => {
    const part = `${competence.code} ${competence.name[language]}`;
    return [...levelLines(w.competence, part, competence.levels), ...bandLines(w.competence, part, competence.bands), cellLine(w.competence, part, w.bPlus, competence.bOrAbove)];
  });
}

function growthTable(report: SchoolReport, language: ReportLanguage): ReportLine[] {
  const w = words[language];
  if (!report.growth) return [];
  return [
    line(w.growth, w.team, w.change, { share: shownShare(report.growth.overall.change) }),
    ...report.growth.areas.flatMap((area) => {
      const part = `${w.area} ${area.number}`;
      return [
        line(w.growth, part, w.previous, { share: shownShare(area.previous) }),
        line(w.growth, part, w.current, { share: shownShare(area.current) }),
        line(w.growth, part, w.change, { share: shownShare(area.change) }),
      ];
    }),
  ];
}

function comparisonLines(table: string, comparison: Comparison, language: ReportLanguage): ReportLine[] {
  const w = words[language];
  return [
    line(table, w.team, w.schools, { count: comparison.schools }),
    line(table, w.team, w.bPlus, { share: shownShare(comparison.bOrAbove) }),
    ...comparison.areas.flatMap((area) => [
      ...area.bands.map((band) => line(table, `${w.area} ${area.number}`, band.band, { share: shownShare(band.share) })),
      line(table, `${w.area} ${area.number}`, w.bPlus, { share: shownShare(area.bOrAbove) }),
    ]),
  ];
}

function comparisonTable(report: SchoolReport, language: ReportLanguage): ReportLine[] {
  const w = words[language];
  const { flanders, sameLevel } = report.comparisons;
  return [
    ...(flanders ? comparisonLines(w.flanders, flanders, language) : []),
    ...(sameLevel ? comparisonLines(`${w.sameLevel} (${sameLevel.educationLevel})`, sameLevel, language) : []),
  ];
}

function breakdownsTable(report: SchoolReport, language: ReportLanguage): ReportLine[] {
  const w = words[language];
  return report.breakdowns.flatMap((breakdown) =>
    breakdown.groups.flatMap((group) => {
      const part = `${breakdown.label[language]}: ${group.label[language]}`;
      return [cellLine(w.background, part, w.respondents, group.respondents), ...bandLines(w.background, part, group.bands)];
    }),
  );
}

const builders: Record<ReportTableId, (report: SchoolReport, language: ReportLanguage) => ReportLine[]> = {
  team: teamTable,
  areas: areasTable,
  competences: competencesTable,
  growth: growthTable,
  comparison: comparisonTable,
  breakdowns: breakdownsTable,
};

/** The report's tables in reading order; a table with nothing to show (no growth, no comparison) is left out. */
export function schoolReportTables(report: SchoolReport, language: ReportLanguage = 'nl'): ReportTable[] {
  return (Object.keys(builders) as ReportTableId[])
    .map((id) => ({ id, title: tableTitles[language][id], lines: builders[id](report, language) }))
    .filter((table) => table.lines.length > 0);
}
