import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type BudgetEntry, type BudgetSettings, budgetSummary, defaultBudgetSettings } from './training-budget';

const day = fc.integer({ min: 0, max: 3 * 365 }).map((n) => new Date(Date.UTC(2025, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
const entry: fc.Arbitrary<BudgetEntry> = fc.record({
  source: fc.constantFrom('study_day', 'enrolment', 'completion'),
  status: fc.constantFrom('planned', 'enrolled', 'waitlisted', 'cancelled', 'completed'),
  on: day,
  amountCents: fc.integer({ min: -50_000, max: 500_000 }),
});
const settings: fc.Arbitrary<BudgetSettings> = fc.record({
  topUpPerStaffCents: fc.integer({ min: 0, max: 50_000 }),
  topUpEndsOn: day,
  regularPerStaffCents: fc.integer({ min: 0, max: 50_000 }),
  staffCountOverride: fc.option(fc.integer({ min: 0, max: 500 }), { nil: null }),
});
const input = fc.record({
  year: fc.constantFrom(2025, 2026, 2027),
  asOf: day,
  members: fc.integer({ min: 0, max: 500 }),
  settings,
  entries: fc.array(entry, { maxLength: 30 }),
});

describe('budgetSummary', () => {
  it('adds up: left = total − planned − spent, and over budget exactly when left is negative', () => {
    fc.assert(
      fc.property(input, (i) => {
        const s = budgetSummary(i);
        expect(s.leftCents).toBe(s.totalCents - s.plannedCents - s.spentCents);
        expect(s.totalCents).toBe(s.lines.reduce((acc, l) => acc + l.amountCents, 0));
        expect(s.plannedCents).toBe(s.planned.studyDaysCents + s.planned.enrolmentsCents + s.planned.completionsCents);
        expect(s.spentCents).toBe(s.spent.studyDaysCents + s.spent.enrolmentsCents + s.spent.completionsCents);
        expect(s.overBudget).toBe(s.leftCents < 0);
      }),
    );
  });

  it('never shows a negative amount but what is left', () => {
    fc.assert(
      fc.property(input, (i) => {
        const s = budgetSummary(i);
        const amounts = [
          s.totalCents,
          s.plannedCents,
          s.spentCents,
          s.staff.count,
          ...Object.values(s.planned),
          ...Object.values(s.spent),
          ...s.lines.flatMap((l) => [l.amountCents, l.perStaffCents]),
        ];
        expect(amounts.every((a) => Number.isInteger(a) && a >= 0)).toBe(true);
      }),
    );
  });

  it('never counts a cancelled or waitlisted entry', () => {
    fc.assert(
      fc.property(input, fc.array(entry, { maxLength: 10 }), (i, extra) => {
        const ignored = extra.map((e) => ({ ...e, status: e.status === 'waitlisted' ? ('waitlisted' as const) : ('cancelled' as const) }));
        const without = budgetSummary(i);
        const withIgnored = budgetSummary({ ...i, entries: [...i.entries, ...ignored] });
        expect(withIgnored).toEqual(without);
      }),
    );
  });

  it('counts nothing of the top-up once its last day has passed', () => {
    fc.assert(
      fc.property(input, (i) => {
        const s = budgetSummary(i);
        const topUp = s.lines.find((l) => l.id === 'digisprong_top_up')!;
        if (i.asOf > i.settings.topUpEndsOn || `${i.year}-01-01` > i.settings.topUpEndsOn) {
          expect(topUp).toMatchObject({ available: false, amountCents: 0 });
        } else {
          expect(topUp.amountCents).toBe(i.settings.topUpPerStaffCents * s.staff.count);
        }
      }),
    );
  });

  it('counts only the year asked for, entries before today as spent and from today on as planned', () => {
    const s = budgetSummary({
      year: 2026,
      asOf: '2026-06-15',
      members: 10,
      settings: { ...defaultBudgetSettings },
      entries: [
        { source: 'study_day', status: 'planned', on: '2026-09-01', amountCents: 50_000 },
        { source: 'study_day', status: 'cancelled', on: '2026-09-02', amountCents: 70_000 },
        { source: 'enrolment', status: 'enrolled', on: '2026-06-15', amountCents: 4_500 },
        { source: 'enrolment', status: 'enrolled', on: '2026-03-01', amountCents: 9_000 },
        { source: 'enrolment', status: 'enrolled', on: '2025-12-31', amountCents: 100_000 },
        { source: 'completion', status: 'completed', on: '2026-02-01', amountCents: 2_000 },
      ],
    });
    expect(s.lines.map((l) => l.amountCents)).toEqual([120_000, 64_000]);
    expect(s).toMatchObject({ totalCents: 184_000, plannedCents: 54_500, spentCents: 11_000, leftCents: 118_500, overBudget: false, staff: { count: 10, source: 'members' } });
    const after = budgetSummary({ year: 2027, asOf: '2027-01-02', members: 10, settings: { ...defaultBudgetSettings, staffCountOverride: 12 }, entries: [] });
    expect(after.lines).toEqual([
      { id: 'digisprong_top_up', perStaffCents: 12_000, amountCents: 0, available: false, endsOn: '2026-12-31' },
      { id: 'regular', perStaffCents: 6_400, amountCents: 76_800, available: true, endsOn: null },
    ]);
  });
});
