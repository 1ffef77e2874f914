/**
 * Number and date formatting for the interface languages. Both use Belgian
 * conventions (`1.234,5`, `29/11/2026`), in the Europe/Brussels time zone,
 * so a date reads the same for every teacher whatever their device says.
 */
export type UiLocale = 'nl' | 'en';

const TIME_ZONE = 'Europe/Brussels';

export function intlLocale(locale: UiLocale): string {
  return locale === 'en' ? 'en-BE' : 'nl-BE';
}

const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: UiLocale, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(intlLocale(locale), options);
    numberFormats.set(key, format);
  }
  return format;
}

/** `1234.5` → `1.234,5`; at most `maximumFractionDigits` decimals (default 1). */
export function formatNumber(value: number, locale: UiLocale, maximumFractionDigits = 1): string {
  return numberFormat(locale, { maximumFractionDigits }).format(value);
}

/** A change with its sign: `+3`, `-2`, `0`. */
export function formatChange(value: number, locale: UiLocale): string {
  return numberFormat(locale, { signDisplay: 'exceptZero', maximumFractionDigits: 1 }).format(value);
}

/** A score out of a maximum: `52 / 88`. */
export function formatScore(score: number, max: number, locale: UiLocale): string {
  return `${formatNumber(score, locale)} / ${formatNumber(max, locale)}`;
}

/** `0.25` → `25%` (no space, as Belgian Dutch writes it in running text). */
export function formatPercent(ratio: number, locale: UiLocale): string {
  return numberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(ratio).replace(/\s/g, '');
}

function toDate(value: string | Date): Date {
  return typeof value === 'string' ? new Date(value) : value;
}

/** An ISO timestamp or Date → `29/11/2026` (Brussels calendar day). */
export function formatDate(value: string | Date, locale: UiLocale): string {
  return new Intl.DateTimeFormat(intlLocale(locale), {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    timeZone: TIME_ZONE,
  }).format(toDate(value));
}

/** An ISO timestamp or Date → `29/11/2026 14:05` (Brussels time, 24-hour clock). */
export function formatDateTime(value: string | Date, locale: UiLocale): string {
  const time = new Intl.DateTimeFormat(intlLocale(locale), {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: TIME_ZONE,
  }).format(toDate(value));
  return `${formatDate(value, locale)} ${time}`;
}

/** An ISO timestamp or Date → `14:05` (Brussels time, 24-hour clock). */
export function formatTime(value: string | Date, locale: UiLocale): string {
  return new Intl.DateTimeFormat(intlLocale(locale), {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: TIME_ZONE,
  }).format(toDate(value));
}

/** A session's time: `29/11/2026 14:00–16:30`, or both dates when it spans days. */
export function formatTimeRange(start: string | Date, end: string | Date, locale: UiLocale): string {
  if (formatDate(start, locale) === formatDate(end, locale)) return `${formatDateTime(start, locale)}–${formatTime(end, locale)}`;
  return `${formatDateTime(start, locale)} – ${formatDateTime(end, locale)}`;
}

/** Euro: `€ 12,50`, whole amounts without cents (`€ 120`). Free is a word, not a number: see the labels. */
export function formatPrice(euro: number, locale: UiLocale): string {
  const digits = Number.isInteger(euro) ? 0 : 2;
  return `€ ${numberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(euro)}`;
}

/** A duration in hours: `1,5 u` (Dutch) or `1,5 h` (English). */
export function formatHours(hours: number, locale: UiLocale): string {
  return `${formatNumber(hours, locale)} ${locale === 'en' ? 'h' : 'u'}`;
}

const plainAmount = /^(\d{1,9})(?:[.,](\d{1,2}))?$/;
const groupedAmount = /^([1-9]\d{0,2}(?:\.\d{3})+)(?:,(\d{1,2}))?$/;

/**
 * A typed euro amount → whole cents, or null when it is no amount: `120`, `120,5`, `120.50`,
 * `1.234,56` and `€ 45` are read; negative amounts, more than two decimals and text are not. A
 * point followed by three digits groups thousands, so a group cannot start with 0 (`0.001`).
 */
export function parseEuroInput(text: string): number | null {
  const value = text.replace(/€/g, '').replace(/\s+/g, '');
  const match = plainAmount.exec(value) ?? groupedAmount.exec(value);
  if (!match) return null;
  return Number(match[1].replace(/\./g, '')) * 100 + Number((match[2] ?? '0').padEnd(2, '0'));
}
