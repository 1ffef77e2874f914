/**
 * The lifecycle of a device in the ICT park: its states and the moves allowed between them, as
 * pure data and functions, so the server, the web app and the tests decide alike.
 *
 * A device leaves the school's hands in one of two ways: donated (handed to a partner, wiped
 * first) or decommissioned (data sanitised, NIST SP 800-88) and then disposed. "disposed" is
 * reached from "decommissioned" only, and both exits ask for a sanitisation record, so no
 * path ends in disposal without one.
 */

export const deviceStates = ['in_stock', 'in_use', 'on_loan', 'in_repair', 'lost_or_stolen', 'to_refurbish', 'redeployed', 'donated', 'decommissioned', 'disposed'] as const;
export type DeviceState = (typeof deviceStates)[number];

/** The states a new device may start in: none of them says it left the school or was wiped. */
export const initialDeviceStates = ['in_stock', 'in_use', 'on_loan', 'in_repair', 'lost_or_stolen', 'to_refurbish'] as const satisfies readonly DeviceState[];
export type InitialDeviceState = (typeof initialDeviceStates)[number];

/** NIST SP 800-88 sanitisation methods. */
export const sanitisationMethods = ['clear', 'purge', 'destroy'] as const;
export type SanitisationMethod = (typeof sanitisationMethods)[number];

/** Where each state may go next; the order is the order the interface offers them in. */
export const allowedTransitions: Readonly<Record<DeviceState, readonly DeviceState[]>> = {
  in_stock: ['in_use', 'on_loan', 'in_repair', 'lost_or_stolen', 'to_refurbish', 'donated', 'decommissioned'],
  in_use: ['in_stock', 'on_loan', 'in_repair', 'lost_or_stolen', 'to_refurbish', 'decommissioned'],
  on_loan: ['in_stock', 'in_use', 'in_repair', 'lost_or_stolen'],
  in_repair: ['in_stock', 'in_use', 'to_refurbish', 'lost_or_stolen', 'decommissioned'],
  // Found again, or written off.
  lost_or_stolen: ['in_stock', 'decommissioned'],
  to_refurbish: ['redeployed', 'donated', 'decommissioned'],
  redeployed: ['in_use', 'on_loan', 'in_stock', 'in_repair', 'lost_or_stolen', 'to_refurbish', 'decommissioned'],
  donated: [],
  decommissioned: ['disposed'],
  disposed: [],
};

/** The states that end a device's life at the school: no move leaves them. */
export const finalDeviceStates: readonly DeviceState[] = deviceStates.filter((state) => allowedTransitions[state].length === 0);

/** Moves into these states need a sanitisation record (method, who, when): the device's data leaves the school's control. */
export const statesNeedingSanitisation: readonly DeviceState[] = ['donated', 'decommissioned'];

export function nextStates(from: DeviceState): readonly DeviceState[] {
  return allowedTransitions[from];
}

export function canTransition(from: DeviceState, to: DeviceState): boolean {
  return allowedTransitions[from].includes(to);
}

export function needsSanitisation(to: DeviceState): boolean {
  return statesNeedingSanitisation.includes(to);
}

export interface Sanitisation {
  method: SanitisationMethod;
  /** Who wiped the device (a person or a partner). */
  performedBy: string;
  /** ISO day. */
  performedOn: string;
}

export type TransitionCheck = { ok: true } | { ok: false; reason: 'not_allowed'; allowed: readonly DeviceState[] } | { ok: false; reason: 'sanitisation_missing' };

/** Whether a device in `from` may move to `to` with the record given (`null` when none). */
export function checkTransition(from: DeviceState, to: DeviceState, sanitisation: Sanitisation | null): TransitionCheck {
  if (!canTransition(from, to)) return { ok: false, reason: 'not_allowed', allowed: allowedTransitions[from] };
  if (needsSanitisation(to) && sanitisation === null) return { ok: false, reason: 'sanitisation_missing' };
  return { ok: true };
}

/**
 * A device's history in the order it happened: by time, and among moves recorded in the same
 * millisecond (a demo, a bulk loan) along the chain of states, each move starting where the one
 * before it ended. `events` come ordered by time.
 */
export function inChainOrder<E extends { at: string; from: string | null; to: string }>(events: readonly E[]): E[] {
  const ordered: E[] = [];
  for (let start = 0; start < events.length; ) {
    let end = start;
    while (end < events.length && events[end].at === events[start].at) end += 1;
    const moment = events.slice(start, end);
    while (moment.length > 0) {
      const next = moment.findIndex((event) => event.from === (ordered.at(-1)?.to ?? null));
      ordered.push(...moment.splice(Math.max(next, 0), 1));
    }
    start = end;
  }
  return ordered;
}
