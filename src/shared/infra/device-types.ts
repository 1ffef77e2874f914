/** The kinds of device the ICT park knows, and how long each is expected to last: data, overridable per model. */

export const deviceTypes = ['laptop', 'chromebook', 'tablet', 'desktop', 'display', 'projector', 'interactive_whiteboard', 'network', 'printer', 'other'] as const;
export type DeviceType = (typeof deviceTypes)[number];

/**
 * Expected life in months when a model names none. Laptops and Chromebooks five years (the
 * Kenniscentrum's "longer life" aims at six), tablets four, fixed equipment longer.
 */
export const defaultExpectedLifeMonths: Readonly<Record<DeviceType, number>> = {
  laptop: 60,
  chromebook: 60,
  tablet: 48,
  desktop: 72,
  display: 96,
  projector: 84,
  interactive_whiteboard: 120,
  network: 84,
  printer: 72,
  other: 60,
};

export const fundingSources = ['digisprong', 'digiplan', 'own_means', 'parents', 'other'] as const;
export type FundingSource = (typeof fundingSources)[number];

export const acquisitionKinds = ['bought', 'rented', 'leased'] as const;
export type AcquisitionKind = (typeof acquisitionKinds)[number];

/** The ISO day `months` after `isoDay` (clamped to the month's last day): a warranty's or a life's end. */
export function addMonths(isoDay: string, months: number): string {
  const [y, m, d] = isoDay.split('-').map(Number);
  const monthIndex = y * 12 + (m - 1) + months;
  const year = Math.floor(monthIndex / 12);
  const month = (monthIndex % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}
