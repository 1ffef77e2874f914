import { formatNumber, type UiLocale } from '../../i18n/format';
import type { StemValue } from '../../stem/api';
import type { GoalStemFigure } from './policy-plan';

/** The words a goal's STEM figure is written with, in the reader's language. */
export interface StemFigureWords {
  flanders: string;
  /** A share the monitor's small-number rule hid. */
  hidden: string;
  noData: string;
  province: (key: string) => string;
}

/** A share as the STEM monitor writes it (`36,4%`), or why there is none. */
export function stemValueText(value: StemValue | null, locale: UiLocale, words: StemFigureWords): string {
  if (value?.status === 'hidden') return words.hidden;
  if (value === null || value.share === null) return words.noData;
  return `${formatNumber(value.share * 100, locale, 1)}%`;
}

/**
 * A goal's STEM figure in one line, the same on the page, in print and in the downloads:
 * `Antwerpen 36,4% · Vlaanderen 35,1% (2023-2024)`; without counts only the words for no data.
 */
export function stemFigureText(figure: GoalStemFigure, locale: UiLocale, words: StemFigureWords): string {
  if (figure.year === null) return words.noData;
  const flanders = `${words.flanders} ${stemValueText(figure.flanders, locale, words)}`;
  const values = figure.province === null ? flanders : `${words.province(figure.province)} ${stemValueText(figure.provinceValue, locale, words)} · ${flanders}`;
  return `${values} (${figure.year})`;
}
