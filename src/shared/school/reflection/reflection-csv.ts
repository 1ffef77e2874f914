import { toCsv } from '../../csv';
import { formatNumber } from '../../i18n/format';
import type { ReflectionGroup, ReflectionReport, ReflectionReportNoise, ReflectionStats } from './reflection';

/**
 * The reflection report as one CSV table for spreadsheets (semicolons, UTF-8 with BOM,
 * decimal commas): a line per section and per statement for each group and for all groups
 * together. A hidden number is an empty cell, marked in the last column. The counts are the
 * published noisy ones; a last line says so, with the error they carry.
 */
export type ReflectionCsvLanguage = 'nl' | 'en';

const words = {
  nl: {
    header: ['Niveau', 'Domein', 'Id', 'Naam', 'Groep', 'Respondenten', 'Gemiddelde', 'Niet van toepassing', 'Actiepunt', 'Verborgen'],
    section: 'domein',
    item: 'stelling',
    answersAt: (label: string) => `Antwoorden ${label}`,
    groups: { leaders: 'Schoolleiding', teachers: 'Leraren', pupils: 'Leerlingen', all: 'Alle groepen' },
    yes: 'ja',
    no: 'nee',
    noise: (n: NoiseWords) =>
      `Elke telling bevat een beetje willekeurige ruis, zodat niemand de antwoorden van één persoon kan terugrekenen: een telling wijkt gemiddeld ${n.expectedError} af van de echte, en 9 op de 10 tellingen wijken hoogstens ${n.errorBound} af. De gemiddelden zijn uit die tellingen berekend. Privacybudget ε = ${n.epsilon} per tabel, ${n.histograms} tabellen in publicatie ${n.publication}.`,
  },
  en: {
    header: ['Level', 'Area', 'Id', 'Name', 'Group', 'Respondents', 'Mean', 'Not applicable', 'Point for action', 'Hidden'],
    section: 'area',
    item: 'statement',
    answersAt: (label: string) => `Answers ${label}`,
    groups: { leaders: 'School leaders', teachers: 'Teachers', pupils: 'Pupils', all: 'All groups' },
    yes: 'yes',
    no: 'no',
    noise: (n: NoiseWords) =>
      `Every count carries a little random noise, so that nobody can work out one person's answers: a count differs from the true one by ${n.expectedError} on average, and 9 in 10 counts differ by at most ${n.errorBound}. The means are worked out from those counts. Privacy budget ε = ${n.epsilon} per table, ${n.histograms} tables in publication ${n.publication}.`,
  },
} satisfies Record<ReflectionCsvLanguage, { groups: Record<ReflectionGroup | 'all', string> } & Record<string, unknown>>;

/** The noise figures in the CSV's language. */
type NoiseWords = Record<'expectedError' | 'errorBound' | 'epsilon' | 'histograms' | 'publication', string>;

function noiseWords(noise: ReflectionReportNoise, language: ReflectionCsvLanguage): NoiseWords {
  return {
    expectedError: formatNumber(noise.expectedError, language, 2),
    errorBound: formatNumber(noise.errorBound, language, 0),
    epsilon: formatNumber(noise.epsilon, language, 2),
    histograms: formatNumber(noise.histograms, language, 0),
    publication: formatNumber(noise.publication, language, 0),
  };
}

const decimal = (value: number | null) => (value === null ? null : String(value).replace('.', ','));

export function reflectionReportCsv(report: ReflectionReport, language: ReflectionCsvLanguage = 'nl'): string {
  const w = words[language];
  const header = [...w.header.slice(0, 7), ...report.scale.map((step) => w.answersAt(`${step.value} (${step.label[language]})`)), ...w.header.slice(7)];
  const line = (level: string, sectionId: string, id: string, name: string, stats: ReflectionStats) => [
    level,
    sectionId,
    id,
    name,
    w.groups[stats.group],
    stats.respondents.count,
    decimal(stats.mean),
    ...stats.distribution.map((cell) => cell.count),
    stats.notApplicable,
    stats.belowAction === null ? null : stats.belowAction ? w.yes : w.no,
    stats.respondents.suppressed ? w.yes : w.no,
  ];
  const rows = report.sections.flatMap((section) => [
    ...section.groups.map((stats) => line(w.section, section.id, section.id, section.name[language], stats)),
    ...section.items.flatMap((item) => item.groups.map((stats) => line(w.item, section.id, item.id, item.statement[language], stats))),
  ]);
  return toCsv(header, [...rows, [], [w.noise(noiseWords(report.noise, language))]]);
}
