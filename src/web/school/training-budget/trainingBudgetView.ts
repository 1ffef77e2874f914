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

const plainAmount = /^(\d{1,9})(?:[.,](\d{1,2}))?$/;
const groupedAmount = /^(\d{1,3}(?:\.\d{3})+)(?:,(\d{1,2}))?$/;

/**
 * A typed euro amount → whole cents, or null when it is no amount: `120`, `120,5`, `120.50`,
 * `1.234,56` and `€ 45` are read; negative amounts, more than two decimals and text are not.
 */
export function parseEuroInput(text: string): number | null {
  const value = text.replace(/€/g, '').replace(/\s+/g, '');
  const match = plainAmount.exec(value) ?? groupedAmount.exec(value);
  if (!match) return null;
  const euro = Number(match[1].replace(/\./g, ''));
  const cents = Number((match[2] ?? '0').padEnd(2, '0'));
  return euro * 100 + cents;
}

/** A whole number typed in a field (staff count, participants), or null. */
export function parseWholeNumber(text: string): number | null {
  const value = text.trim();
  return /^\d{1,6}$/.test(value) ? Number(value) : null;
}
