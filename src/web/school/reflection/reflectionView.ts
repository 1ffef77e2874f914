import { formatNumber, type UiLocale } from '../../../shared/i18n/format';
import type { LocalisedText } from '../../../shared/platform/text';
import { CHART_TEXT, horizontalBarFrame, isNarrowChart, noBarShown } from '../../charts/barChart';
import type { ReflectionGroup, ReflectionReport, ReflectionResponse, ReflectionStats } from './types';

/** Pure helpers for the reflection pages: the respondent's steps, what a cell says, the chart's option. */

export interface RespondentStep {
  id: string;
  /** 1-based position over all sections. */
  number: number;
  sectionName: LocalisedText;
  /** Position of the section and how many there are, for the line above the statement. */
  sectionNumber: number;
  sections: number;
  statement: LocalisedText;
  options: ReflectionResponse['questionnaire']['sections'][number]['items'][number]['options'];
}

/** The statements of a response in order, one screen each. */
export function respondentSteps(questionnaire: ReflectionResponse['questionnaire']): RespondentStep[] {
  const sections = questionnaire.sections.length;
  return questionnaire.sections
    .flatMap((section, s) => section.items.map((item) => ({ ...item, sectionName: section.name, sectionNumber: s + 1, sections })))
    .map((item, index) => ({ ...item, number: index + 1 }));
}

/** `3,25` – two decimals at most; null for no mean. */
export function meanText(mean: number | null, locale: UiLocale): string | null {
  return mean === null ? null : formatNumber(mean, locale, 2);
}

/** The stats of one group (or 'all') in a list, if it is there. */
export function statsFor(stats: readonly ReflectionStats[], group: ReflectionGroup | 'all'): ReflectionStats | undefined {
  return stats.find((entry) => entry.group === group);
}

export interface MeanChartInput {
  sections: string[];
  /** Per group: its label and the mean per section; null where hidden or not answered. */
  series: Array<{ group: ReflectionGroup; label: string; means: Array<number | null> }>;
  /** The top of the scale. */
  max: number;
}

export function meanChartInput(report: ReflectionReport, sectionName: (name: LocalisedText) => string, groupLabel: (group: ReflectionGroup) => string): MeanChartInput {
  return {
    sections: report.sections.map((section) => sectionName(section.name)),
    series: report.groups.map(({ group }) => ({
      group,
      label: groupLabel(group),
      means: report.sections.map((section) => statsFor(section.groups, group)?.mean ?? null),
    })),
    max: report.scale[report.scale.length - 1]?.value ?? 5,
  };
}

/** True when the chart would show no bar at all. */
export function noMeanShown(input: MeanChartInput): boolean {
  return noBarShown(input.series.map((serie) => serie.means));
}

const groupColours: Record<ReflectionGroup, string> = { leaders: '#1d3f8f', teachers: '#0b6e75', pupils: '#c2571a' };

/** A horizontal bar per section and group with the mean; a hidden mean leaves a gap, never a guess. */
export function meanChartOption(input: MeanChartInput, width: number) {
  const narrow = isNarrowChart(width);
  return {
    ...horizontalBarFrame(input.sections, narrow ? 110 : 220),
    xAxis: { type: 'value', min: 0, max: input.max, interval: 1, axisLabel: { color: CHART_TEXT } },
    series: input.series.map((serie) => ({
      type: 'bar',
      name: serie.label,
      barMaxWidth: 18,
      itemStyle: { color: groupColours[serie.group] },
      label: { show: !narrow, position: 'right', color: CHART_TEXT, formatter: ({ value }: { value: number | null }) => (value === null ? '' : String(value)) },
      data: serie.means,
    })),
  };
}
