import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fronts } from '../../platform/fronts';
import {
  type ActionStatus,
  actionStatuses,
  compareActions,
  compareGoals,
  type goalTerms,
  groupBy,
  isOverdue,
  MAX_PLAN_YEARS,
  periodProblem,
  planSummary,
  schoolYearAfter,
  schoolYearOf,
  schoolYearSchema,
  targetText,
} from './policy-plan';

const day = fc.integer({ min: 0, max: 6 * 365 }).map((n) => new Date(Date.UTC(2024, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
const action = fc.record({
  status: fc.constantFrom(...actionStatuses),
  deadline: fc.option(day, { nil: null }),
  front: fc.constantFrom(...fronts),
  owner: fc.option(fc.constant({ kind: 'name' as const, name: 'ICT-werkgroep' }), { nil: null }),
  createdAt: day,
  id: fc.uuid(),
});

describe('school years', () => {
  it('starts a school year on 1 September', () => {
    expect(schoolYearOf('2026-08-31')).toBe('2025-2026');
    expect(schoolYearOf('2026-09-01')).toBe('2026-2027');
    expect(schoolYearOf('2027-01-01')).toBe('2026-2027');
    expect(schoolYearAfter('2025-2026', 2)).toBe('2027-2028');
  });

  it('gives a valid school year for every day, which contains the day', () => {
    fc.assert(
      fc.property(day, (date) => {
        const year = schoolYearOf(date);
        expect(schoolYearSchema.safeParse(year).success).toBe(true);
        expect(`${year.slice(0, 4)}-09-01` <= date && date <= `${year.slice(5)}-08-31`).toBe(true);
      }),
    );
  });

  it('accepts YYYY-YYYY with consecutive years only', () => {
    expect(schoolYearSchema.safeParse('2025-2026').success).toBe(true);
    for (const bad of ['2025-2027', '2025-2025', '2025/2026', '25-26', '2025-2026 ']) expect(schoolYearSchema.safeParse(bad).success, bad).toBe(false);
  });

  it('allows a period of one up to MAX_PLAN_YEARS school years, forwards', () => {
    expect(periodProblem('2025-2026', '2025-2026')).toBeNull();
    expect(periodProblem('2025-2026', schoolYearAfter('2025-2026', MAX_PLAN_YEARS - 1))).toBeNull();
    expect(periodProblem('2025-2026', schoolYearAfter('2025-2026', MAX_PLAN_YEARS))).toMatch(/at most/);
    expect(periodProblem('2025-2026', '2024-2025')).toMatch(/end in or after/);
  });
});

describe('isOverdue', () => {
  it('is overdue from the day after the deadline, while planned or in progress', () => {
    const at = (status: ActionStatus, deadline: string | null) => isOverdue({ status, deadline }, '2026-03-10');
    expect(at('planned', '2026-03-09')).toBe(true);
    expect(at('in_progress', '2026-03-09')).toBe(true);
    expect(at('planned', '2026-03-10')).toBe(false);
    expect(at('done', '2026-03-09')).toBe(false);
    expect(at('dropped', '2020-01-01')).toBe(false);
    expect(at('planned', null)).toBe(false);
  });
});

describe('planSummary', () => {
  it('counts every action once per front and status, and the fronts add up to the total', () => {
    fc.assert(
      fc.property(fc.array(action, { maxLength: 40 }), day, (actions, today) => {
        const summary = planSummary(actions, today);
        expect(summary.fronts.map((f) => f.front)).toEqual([...fronts]);
        expect(summary.total.total).toBe(actions.length);
        for (const status of actionStatuses) {
          expect(summary.fronts.reduce((acc, f) => acc + f.byStatus[status], 0)).toBe(summary.total.byStatus[status]);
        }
        for (const f of summary.fronts) expect(Object.values(f.byStatus).reduce((a, b) => a + b, 0)).toBe(f.total);
        expect(summary.fronts.reduce((acc, f) => acc + f.overdue, 0)).toBe(summary.total.overdue);
        expect(summary.total.overdue).toBe(actions.filter((a) => isOverdue(a, today)).length);
        expect(summary.total.overdue).toBeLessThanOrEqual(summary.total.byStatus.planned + summary.total.byStatus.in_progress);
      }),
    );
  });

  it('counts open actions without owner or deadline, never done or dropped ones', () => {
    const base = { front: 'skills' as const, createdAt: '2026-01-01', id: 'x' };
    const summary = planSummary(
      [
        { ...base, status: 'planned', deadline: null, owner: null },
        { ...base, status: 'in_progress', deadline: '2026-01-01', owner: null },
        { ...base, status: 'done', deadline: null, owner: null },
        { ...base, status: 'dropped', deadline: null, owner: null },
      ],
      '2026-02-01',
    );
    expect(summary).toMatchObject({ withoutOwner: 2, withoutDeadline: 1, total: { total: 4, overdue: 1 } });
    expect(summary.fronts.find((f) => f.front === 'skills')!.total).toBe(4);
    expect(summary.fronts.find((f) => f.front === 'policy')!.total).toBe(0);
  });
});

describe('order and grouping', () => {
  it('sorts actions by deadline, those without one last, as a total order', () => {
    fc.assert(
      fc.property(fc.array(action, { maxLength: 25 }), (actions) => {
        const sorted = [...actions].sort(compareActions);
        const firstWithout = sorted.findIndex((a) => a.deadline === null);
        if (firstWithout >= 0) expect(sorted.slice(firstWithout).every((a) => a.deadline === null)).toBe(true);
        for (let i = 1; i < sorted.length; i += 1) expect(compareActions(sorted[i - 1], sorted[i])).toBeLessThanOrEqual(0);
        expect([...actions].reverse().sort(compareActions)).toEqual(sorted);
      }),
    );
  });

  it('puts goals short, medium, long', () => {
    const goal = (term: (typeof goalTerms)[number], id: string) => ({ term, id, createdAt: '2026-01-01' });
    expect([goal('long', 'a'), goal('short', 'b'), goal('medium', 'c')].sort(compareGoals).map((g) => g.term)).toEqual(['short', 'medium', 'long']);
  });

  it('groups by the given keys in their order, losing and repeating nothing', () => {
    fc.assert(
      fc.property(fc.array(action, { maxLength: 30 }), (actions) => {
        const groups = groupBy(actions, fronts, (a) => a.front);
        expect(groups.map((g) => g.key)).toEqual([...fronts]);
        expect(groups.reduce((acc, g) => acc + g.items.length, 0)).toBe(actions.length);
        for (const g of groups) expect(g.items.every((a) => a.front === g.key)).toBe(true);
      }),
    );
  });

  it('names a target as a reader expects', () => {
    const label = { nl: 'Digitale bronnen', en: 'Digital Resources' };
    expect(targetText({ kind: 'digcompedu_area', code: '2', label }, 'en')).toBe('2. Digital Resources');
    expect(targetText({ kind: 'digcompedu_competence', code: '2.3', label }, 'nl')).toBe('2.3 Digitale bronnen');
    expect(targetText({ kind: 'instrument_item', code: 'backups', label }, 'nl')).toBe('Digitale bronnen');
  });
});
