import { formatPrice, type UiLocale } from '../../../shared/i18n/format';

/**
 * Pure helpers for the budget and training plan pages. The API speaks integer euro cents;
 * people read and type euro in the Belgian way (`€ 1.920`, `€ 12,50`, `12,50`).
 */

/** `192000` → `€ 1.920`, `1250` → `€ 12,50`, `-4500` → `-€ 45` (left may be negative). */
export function formatCents(cents: number, locale: UiLocale): string {
  const text = formatPrice(Math.abs(cents) / 100, locale);
  return cents < 0 ? `-${text}` : text;
}

/** Cents → what an amount field shows: `120`, `12,50` (no thousands separator, so it reads back). */
export function centsToInput(cents: number): string {
  const euro = Math.trunc(cents / 100);
  const rest = Math.abs(cents % 100);
  return rest === 0 ? String(euro) : `${euro},${String(rest).padStart(2, '0')}`;
}

/** A whole number typed in a field (staff count, participants), or null. */
export function parseWholeNumber(text: string): number | null {
  const value = text.trim();
  return /^\d{1,6}$/.test(value) ? Number(value) : null;
}

const plainPosts = /^(\d{1,4})(?:,(\d{1,2}))?$/;
const pointPosts = /^(\d{1,4})\.(\d{1,2})$/;
const groupedPosts = /^(\d{1,3}(?:\.\d{3})+)(?:,(\d{1,2}))?$/;

/**
 * A typed count of full-time posts → the number, or null when it is none: `23`, `23,5`, `23,75`,
 * `23.75` and `1.250,5` are read; negatives, three decimals (`1,234`) and text are not. A point
 * followed by three digits is a thousands point, never a decimal one.
 */
export function parsePostsInput(text: string): number | null {
  const value = text.replace(/\s+/g, '');
  const match = plainPosts.exec(value) ?? pointPosts.exec(value) ?? groupedPosts.exec(value);
  if (!match) return null;
  const whole = Number(match[1].replace(/\./g, ''));
  const hundredths = Number((match[2] ?? '0').padEnd(2, '0'));
  return (whole * 100 + hundredths) / 100;
}

/** A count of posts → what the field shows: `23`, `23,5`, `23,75` (no thousands point, so it reads back). */
export function postsToInput(posts: number): string {
  const hundredths = Math.round(posts * 100);
  const whole = Math.trunc(hundredths / 100);
  const rest = hundredths % 100;
  if (rest === 0) return String(whole);
  return `${whole},${String(rest).padStart(2, '0').replace(/0$/, '')}`;
}

/** The school years the picker offers: the one before, this one and the next, and the one shown. */
export function schoolYearChoices(current: string, shown: string): string[] {
  const start = Number(current.slice(0, 4));
  const years = [start - 1, start, start + 1].map((y) => `${y}-${y + 1}`);
  return [...new Set([...years, shown])].sort();
}
