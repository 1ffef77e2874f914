import { formatChange, formatNumber, type UiLocale } from '../../shared/i18n/format';
import type { XlsxColumnKind } from '../../shared/platform/xlsx-sheets';
import type { StemPublishedValue, StemSeries, StemValue } from '../../shared/stem/api';
import { STEM_SMALL_COUNT, type StemBreakdown } from '../../shared/stem/vocabulary';

/**
 * Pure rules of the public STEM monitor: how a share, a change and a count read, and the
 * data behind each chart as one table. The same table is the chart's table view and its CSV
 * and XLSX downloads, so a download holds exactly what the chart shows.
 */

/**
 * `0.3644` → `36,4%`, as the other reports of the app write a share; a target or a published
 * figure keeps the two decimals it was cited with (`40,25%`).
 */
export function shareText(share: number, locale: UiLocale, digits = 1): string {
  return `${formatNumber(share * 100, locale, digits)}%`;
}

/** A change in percentage points with its sign: `+2,9 pp`, `-0,5 pp`, `0 pp`. */
export function pointsText(points: number, locale: UiLocale): string {
  return `${formatChange(Math.round(points * 10) / 10, locale)} pp`;
}

/** A count of pupils; 1 to 4 read `< 5`, as the ministry's school dashboards write them. */
export function countText(count: number, locale: UiLocale): string {
  return count > 0 && count < STEM_SMALL_COUNT ? `< ${STEM_SMALL_COUNT}` : formatNumber(count, locale, 0);
}

/** The share of a value as a chart draws it, in percent; null (a gap, never 0) when it is hidden or has no data. */
export function plottedShare(value: StemValue | undefined): number | null {
  return value?.status === 'shown' && value.share !== null ? Math.round(value.share * 10000) / 100 : null;
}

/** Share − other share in percentage points, or null when either is not shown. */
export function gapPoints(a: StemValue | undefined, b: StemValue | undefined): number | null {
  const first = plottedShare(a);
  const second = plottedShare(b);
  return first === null || second === null ? null : Math.round((first - second) * 100) / 100;
}

/** The words the tables need, in the reader's language. */
export interface StemWords {
  hidden: string;
  noData: string;
  /** Why a value is hidden: a group under five pupils. */
  hiddenReason: string;
  flanders: string;
  group: (key: string) => string;
  columns: {
    year: string;
    group: string;
    share: string;
    numerator: string;
    denominator: string;
    change: string;
    published: string;
    source: string;
    origin: string;
    definition: string;
    note: string;
    province: string;
    girls: string;
    boys: string;
    gap: string;
  };
  origin: (source: string) => string;
}

/**
 * One cell of a data table: `text` is what the table view shows, `value` what a download holds
 * (a number, a marker such as "< 5" or "verborgen", or nothing).
 */
export interface StemCell {
  text: string;
  value: string | number | null;
}

export interface StemDataTable {
  caption: string;
  /** The download's file name, without extension. */
  fileName: string;
  columns: Array<{ header: string; kind: XlsxColumnKind }>;
  /** The first cell of a row names it. */
  rows: StemCell[][];
}

const textCell = (text: string): StemCell => ({ text, value: text });
const empty: StemCell = { text: '', value: null };

function percentCell(share: number | null, locale: UiLocale, digits = 1): StemCell {
  return share === null ? empty : { text: shareText(share, locale, digits), value: Math.round(share * 10000) / 100 };
}

function pointsCell(points: number | null, locale: UiLocale): StemCell {
  return points === null ? empty : { text: pointsText(points, locale), value: Math.round(points * 100) / 100 };
}

function countCell(count: number | null, locale: UiLocale): StemCell {
  if (count === null) return empty;
  const text = countText(count, locale);
  return { text, value: count > 0 && count < STEM_SMALL_COUNT ? text : count };
}

/** Share, numerator and denominator of a value, and the note on a hidden one or one without data. */
function valueCells(value: StemValue | undefined, locale: UiLocale, words: StemWords): { cells: StemCell[]; note: StemCell } {
  if (!value || value.status === 'no_data') return { cells: [textCell(words.noData), empty, empty], note: empty };
  if (value.status === 'hidden') return { cells: [textCell(words.hidden), textCell(words.hidden), textCell(words.hidden)], note: textCell(words.hiddenReason) };
  return { cells: [percentCell(value.share, locale), countCell(value.numerator, locale), countCell(value.denominator, locale)], note: empty };
}

/** The published value of an indicator for a year and group, if the sources give one. */
export function publishedValue(published: readonly StemPublishedValue[], year: string, breakdown: StemBreakdown, group: string | null): StemPublishedValue | undefined {
  return published.find((p) => p.year === year && (group === null ? p.group === null : p.breakdown === breakdown && p.group === group));
}

/**
 * The time series as a table: a row per school year and group (Flanders first), with the share,
 * its numerator and denominator, the change against the baseline, the published value and its
 * source where there is one, where the counts came from (demo data says so on every row) and
 * which definition of STEM the year was computed with.
 */
export function seriesTable(series: StemSeries, caption: string, locale: UiLocale, words: StemWords, definitionName: (id: string) => string): StemDataTable {
  const c = words.columns;
  const rows = series.years.flatMap((year) => {
    const groups = [
      { key: null, name: words.flanders, value: year.total, change: year.changeFromBaselinePp },
      ...(year.groups ?? []).map((group) => ({ key: group.key, name: words.group(group.key), value: group.value, change: group.changeFromBaselinePp })),
    ];
    return groups.map((group) => {
      const { cells, note } = valueCells(group.value, locale, words);
      const published = publishedValue(series.published, year.year, series.breakdown, group.key);
      return [
        textCell(year.year),
        textCell(group.name),
        ...cells,
        pointsCell(group.change, locale),
        percentCell(published?.value ?? null, locale, 2),
        published ? textCell(`${published.source}, ${published.sourceUrl}`) : empty,
        textCell(words.origin(year.source)),
        textCell(definitionName(year.definition)),
        note,
      ];
    });
  });
  return {
    caption,
    fileName: `stem-${series.indicator}-${series.breakdown}`,
    columns: [
      { header: c.year, kind: 'text' },
      { header: c.group, kind: 'text' },
      { header: c.share, kind: 'percent' },
      { header: c.numerator, kind: 'integer' },
      { header: c.denominator, kind: 'integer' },
      { header: c.change, kind: 'decimal' },
      { header: c.published, kind: 'percent' },
      { header: c.source, kind: 'text' },
      { header: c.origin, kind: 'text' },
      { header: c.definition, kind: 'text' },
      { header: c.note, kind: 'text' },
    ],
    rows,
  };
}

/** The latest school year of a series, or undefined without counts. */
export const latestYear = (series: StemSeries) => series.years.at(-1);

/** The provinces of the latest year beside Flanders: share, numerator, denominator and the difference with Flanders. */
export function provinceTable(series: StemSeries, caption: string, locale: UiLocale, words: StemWords): StemDataTable {
  const c = words.columns;
  const year = latestYear(series);
  const rows = year
    ? [{ key: null as string | null, value: year.total }, ...(year.groups ?? []).map((group) => ({ key: group.key as string | null, value: group.value }))].map((row) => {
        const { cells, note } = valueCells(row.value, locale, words);
        return [textCell(row.key === null ? words.flanders : words.group(row.key)), ...cells, pointsCell(row.key === null ? null : gapPoints(row.value, year.total), locale), note];
      })
    : [];
  return {
    caption,
    fileName: `stem-${series.indicator}-province-${year?.year ?? 'none'}`,
    columns: [
      { header: c.province, kind: 'text' },
      { header: c.share, kind: 'percent' },
      { header: c.numerator, kind: 'integer' },
      { header: c.denominator, kind: 'integer' },
      { header: c.gap, kind: 'decimal' },
      { header: c.note, kind: 'text' },
    ],
    rows,
  };
}

/** Girls' and boys' shares per school year and the gap between them (girls − boys, in pp). */
export function genderGapTable(series: StemSeries, caption: string, locale: UiLocale, words: StemWords): StemDataTable {
  const c = words.columns;
  const rows = series.years.map((year) => {
    const girls = year.groups?.find((group) => group.key === 'f')?.value;
    const boys = year.groups?.find((group) => group.key === 'm')?.value;
    const hidden = girls?.status === 'hidden' || boys?.status === 'hidden';
    return [
      textCell(year.year),
      valueCells(girls, locale, words).cells[0],
      valueCells(boys, locale, words).cells[0],
      pointsCell(gapPoints(girls, boys), locale),
      hidden ? textCell(words.hiddenReason) : empty,
    ];
  });
  return {
    caption,
    fileName: `stem-${series.indicator}-gender-gap`,
    columns: [
      { header: c.year, kind: 'text' },
      { header: c.girls, kind: 'percent' },
      { header: c.boys, kind: 'percent' },
      { header: c.gap, kind: 'decimal' },
      { header: c.note, kind: 'text' },
    ],
    rows,
  };
}
