import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMonths } from './device-types';
import {
  allowedTransitions,
  canTransition,
  checkTransition,
  type DeviceState,
  deviceStates,
  finalDeviceStates,
  inChainOrder,
  initialDeviceStates,
  needsSanitisation,
  type Sanitisation,
} from './lifecycle';

const wipe: Sanitisation = { method: 'purge', performedBy: 'An ICT coordinator', performedOn: '2026-06-30' };
const state = fc.constantFrom(...deviceStates);

/** A walk from `start` that picks one allowed move per step, as far as `choices` go or a final state stops it. */
function walk(start: DeviceState, choices: number[]): DeviceState[] {
  const path = [start];
  for (const choice of choices) {
    const next = allowedTransitions[path.at(-1)!];
    if (next.length === 0) break;
    path.push(next[choice % next.length]);
  }
  return path;
}

describe('device lifecycle', () => {
  it('ends in donated or disposed only', () => {
    expect([...finalDeviceStates].sort()).toEqual(['disposed', 'donated']);
  });

  it('reaches disposed from decommissioned and nowhere else', () => {
    for (const from of deviceStates) expect(canTransition(from, 'disposed')).toBe(from === 'decommissioned');
  });

  it('names the allowed states when it refuses a move', () => {
    expect(checkTransition('in_stock', 'disposed', wipe)).toEqual({ ok: false, reason: 'not_allowed', allowed: allowedTransitions.in_stock });
    expect(checkTransition('disposed', 'in_stock', null)).toEqual({ ok: false, reason: 'not_allowed', allowed: [] });
  });

  it('asks for a sanitisation record on the way out of the school, and nowhere else', () => {
    expect(checkTransition('in_use', 'decommissioned', null)).toEqual({ ok: false, reason: 'sanitisation_missing' });
    expect(checkTransition('in_use', 'decommissioned', wipe)).toEqual({ ok: true });
    expect(checkTransition('to_refurbish', 'donated', null)).toEqual({ ok: false, reason: 'sanitisation_missing' });
    expect(checkTransition('decommissioned', 'disposed', null)).toEqual({ ok: true });
    expect(checkTransition('in_stock', 'in_use', null)).toEqual({ ok: true });
  });

  it('never moves a device to the state it is in', () => {
    for (const from of deviceStates) expect(canTransition(from, from)).toBe(false);
  });

  it('starts new devices in states that did not leave the school', () => {
    for (const start of initialDeviceStates) {
      expect(finalDeviceStates).not.toContain(start);
      expect(needsSanitisation(start)).toBe(false);
      expect(start).not.toBe('decommissioned');
    }
  });

  it('lets every state be reached from in stock, and every state that is not final reach decommissioned', () => {
    const reachable = (from: DeviceState) => {
      const seen = new Set<DeviceState>([from]);
      const queue = [from];
      while (queue.length > 0) for (const next of allowedTransitions[queue.shift()!]) if (!seen.has(next) && seen.add(next)) queue.push(next);
      return seen;
    };
    expect([...reachable('in_stock')].sort()).toEqual([...deviceStates].sort());
    for (const from of deviceStates) if (!finalDeviceStates.includes(from) && from !== 'decommissioned') expect(reachable(from).has('decommissioned')).toBe(true);
  });

  it('on every path from in stock, disposed comes right after decommissioned, which came with a sanitisation record', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(20), { maxLength: 40 }), (choices) => {
        const path = walk('in_stock', choices);
        for (let i = 1; i < path.length; i++) {
          expect(canTransition(path[i - 1], path[i])).toBe(true);
          if (path[i] === 'disposed') expect(path[i - 1]).toBe('decommissioned');
          if (path[i] === 'decommissioned') expect(checkTransition(path[i - 1], path[i], null).ok).toBe(false);
        }
        // A walk stops only in a final state or when the choices run out.
        if (path.length - 1 < choices.length) expect(finalDeviceStates).toContain(path.at(-1));
      }),
    );
  });

  it('accepts exactly the listed moves, with a record when one is asked', () => {
    fc.assert(
      fc.property(state, state, fc.boolean(), (from, to, withRecord) => {
        const check = checkTransition(from, to, withRecord ? wipe : null);
        const listed = allowedTransitions[from].includes(to);
        expect(check.ok).toBe(listed && (withRecord || !needsSanitisation(to)));
      }),
    );
  });
});

describe('addMonths', () => {
  it('keeps the day, or takes the month’s last day', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2023-01-31', 1)).toBe('2023-02-28');
    expect(addMonths('2022-09-01', 36)).toBe('2025-09-01');
    expect(addMonths('2022-12-15', 0)).toBe('2022-12-15');
    expect(addMonths('2022-12-15', 1)).toBe('2023-01-15');
  });

  it('moves forward by whole months and back again when the day exists in both', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2090 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), fc.integer({ min: 0, max: 240 }), (y, m, d, months) => {
        const day = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
        const later = addMonths(day, months);
        expect(later >= day).toBe(true);
        expect(later.slice(8)).toBe(day.slice(8));
        expect(addMonths(later, -months)).toBe(day);
      }),
    );
  });
});

describe('inChainOrder', () => {
  const move = (at: string, from: string | null, to: string) => ({ at, from, to });

  it('keeps moves of different moments in time order, and orders moves of one moment along the chain', () => {
    expect(inChainOrder([])).toEqual([]);
    const apart = [move('t1', null, 'in_stock'), move('t2', 'in_stock', 'in_use')];
    expect(inChainOrder(apart)).toEqual(apart);
    const sameMoment = [move('t1', null, 'in_use'), move('t2', 'decommissioned', 'disposed'), move('t2', 'to_refurbish', 'decommissioned'), move('t2', 'in_use', 'to_refurbish')];
    expect(inChainOrder(sameMoment).map((m) => m.to)).toEqual(['in_use', 'to_refurbish', 'decommissioned', 'disposed']);
  });

  it('restores any chain of moves recorded in one moment, whatever order they were read in', () => {
    // A chain of distinct states, each move starting where the one before ended, read back in any order.
    const chainAndShuffled = fc.uniqueArray(fc.constantFrom(...deviceStates), { minLength: 1, maxLength: 8 }).chain((states) => {
      const chain = states.map((to, i) => move('t', i === 0 ? null : states[i - 1], to));
      return fc.tuple(fc.constant(chain), fc.shuffledSubarray(chain, { minLength: chain.length, maxLength: chain.length }));
    });
    fc.assert(
      fc.property(chainAndShuffled, ([chain, shuffled]) => {
        expect(inChainOrder(shuffled)).toEqual(chain);
      }),
    );
  });
});
