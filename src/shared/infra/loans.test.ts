import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canTransition, type DeviceState, deviceStates } from './lifecycle';
import {
  bulkLoanProblems,
  bulkReturnProblems,
  handMovesWhileOnLoan,
  isOwnLoan,
  type LoanDevice,
  loanStatus,
  PSEUDONYM_PATTERN,
  type ReturnCondition,
  returnConditions,
  schoolYearEnd,
  stateAfterReturn,
} from './loans';

const park = (entries: Array<[string, DeviceState, boolean?]>) =>
  new Map<string, LoanDevice>(entries.map(([tag, state, onOpenLoan]) => [tag, { state, onOpenLoan: onOpenLoan ?? false }]));

describe('loan rules', () => {
  it('accepts a clean class list and names every bad line of a bad one, with the field at fault', () => {
    const devices = park([
      ['A', 'in_stock'],
      ['B', 'in_use'],
      ['C', 'in_repair'],
      ['D', 'on_loan', true],
      ['E', 'disposed'],
    ]);
    expect(
      bulkLoanProblems(
        [
          { assetTag: 'A', borrower: 'L1' },
          { assetTag: 'B', borrower: 'L2' },
        ],
        devices,
      ),
    ).toEqual([]);
    const problems = bulkLoanProblems(
      [
        { assetTag: 'A', borrower: 'L1' },
        { assetTag: 'C', borrower: 'L2' },
        { assetTag: 'D', borrower: 'L3' },
        { assetTag: 'E', borrower: 'L4' },
        { assetTag: 'Z', borrower: 'L5' },
        { assetTag: 'A', borrower: 'l1' },
      ],
      devices,
    );
    expect(problems.map((p) => [p.line, p.field])).toEqual([
      [2, 'assetTag'],
      [3, 'assetTag'],
      [4, 'assetTag'],
      [5, 'assetTag'],
      [6, 'assetTag'],
      [6, 'borrower'],
    ]);
    expect(problems[0].message).toBe('C is in_repair, which cannot move to on_loan; it may move to in_stock, in_use, to_refurbish, lost_or_stolen, decommissioned');
    expect(problems[2].message).toBe('E is disposed, which cannot move to on_loan; it may move to no state');
  });

  it('returns only devices on an open loan, once each, to a state their lifecycle allows', () => {
    const devices = park([
      ['A', 'on_loan', true],
      ['B', 'in_stock'],
      ['C', 'lost_or_stolen', true],
    ]);
    expect(bulkReturnProblems([{ assetTag: 'A', condition: 'damaged' }], devices)).toEqual([]);
    expect(
      bulkReturnProblems(
        [
          { assetTag: 'A', condition: 'good' },
          { assetTag: 'A', condition: 'good' },
          { assetTag: 'B', condition: 'good' },
          { assetTag: 'C', condition: 'damaged' },
          { assetTag: 'Z', condition: 'good' },
        ],
        devices,
      ).map((p) => p.line),
    ).toEqual([2, 3, 4, 5]);
    // Lost, then found with the pupil: back in stock is a move the lifecycle allows.
    expect(bulkReturnProblems([{ assetTag: 'C', condition: 'good' }], devices)).toEqual([]);
    // Put back in stock by hand while its loan stayed open: the return closes the loan.
    expect(bulkReturnProblems([{ assetTag: 'B', condition: 'good' }], park([['B', 'in_stock', true]]))).toEqual([]);
    expect(bulkReturnProblems([{ assetTag: 'B', condition: 'damaged' }], park([['B', 'in_stock', true]]))).toEqual([]);
    expect(bulkReturnProblems([{ assetTag: 'B', condition: 'good' }], park([['B', 'disposed', true]])).map((p) => p.message)).toEqual([
      'B is disposed, which cannot move to in_stock; it may move to no state',
    ]);
  });

  it('sends a damaged device to repair and any other back to stock', () => {
    expect(returnConditions.map(stateAfterReturn)).toEqual(['in_stock', 'in_stock', 'in_repair']);
  });

  it('ends the school year on 30 June; July and August count towards the next year', () => {
    expect(schoolYearEnd('2026-06-30')).toBe('2026-06-30');
    expect(schoolYearEnd('2026-07-01')).toBe('2027-06-30');
    expect(schoolYearEnd('2026-08-25')).toBe('2027-06-30');
    expect(schoolYearEnd('2027-01-01')).toBe('2027-06-30');
    fc.assert(
      fc.property(fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true }), (date) => {
        const day = date.toISOString().slice(0, 10);
        const end = schoolYearEnd(day);
        expect(end >= day).toBe(true);
        expect(Date.parse(end) - Date.parse(day)).toBeLessThan(366 * 86_400_000);
      }),
    );
  });

  it('counts a loan overdue from the day after its due date, and past its year from 1 July', () => {
    const lent = { lentOn: '2025-09-01', dueOn: '2026-06-15', returnedOn: null };
    expect(loanStatus(lent, '2026-06-15')).toBe('open');
    expect(loanStatus(lent, '2026-06-16')).toBe('overdue');
    expect(loanStatus({ ...lent, dueOn: null }, '2026-06-30')).toBe('open');
    expect(loanStatus({ ...lent, dueOn: null }, '2026-07-01')).toBe('year_ended');
    expect(loanStatus({ ...lent, dueOn: '2026-09-30' }, '2026-07-01')).toBe('year_ended');
    expect(loanStatus({ ...lent, returnedOn: '2026-06-20' }, '2027-01-01')).toBe('returned');
  });

  it('takes pseudonymous numbers without spaces, and no names', () => {
    for (const number of ['L-001', '20260001', 'a.b_c']) expect(PSEUDONYM_PATTERN.test(number)).toBe(true);
    for (const name of ['Jan Janssens', '', ' L1', '-1', 'x'.repeat(33)]) expect(PSEUDONYM_PATTERN.test(name)).toBe(false);
  });
});

describe('loan rules, by property', () => {
  const tags = ['T1', 'T2', 'T3', 'T4', 'T5', 'T6'];
  const tag = fc.constantFrom(...tags, 'UNKNOWN');
  const condition = fc.constantFrom<ReturnCondition>(...returnConditions);
  const operation = fc.oneof(
    fc.record({ kind: fc.constant('lend' as const), tags: fc.array(tag, { minLength: 1, maxLength: 5 }) }),
    fc.record({ kind: fc.constant('return' as const), items: fc.array(fc.record({ assetTag: tag, condition }), { minLength: 1, maxLength: 5 }) }),
  );

  it('never puts a device on two open loans; a return closes exactly one loan a line; a refused list changes nothing', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...deviceStates), { minLength: tags.length, maxLength: tags.length }), fc.array(operation, { maxLength: 25 }), (states, operations) => {
        const state = new Map(tags.map((t, i) => [t, states[i]]));
        const openLoans: string[] = [];
        const view = () => new Map(tags.map((t) => [t, { state: state.get(t)!, onOpenLoan: openLoans.includes(t) }]));
        for (const op of operations) {
          const before = [...openLoans];
          if (op.kind === 'lend') {
            const lines = op.tags.map((assetTag, i) => ({ assetTag, borrower: `P${i}` }));
            if (bulkLoanProblems(lines, view()).length > 0) {
              expect(openLoans).toEqual(before);
              continue;
            }
            for (const line of lines) {
              expect(canTransition(state.get(line.assetTag)!, 'on_loan')).toBe(true);
              state.set(line.assetTag, 'on_loan');
              openLoans.push(line.assetTag);
            }
          } else {
            if (bulkReturnProblems(op.items, view()).length > 0) continue;
            for (const item of op.items) {
              openLoans.splice(openLoans.indexOf(item.assetTag), 1);
              state.set(item.assetTag, stateAfterReturn(item.condition));
            }
            expect(openLoans.length).toBe(before.length - op.items.length);
          }
          expect(new Set(openLoans).size).toBe(openLoans.length);
        }
      }),
    );
  });

  it('reports every bad line of a bulk loan and no good one', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...deviceStates), fc.boolean()), { minLength: tags.length, maxLength: tags.length }),
        fc.array(tag, { minLength: 1, maxLength: 8 }),
        (devices, lineTags) => {
          const known = new Map(tags.map((t, i) => [t, { state: devices[i][0], onOpenLoan: devices[i][1] }]));
          const lines = lineTags.map((assetTag, i) => ({ assetTag, borrower: `P${i}` }));
          const bad = new Set(bulkLoanProblems(lines, known).map((p) => p.line));
          lines.forEach((line, i) => {
            const device = known.get(line.assetTag);
            const isBad = lineTags.indexOf(line.assetTag) < i || !device || device.onOpenLoan || !canTransition(device.state, 'on_loan');
            expect(bad.has(i + 1)).toBe(isBad);
          });
        },
      ),
    );
  });
});

describe('hand moves while on loan', () => {
  it('allows by hand only a loss, a move the lifecycle allows from on loan, and none that ends the loan’s state', () => {
    expect(handMovesWhileOnLoan).toEqual(['lost_or_stolen']);
    for (const to of handMovesWhileOnLoan) expect(canTransition('on_loan', to)).toBe(true);
    expect(handMovesWhileOnLoan).not.toContain(stateAfterReturn('good'));
    expect(handMovesWhileOnLoan).not.toContain(stateAfterReturn('damaged'));
  });
});

describe('isOwnLoan', () => {
  const user = { displayName: 'Tom Peeters', email: 'tom@school.be' };

  it('is a staff loan under the user’s name or address, case and spaces aside, and never a pupil’s', () => {
    expect(isOwnLoan({ borrowerKind: 'staff', borrower: ' tom  PEETERS ' }, user)).toBe(true);
    expect(isOwnLoan({ borrowerKind: 'staff', borrower: 'TOM@school.be' }, user)).toBe(true);
    expect(isOwnLoan({ borrowerKind: 'staff', borrower: 'Tom' }, user)).toBe(false);
    expect(isOwnLoan({ borrowerKind: 'pupil', borrower: 'Tom Peeters' }, user)).toBe(false);
    expect(isOwnLoan({ borrowerKind: 'staff', borrower: '' }, { displayName: ' ', email: 'x@y.be' })).toBe(false);
  });

  it('knows the user under any casing of their name, and never in a pupil’s loan', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 20 }), fc.boolean(), (name, upper) => {
        const me = { displayName: name, email: 'me@school.be' };
        const written = upper ? name.toUpperCase() : name.toLowerCase();
        const sameLetters = written.toLowerCase() === name.toLowerCase();
        if (name.trim() !== '' && sameLetters) expect(isOwnLoan({ borrowerKind: 'staff', borrower: written }, me)).toBe(true);
        expect(isOwnLoan({ borrowerKind: 'pupil', borrower: written }, me)).toBe(false);
      }),
    );
  });
});
