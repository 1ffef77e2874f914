import { toCsv } from '../../csv';
import type { ReflectionGroup, ReflectionReport, ReflectionStats } from './reflection';

/**
 * The reflection report as one CSV table for spreadsheets (semicolons, UTF-8 with BOM,
 * decimal commas): a line per section and per statement for each group and for all groups
 * together. A hidden number is an empty cell, marked in the last column.
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
  },
  en: {
    header: ['Level', 'Area', 'Id', 'Name', 'Group', 'Respondents', 'Mean', 'Not applicable', 'Point for action', 'Hidden'],
    section: 'area',
    item: 'statement',
    answersAt: (label: string) => `Answers ${label}`,
    groups: { leaders: 'School leaders', teachers: 'Teachers', pupils: 'Pupils', all: 'All groups' },
    yes: 'yes',
    no: 'no',
  },
} satisfies Record<ReflectionCsvLanguage, { groups: Record<ReflectionGroup | 'all', string> } & Record<string, unknown>>;

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
  return toCsv(header, rows);
}
