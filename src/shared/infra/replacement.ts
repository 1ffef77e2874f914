/**
 * Which devices are due for replacement, and what replacing them would cost per school year, as
 * pure functions. A device is due when it is past its model's expected life (from its purchase
 * date), or out of warranty and in repair again and again. Before a purchase, the page offers to
 * extend a device's life first: production is about three quarters of a device's footprint, and
 * a longer life is the main lever (Kenniscentrum Digisprong, circular ICT).
 */
import { addMonths } from './device-types';
import type { DeviceState } from './lifecycle';

/** Out of warranty and this often in repair: due, whatever its age. */
export const REPAIRS_FOR_REPLACEMENT = 2;
/** How many school years the forecast looks ahead, the current one included. */
export const FORECAST_YEARS = 5;

/** The states of a device the school still has and uses: what a replacement would replace. */
export const statesInService: readonly DeviceState[] = ['in_stock', 'in_use', 'on_loan', 'in_repair', 'to_refurbish', 'redeployed'];

export interface ReplacementDevice {
  id: string;
  state: DeviceState;
  modelId: string;
  purchaseDate: string | null;
  priceCents: number | null;
  warrantyMonths: number | null;
  expectedLifeMonths: number;
  /** How many times the device moved into repair. */
  repairs: number;
}

export type DueReason = 'past_life' | 'repairs_out_of_warranty';

/** The day a device reaches the end of its expected life; null without a purchase date. */
export function endOfLife(device: Pick<ReplacementDevice, 'purchaseDate' | 'expectedLifeMonths'>): string | null {
  return device.purchaseDate ? addMonths(device.purchaseDate, device.expectedLifeMonths) : null;
}

/** Why a device in service is due for replacement on `today`, or null when it is not. */
export function dueReason(device: ReplacementDevice, today: string): DueReason | null {
  if (!statesInService.includes(device.state)) return null;
  const end = endOfLife(device);
  if (end !== null && end <= today) return 'past_life';
  const warrantyEnds = device.purchaseDate && device.warrantyMonths !== null ? addMonths(device.purchaseDate, device.warrantyMonths) : null;
  if (warrantyEnds !== null && warrantyEnds <= today && device.repairs >= REPAIRS_FOR_REPLACEMENT) return 'repairs_out_of_warranty';
  return null;
}

/** The school year a day falls in, named by the year it starts: 1 September to 31 August. */
export function schoolYearOf(day: string): number {
  const year = Number(day.slice(0, 4));
  return day.slice(5) >= '09-01' ? year : year - 1;
}

export interface ForecastYear {
  /** The school year, by the year it starts (2026 = 2026-2027). */
  startYear: number;
  devices: number;
  /** What replacing them costs: each at its purchase price, else its model's average, else the school's. */
  costCents: number;
  /** Devices whose cost is the school's average, as no price of theirs or their model's is known. */
  estimated: number;
}

/**
 * Per school year from today's, how many devices in service reach the end of their life, and the
 * cost of replacing them. A device due already (past its life, or worn out by repairs) counts in
 * this year; one without a purchase date is not forecast.
 */
export function replacementForecast(devices: readonly ReplacementDevice[], today: string, years = FORECAST_YEARS): ForecastYear[] {
  const current = schoolYearOf(today);
  const forecast: ForecastYear[] = Array.from({ length: years }, (_, i) => ({ startYear: current + i, devices: 0, costCents: 0, estimated: 0 }));
  const priced = devices.filter((device) => device.priceCents !== null);
  const modelAverage = averageBy(priced, (device) => device.modelId);
  const schoolAverage = priced.length ? Math.round(priced.reduce((sum, device) => sum + device.priceCents!, 0) / priced.length) : 0;
  for (const device of devices) {
    if (!statesInService.includes(device.state)) continue;
    const end = endOfLife(device);
    if (end === null && dueReason(device, today) === null) continue;
    const year = dueReason(device, today) !== null ? current : schoolYearOf(end!);
    const slot = forecast[year - current];
    if (!slot) continue;
    const price = device.priceCents ?? modelAverage.get(device.modelId);
    slot.devices += 1;
    slot.costCents += price ?? schoolAverage;
    if (price === undefined) slot.estimated += 1;
  }
  return forecast;
}

function averageBy(devices: readonly ReplacementDevice[], key: (device: ReplacementDevice) => string): Map<string, number> {
  const sums = new Map<string, { total: number; count: number }>();
  for (const device of devices) {
    const sum = sums.get(key(device)) ?? { total: 0, count: 0 };
    sums.set(key(device), { total: sum.total + device.priceCents!, count: sum.count + 1 });
  }
  return new Map([...sums].map(([id, sum]) => [id, Math.round(sum.total / sum.count)]));
}
