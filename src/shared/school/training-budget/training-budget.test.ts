import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { schoolYearOf } from '../policy-plan/policy-plan-rules';
import {
  type BudgetEntry,
  budgetSettingsSchema,
  budgetSummary,
  defaultBudgetSettings,
  envelopeAmountCents,
  envelopeState,
  envelopeSummary,
  envelopeTranches,
  hasAtMostTwoDecimals,
  schoolYearDays,
} from './training-budget';
import { ictTrainingEnvelope, regularTrainingBudget } from './training-funds';

const dayNumber = (n: number) => new Date(Date.UTC(2021, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
const day = fc.integer({ min: 0, max: 8 * 365 }).map(dayNumber);
const entry: fc.Arbitrary<BudgetEntry> = fc.record({
  source: fc.constantFrom('study_day', 'enrolment', 'completion'),
  status: fc.constantFrom('planned', 'enrolled', 'waitlisted', 'cancelled', 'completed'),
  on: day,
  amountCents: fc.integer({ min: -50_000, max: 500_000 }),
});
const posts = fc.option(
  fc.integer({ min: 0, max: 500_000 }).map((hundredths) => hundredths / 100),
  { nil: null },
);
const input = fc.record({
  schoolYear: fc.integer({ min: 2020, max: 2028 }).map((y) => `${y}-${y + 1}`),
  asOf: day,
  members: fc.integer({ min: 0, max: 500 }),
  settings: fc.record({ regularPerStaffCents: fc.integer({ min: 0, max: 50_000 }), staffCountOverride: fc.option(fc.integer({ min: 0, max: 500 }), { nil: null }) }),
  entries: fc.array(entry, { maxLength: 30 }),
});
const counted = (on: string, amountCents = 1_000): BudgetEntry => ({ source: 'enrolment', status: 'enrolled', on, amountCents });

describe('the ICT training envelope as data', () => {
  it('holds the policy’s facts: €120 per post counted on 1 February 2021, 60% and 40% in 2022, spendable 1 June 2022 – 31 July 2026', () => {
    expect(ictTrainingEnvelope).toMatchObject({ perPostCents: 12_000, countedOn: '2021-02-01', spendFrom: '2022-06-01', spendUntil: '2026-07-31' });
    expect(ictTrainingEnvelope.tranches).toEqual([
      { sharePercent: 60, paidBy: '2022-08-31' },
      { sharePercent: 40, paidBy: '2022-12-31' },
    ]);
    expect(ictTrainingEnvelope.tranches.reduce((sum, t) => sum + t.sharePercent, 0)).toBe(100);
    expect(ictTrainingEnvelope.source.url).toMatch(/^https:\/\//);
    expect(regularTrainingBudget).toMatchObject({ perStaffCents: 6_400, period: 'school_year' });
    expect(defaultBudgetSettings).toEqual({ regularPerStaffCents: 6_400, staffCountOverride: null, envelopePosts: null });
  });
});

describe('envelopeState', () => {
  it('opens on 1 June 2022 and closes after 31 July 2026', () => {
    expect(envelopeState('2022-05-31')).toBe('not_yet_open');
    expect(envelopeState('2022-06-01')).toBe('open');
    expect(envelopeState('2026-07-31')).toBe('open');
    expect(envelopeState('2026-08-01')).toBe('closed');
    expect(envelopeState('2026-12-07')).toBe('closed');
  });
});

describe('envelopeSummary', () => {
  it('counts trainings followed from 1 June 2022 up to and including 31 July 2026, nothing outside', () => {
    const entries = ['2022-05-31', '2022-06-01', '2026-07-31', '2026-08-01'].map((on, i) => counted(on, 10 ** i));
    const s = envelopeSummary({ asOf: '2026-12-07', posts: 10, entries });
    expect(s).toMatchObject({ amountCents: 120_000, spentCents: 10 + 100, plannedCents: 0, leftCents: 120_000 - 110, state: 'closed' });
  });

  it('is posts × €120, in tranches of 60% and 40% that add up to it', () => {
    const s = envelopeSummary({ asOf: '2026-12-07', posts: 23.75, entries: [] });
    expect(s.amountCents).toBe(285_000);
    expect(s.tranches).toEqual([
      { sharePercent: 60, paidBy: '2022-08-31', amountCents: 171_000 },
      { sharePercent: 40, paidBy: '2022-12-31', amountCents: 114_000 },
    ]);
    expect(envelopeSummary({ asOf: '2026-12-07', posts: null, entries: [counted('2023-01-10')] })).toMatchObject({
      amountCents: 0,
      spentCents: 1_000,
      leftCents: -1_000,
      overBudget: true,
    });
  });

  it('splits planned from spent at today while the window is open', () => {
    const s = envelopeSummary({
      asOf: '2024-03-01',
      posts: 1,
      entries: [counted('2024-02-29'), counted('2024-03-01', 2_000), { ...counted('2025-01-01', 500), source: 'completion', status: 'completed' }],
    });
    expect(s).toMatchObject({ state: 'open', spentCents: 1_500, plannedCents: 2_000, leftCents: 12_000 - 3_500 });
  });

  it('adds up, never counts what is cancelled or waitlisted, and never counts outside its window', () => {
    fc.assert(
      fc.property(day, posts, fc.array(entry, { maxLength: 30 }), fc.array(entry, { maxLength: 10 }), (asOf, p, entries, extra) => {
        const s = envelopeSummary({ asOf, posts: p, entries });
        expect(s.leftCents).toBe(s.amountCents - s.plannedCents - s.spentCents);
        expect(s.overBudget).toBe(s.leftCents < 0);
        expect(s.tranches.reduce((sum, t) => sum + t.amountCents, 0)).toBe(s.amountCents);
        expect(s.tranches.every((t) => Number.isInteger(t.amountCents) && t.amountCents >= 0)).toBe(true);
        expect(s.state).toBe(asOf < '2022-06-01' ? 'not_yet_open' : asOf > '2026-07-31' ? 'closed' : 'open');
        const ignored = extra.map((e) => ({ ...e, status: e.status === 'waitlisted' ? ('waitlisted' as const) : ('cancelled' as const) }));
        const outside = extra.map((e, i) => ({ ...e, on: i % 2 === 0 ? '2022-05-31' : '2026-08-01' }));
        expect(envelopeSummary({ asOf, posts: p, entries: [...entries, ...ignored, ...outside] })).toEqual(s);
      }),
    );
  });

  it('grows in whole cents with the posts, exactly €1.20 per hundredth of a post', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 500_000 }), (hundredths) => {
        expect(envelopeAmountCents(hundredths / 100)).toBe(hundredths * 120);
        const tranches = envelopeTranches(hundredths * 120);
        expect(tranches[0].amountCents).toBe(hundredths * 72);
      }),
    );
  });
});

describe('budgetSummary: the regular budget per school year', () => {
  it('runs from 1 September to 31 August', () => {
    expect(schoolYearDays('2025-2026')).toEqual({ from: '2025-09-01', until: '2026-08-31' });
    expect(schoolYearOf('2026-08-31')).toBe('2025-2026');
    expect(schoolYearOf('2026-09-01')).toBe('2026-2027');
    const entries = ['2025-08-31', '2025-09-01', '2026-08-31', '2026-09-01'].map((on, i) => counted(on, 10 ** i));
    const s = budgetSummary({ schoolYear: '2025-2026', asOf: '2026-12-07', members: 10, settings: defaultBudgetSettings, entries });
    expect(s).toMatchObject({ from: '2025-09-01', until: '2026-08-31', perStaffCents: 6_400, totalCents: 64_000, spentCents: 10 + 100, plannedCents: 0 });
    expect(s.staff).toEqual({ count: 10, source: 'members', members: 10 });
  });

  it('adds up, shows no negative amount but what is left, and counts each entry in exactly one school year', () => {
    fc.assert(
      fc.property(input, (i) => {
        const s = budgetSummary(i);
        expect(s.leftCents).toBe(s.totalCents - s.plannedCents - s.spentCents);
        expect(s.totalCents).toBe(s.perStaffCents * s.staff.count);
        expect(s.overBudget).toBe(s.leftCents < 0);
        const amounts = [s.totalCents, s.plannedCents, s.spentCents, s.staff.count, ...Object.values(s.planned), ...Object.values(s.spent)];
        expect(amounts.every((a) => Number.isInteger(a) && a >= 0)).toBe(true);
      }),
    );
  });

  it('counts a counted entry in its own school year only: the year of its day, and in no other', () => {
    fc.assert(
      fc.property(entry, day, fc.integer({ min: -2, max: 2 }), (e, asOf, offset) => {
        const own = schoolYearOf(e.on);
        const start = Number(own.slice(0, 4)) + offset;
        const s = budgetSummary({ schoolYear: `${start}-${start + 1}`, asOf, members: 1, settings: defaultBudgetSettings, entries: [e] });
        const counted = { study_day: 'planned', enrolment: 'enrolled', completion: 'completed' }[e.source] === e.status;
        expect(s.plannedCents + s.spentCents).toBe(offset === 0 && counted ? Math.max(0, e.amountCents) : 0);
      }),
    );
  });
});

describe('the count of posts', () => {
  it('takes 0 up to the maximum, with at most two decimals', () => {
    const parse = (envelopePosts: unknown) => budgetSettingsSchema.shape.envelopePosts.safeParse(envelopePosts).success;
    for (const ok of [0, 0.01, 23.5, 23.75, 5_000, null]) expect(parse(ok)).toBe(true);
    for (const bad of [-0.01, -1, 5_000.01, 1.234, Number.NaN, Number.POSITIVE_INFINITY, '12']) expect(parse(bad)).toBe(false);
  });

  it('accepts every hundredth and refuses every thousandth between', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 500_000 }), fc.integer({ min: 1, max: 9 }), (hundredths, thousandth) => {
        expect(hasAtMostTwoDecimals(hundredths / 100)).toBe(true);
        expect(hasAtMostTwoDecimals((hundredths * 10 + thousandth) / 1000)).toBe(false);
      }),
    );
  });
});
