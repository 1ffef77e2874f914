import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { batchMoves, batchProblems, batchRoutes, disposalRoutes } from './decommission';
import { allowedTransitions, canTransition, type DeviceState, deviceStates, needsSanitisation, type Sanitisation } from './lifecycle';

const wipe: Sanitisation = { method: 'purge', performedBy: 'Out of Use', performedOn: '2026-11-20' };
const state = fc.constantFrom(...deviceStates);
const route = fc.constantFrom(...batchRoutes);

/** A device's life from in stock, each choice picking one of the moves its state allows. */
function walk(choices: readonly number[]): DeviceState {
  let at: DeviceState = 'in_stock';
  for (const choice of choices) {
    const next: readonly DeviceState[] = allowedTransitions[at];
    if (next.length === 0) break;
    at = next[choice % next.length];
  }
  return at;
}

describe('disposal routes', () => {
  it('puts reuse before recycling: another class, then a partner, then recycling', () => {
    expect(disposalRoutes).toEqual(['redeploy', 'reuse', 'recycle']);
  });
});

describe('batchMoves', () => {
  it('hands a device in stock or to refurbish to a reuse partner in one move', () => {
    expect(batchMoves('in_stock', 'reuse', wipe)).toEqual({ ok: true, moves: [{ from: 'in_stock', to: 'donated' }] });
    expect(batchMoves('to_refurbish', 'reuse', wipe)).toEqual({ ok: true, moves: [{ from: 'to_refurbish', to: 'donated' }] });
  });

  it('recycles through decommissioned to disposed, and finishes one decommissioned already', () => {
    expect(batchMoves('in_repair', 'recycle', wipe)).toEqual({
      ok: true,
      moves: [
        { from: 'in_repair', to: 'decommissioned' },
        { from: 'decommissioned', to: 'disposed' },
      ],
    });
    expect(batchMoves('decommissioned', 'recycle', wipe)).toEqual({ ok: true, moves: [{ from: 'decommissioned', to: 'disposed' }] });
  });

  it('refuses a device without a wipe record, one already out, and one the lifecycle does not let go', () => {
    expect(batchMoves('in_stock', 'recycle', null)).toMatchObject({ ok: false, message: expect.stringMatching(/sanitisation/) });
    expect(batchMoves('disposed', 'recycle', wipe)).toEqual({ ok: false, message: 'is disposed already' });
    expect(batchMoves('donated', 'reuse', wipe)).toEqual({ ok: false, message: 'is donated already' });
    expect(batchMoves('in_use', 'reuse', wipe)).toMatchObject({ ok: false, message: expect.stringMatching(/^is in_use, which cannot move to donated; it may move to in_stock/) });
    expect(batchMoves('on_loan', 'recycle', wipe)).toMatchObject({ ok: false });
  });

  it('on every path of a device’s life, a batch makes only allowed moves, never reaches disposed without a wipe record, and ends where its route ends', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(20), { maxLength: 30 }), route, fc.boolean(), (choices, batchRoute, withRecord) => {
        const from = walk(choices);
        const result = batchMoves(from, batchRoute, withRecord ? wipe : null);
        if (!result.ok) return;
        expect(withRecord || !result.moves.some((move) => needsSanitisation(move.to))).toBe(true);
        if (result.moves.some((move) => move.to === 'disposed')) expect(withRecord || from === 'decommissioned').toBe(true);
        result.moves.forEach((move, i) => {
          expect(canTransition(move.from, move.to)).toBe(true);
          expect(move.from).toBe(i === 0 ? from : result.moves[i - 1].to);
        });
        expect(result.moves.at(-1)!.to).toBe(batchRoute === 'reuse' ? 'donated' : 'disposed');
      }),
    );
  });

  it('lets no batch start from a state that is final', () => {
    fc.assert(
      fc.property(state, route, (from, batchRoute) => {
        if (allowedTransitions[from].length === 0) expect(batchMoves(from, batchRoute, wipe).ok).toBe(false);
      }),
    );
  });
});

describe('batchProblems', () => {
  const devices = new Map([
    ['A', { state: 'in_stock' as const, onOpenLoan: false }],
    ['B', { state: 'on_loan' as const, onOpenLoan: true }],
    ['C', { state: 'disposed' as const, onOpenLoan: false }],
  ]);

  it('names every refused device by its line and why, and none of a good batch', () => {
    expect(batchProblems(['A'], devices, 'recycle', () => wipe)).toEqual([]);
    expect(batchProblems(['A', 'B', 'C', 'Z', 'A'], devices, 'recycle', () => wipe)).toEqual([
      { line: 2, message: 'B is on an open loan; take it back first' },
      { line: 3, message: 'C is disposed already' },
      { line: 4, message: 'The school has no device with asset tag Z' },
      { line: 5, message: 'A is on line 1 already' },
    ]);
  });

  it('refuses a line exactly when its device cannot make the batch’s moves', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(state, fc.boolean(), fc.boolean()), { maxLength: 12 }), route, (lines, batchRoute) => {
        const tags = lines.map((_, i) => `T${i}`);
        const map = new Map(lines.map(([s, loan], i) => [`T${i}`, { state: s, onOpenLoan: loan }]));
        const problems = batchProblems(tags, map, batchRoute, (line) => (lines[line - 1][2] ? wipe : null));
        const refused = new Set(problems.map((problem) => problem.line));
        lines.forEach(([s, loan, record], i) => expect(refused.has(i + 1)).toBe(loan || !batchMoves(s, batchRoute, record ? wipe : null).ok));
      }),
    );
  });
});
