import type { CentreTarget, NeedsOfferCell } from '../../shared/centre/needs-offer.api';
import { formatNumber, formatPercent, type UiLocale } from '../../shared/i18n/format';
import type { ChartTableData } from '../charts/chartTable';

/** The words the heatmap and its table need, in the page's language. */
export interface GapWords {
  province: (code: string) => string;
  hidden: string;
  caption: string;
  rowHeader: string;
}

/** The heatmap's cells: provinces (rows) × competences (columns), the shortfall in each; a hidden need is drawn as hidden, never as zero. */
export function gapHeatmapInput(cells: readonly NeedsOfferCell[], targets: readonly CentreTarget[]) {
  const provinces = [...new Set(cells.map((cell) => cell.province))].sort();
  const competences = targets.map((target) => target.competence);
  const shown: Array<[number, number, number]> = [];
  const hidden: Array<[number, number, number]> = [];
  for (const cell of cells) {
    const x = competences.indexOf(cell.competence);
    const y = provinces.indexOf(cell.province);
    if (x < 0 || y < 0) continue;
    if (cell.shortfall === null) hidden.push([x, y, 0]);
    else shown.push([x, y, cell.shortfall]);
  }
  return { provinces, competences, shown, hidden, max: Math.max(1, ...shown.map((value) => value[2])) };
}

/** The ECharts option of the heatmap; hidden cells are a grey series of their own, outside the colour scale. */
export function gapHeatmapOption(input: ReturnType<typeof gapHeatmapInput>, provinceName: (code: string) => string, hiddenLabel: string, width: number) {
  const narrow = width < 560;
  return {
    animation: false,
    grid: { left: narrow ? 90 : 130, right: 16, top: 8, bottom: 70 },
    xAxis: { type: 'category', data: input.competences, axisLabel: { rotate: narrow ? 90 : 0, fontSize: 11 }, splitArea: { show: true } },
    yAxis: { type: 'category', data: input.provinces.map(provinceName), splitArea: { show: true } },
    visualMap: { min: 0, max: input.max, calculable: false, orient: 'horizontal', left: 'center', bottom: 0, seriesIndex: 0, inRange: { color: ['#f7fbff', '#f4a259', '#9e2a2b'] } },
    series: [
      { name: 'shortfall', type: 'heatmap', data: input.shown, label: { show: !narrow, fontSize: 10 } },
      {
        name: hiddenLabel,
        type: 'heatmap',
        data: input.hidden,
        itemStyle: { color: '#b8b8b8', borderColor: '#ffffff', borderWidth: 1 },
        label: { show: !narrow, formatter: '×', fontSize: 10 },
      },
    ],
  };
}

/** The heatmap's numbers as a table: a row per province, a column per competence, the shortfall or "hidden". */
export function gapHeatmapTable(input: ReturnType<typeof gapHeatmapInput>, words: GapWords, locale: UiLocale): ChartTableData {
  const value = new Map<string, string>();
  for (const [x, y, shortfall] of input.shown) value.set(`${x}:${y}`, formatNumber(shortfall, locale, 0));
  for (const [x, y] of input.hidden) value.set(`${x}:${y}`, words.hidden);
  return {
    caption: words.caption,
    rowHeader: words.rowHeader,
    columns: input.competences,
    rows: input.provinces.map((province, y) => ({ name: words.province(province), cells: input.competences.map((_, x) => value.get(`${x}:${y}`) ?? '') })),
  };
}

export type GapSort = 'rank' | 'need' | 'places' | 'shortfall' | 'gapIndex';

/** The table view's order: the gap's rank, or a column, largest first; hidden values last. */
export function sortGaps(cells: readonly NeedsOfferCell[], sort: GapSort): NeedsOfferCell[] {
  if (sort === 'rank') return [...cells].sort((a, b) => a.rank - b.rank);
  const value = (cell: NeedsOfferCell) => cell[sort];
  return [...cells].sort((a, b) => {
    const [x, y] = [value(a), value(b)];
    if (x === null || y === null) return x === y ? a.rank - b.rank : x === null ? 1 : -1;
    return y - x || a.rank - b.rank;
  });
}

/** A count or "hidden". */
export const countText = (value: number | null, locale: UiLocale, hidden: string) => (value === null ? hidden : formatNumber(value, locale, 0));
/** The gap index as a percentage or "hidden". */
export const indexText = (value: number | null, locale: UiLocale, hidden: string) => (value === null ? hidden : formatPercent(value, locale));
