import type { FlandersPicture, PictureCell, PictureDistribution, PictureGroup } from '../../shared/centre/digisnap-picture';
import { formatNumber, type UiLocale } from '../../shared/i18n/format';
import { CHART_TEXT, HIDDEN_STYLE, hiddenRemainders, horizontalBarFrame, isNarrowChart } from '../charts/barChart';
import type { ChartTableData } from '../charts/chartTable';

/** Pure helpers of the centre's overview page: which histogram is shown, its table and its chart. */

/** The histogram the chart shows: the overall level, an area's (`area:2`) or a competence's (`competence:2.1`). */
export type HistogramChoice = 'overall' | `area:${number}` | `competence:${string}`;

export function histogramOf(group: PictureGroup, choice: HistogramChoice): PictureDistribution | undefined {
  if (choice === 'overall') return group.overall;
  const [kind, id] = choice.split(':');
  if (kind === 'area') return group.areas.find((area) => String(area.number) === id);
  return group.competences.find((competence) => competence.code === id);
}

/** A choice read from the address; an unknown one is the overall level. */
export function parseChoice(value: string | null, picture: Pick<FlandersPicture, 'areas' | 'competences'>): HistogramChoice {
  if (value?.startsWith('area:') && picture.areas.some((area) => `area:${area.number}` === value)) return value as HistogramChoice;
  if (value?.startsWith('competence:') && picture.competences.some((competence) => `competence:${competence.code}` === value)) return value as HistogramChoice;
  return 'overall';
}

export interface PictureWords {
  group: (key: string) => string;
  hidden: string;
  respondents: string;
  groupHeader: string;
}

/** `42,9% (6)` for a shown cell; the hidden word for a hidden one, never 0. */
export function cellText(cell: PictureCell, locale: UiLocale, hidden: string): string {
  if (cell.hidden || cell.count === null) return hidden;
  const count = formatNumber(cell.count, locale, 0);
  return cell.share === null ? count : `${formatNumber(cell.share, locale)}% (${count})`;
}

/** The levels the chosen histogram has, in the framework's order. */
export function levelsOf(picture: FlandersPicture, choice: HistogramChoice): string[] {
  const first = picture.groups[0];
  return first ? (histogramOf(first, choice)?.levels.map((cell) => cell.level) ?? []) : [];
}

/** The chart's numbers as a table: a row per group, its respondents and a column per level. */
export function levelTable(picture: FlandersPicture, choice: HistogramChoice, caption: string, locale: UiLocale, words: PictureWords): ChartTableData {
  const levels = levelsOf(picture, choice);
  return {
    caption,
    rowHeader: words.groupHeader,
    columns: [words.respondents, ...levels],
    rows: picture.groups.map((group) => {
      const histogram = histogramOf(group, choice);
      return {
        name: words.group(group.key),
        cells: histogram ? [cellText(histogram.total, locale, words.hidden), ...histogram.levels.map((cell) => cellText(cell, locale, words.hidden))] : [],
      };
    }),
  };
}

export interface LevelChartInput {
  groups: string[];
  levels: string[];
  /** Per level, the share of each group; null where hidden. */
  shares: Array<Array<number | null>>;
  hiddenLabel: string;
  percentLabel: string;
}

export function levelChartInput(picture: FlandersPicture, choice: HistogramChoice, words: PictureWords): LevelChartInput {
  const levels = levelsOf(picture, choice);
  return {
    groups: picture.groups.map((group) => words.group(group.key)),
    levels,
    shares: levels.map((_, l) => picture.groups.map((group) => histogramOf(group, choice)?.levels[l]?.share ?? null)),
    hiddenLabel: words.hidden,
    percentLabel: '%',
  };
}

/** A colour per level, from light (A1) to dark (C2), each readable under white labels. */
const levelColours = ['#b35806', '#e08214', '#5e8ab4', '#2d6a9f', '#1b7837', '#00441b'];

/** Stacked horizontal bars, a bar per group adding up to 100%, hidden parts drawn hatched (never as zero). */
export function levelChartOption(input: LevelChartInput, width: number) {
  const narrow = isNarrowChart(width);
  const anyHidden = input.shares.some((values) => values.some((value) => value === null));
  return {
    ...horizontalBarFrame(input.groups, narrow ? 80 : 180),
    xAxis: { type: 'value', max: 100, axisLabel: { formatter: `{value}${input.percentLabel}`, color: CHART_TEXT } },
    series: [
      ...input.levels.map((level, l) => ({
        type: 'bar',
        name: level,
        stack: 'levels',
        barMaxWidth: 28,
        itemStyle: { color: levelColours[l % levelColours.length] },
        label: { show: !narrow, color: '#fff', formatter: ({ value }: { value: number | null }) => (value && value >= 8 ? `${Math.round(value)}%` : '') },
        data: input.shares[l].map((share) => (share === null ? '-' : share)),
      })),
      ...(anyHidden
        ? [{ type: 'bar', name: input.hiddenLabel, stack: 'levels', barMaxWidth: 28, itemStyle: HIDDEN_STYLE, data: hiddenRemainders(input.shares, input.groups.length, 100) }]
        : []),
    ],
  };
}

/** Participation per group as a table: schools, schools with a finished round, teachers, respondents and their share. */
export function participationTable(
  picture: FlandersPicture,
  caption: string,
  locale: UiLocale,
  words: PictureWords,
  columns: { schools: string; finished: string; teachers: string; participation: string },
): ChartTableData {
  return {
    caption,
    rowHeader: words.groupHeader,
    columns: [columns.schools, columns.finished, columns.teachers, words.respondents, columns.participation],
    rows: picture.groups.map((group) => ({
      name: words.group(group.key),
      cells: [
        formatNumber(group.schools, locale, 0),
        formatNumber(group.schoolsWithFinishedRound, locale, 0),
        formatNumber(group.teachers, locale, 0),
        group.respondents.count === null ? words.hidden : formatNumber(group.respondents.count, locale, 0),
        group.participation === null ? words.hidden : `${formatNumber(group.participation, locale)}%`,
      ],
    })),
  };
}
