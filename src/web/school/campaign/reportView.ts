import { formatNumber, type UiLocale } from '../../../shared/i18n/format';
import { CHART_TEXT, HIDDEN_STYLE, hiddenRemainders, horizontalBarFrame, isNarrowChart } from '../../charts/barChart';
import type { SchoolReport } from '../types';

/** Pure helpers for the team report page: what each cell says, and the area chart's option. */

export interface ShownCell {
  count: number | null;
  share: number | null;
}

/** `42,9% (6)` for a published (noisy) cell; null for a number the report does not have. */
export function cellText(cell: ShownCell, locale: UiLocale): string | null {
  if (cell.count === null) return null;
  const share = cell.share === null ? '' : `${formatNumber(cell.share, locale)}%`;
  return share ? `${share} (${formatNumber(cell.count, locale, 0)})` : formatNumber(cell.count, locale, 0);
}

/** A whole or one-decimal percentage, or null. */
export function percentText(share: number | null, locale: UiLocale): string | null {
  return share === null ? null : `${formatNumber(share, locale)}%`;
}

/** The level codes across the report's columns, in the framework's order (A1 … C2). */
export function levelColumns(report: Pick<SchoolReport, 'overall'>): string[] {
  return report.overall.levels.map((level) => level.level);
}

/** True when some share is hidden, so the chart draws a hatched mark and says why. */
export function someShareHidden(input: AreaChartInput): boolean {
  return input.series.some((serie) => serie.shares.includes(null));
}

/** The numbers the report's sentence on its noise needs, formatted for the reader. */
export function noiseNoteValues(noise: SchoolReport['noise'], locale: UiLocale) {
  return {
    error: formatNumber(noise.expectedError, locale, 2),
    inTen: Math.round(noise.confidence * 10),
    bound: noise.bound,
    epsilon: formatNumber(noise.epsilon, locale),
    histograms: noise.histograms,
  };
}

export interface AreaChartInput {
  /** Area names, first area first. */
  areas: string[];
  /** Per band (A, B, C): its name and the share per area; null where hidden. */
  series: Array<{ band: string; label: string; shares: Array<number | null> }>;
  percentLabel: string;
  /** The name of the hatched mark that stands for hidden shares ("verborgen"). */
  hiddenLabel: string;
}

const bandColours: Record<string, string> = { A: '#c2571a', B: '#0b6e75', C: '#1d3f8f' };

/**
 * A horizontal stacked bar per area over A / B / C. Hidden shares are never drawn as zero or
 * guessed: what the shown shares leave of 100% is one hatched mark named "hidden".
 */
export function areaChartOption(input: AreaChartInput, width: number) {
  const narrow = isNarrowChart(width);
  const shares = input.series.map((serie) => serie.shares);
  return {
    // on a narrow screen only the area's number, in a narrow column (a wrapped label keeps its
    // whole width); the table beside the chart names it in full
    ...horizontalBarFrame(
      input.areas.map((name) => (narrow ? name.split('.')[0] : name)),
      narrow ? 24 : 240,
    ),
    xAxis: {
      type: 'value',
      max: 100,
      axisLabel: { formatter: `{value}${input.percentLabel}`, color: CHART_TEXT },
    },
    series: [
      ...input.series.map((serie) => ({
        type: 'bar',
        name: serie.label,
        stack: 'bands',
        barMaxWidth: 28,
        itemStyle: { color: bandColours[serie.band] ?? '#4a5863' },
        label: { show: !narrow, color: '#fff', formatter: ({ value }: { value: number | null }) => (value && value >= 8 ? `${Math.round(value)}%` : '') },
        data: serie.shares.map((share) => (share === null ? '-' : share)),
      })),
      ...(someShareHidden(input)
        ? [
            {
              type: 'bar',
              name: input.hiddenLabel,
              stack: 'bands',
              barMaxWidth: 28,
              itemStyle: HIDDEN_STYLE,
              label: { show: !narrow, color: CHART_TEXT, formatter: input.hiddenLabel },
              data: hiddenRemainders(shares, input.areas.length, 100),
            },
          ]
        : []),
    ],
  };
}
