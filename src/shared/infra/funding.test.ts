import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { auditChecks, deviceGoal, drawSample, fundingLedger, measureBudgets, shareOfCents, spendingDeadline, spendingRefusals } from './funding';
import { type FundingScheme, fundingSchemeSchema } from './funding-scheme';
import { type PupilCount, type PupilGroup, pupilGroups } from './pupil-groups';

const load = (file: string): FundingScheme => fundingSchemeSchema.parse(JSON.parse(readFileSync(new URL(`../../../content/funding/${file}`, import.meta.url), 'utf8')));
const digisprong = load('digisprong-2021.json');
const digiplan = load('digiplan-2025.json');

const count = (group: PupilGroup, countingDay: string, pupils: number): PupilCount => ({ schoolId: 's', group, countingDay, pupils });
const budgetOf = (budgets: ReturnType<typeof measureBudgets>, code: string) => budgets.find((b) => b.code === code)!;

describe('funding rules', () => {
  it('computes the circular’s example primary school: 100 pre-primary and 200 primary pupils, a third in years 5–6', () => {
    const counts = [count('pre_primary', '2020-02-01', 100), count('primary_1_4', '2020-02-01', 133), count('primary_5_6', '2020-02-01', 67)];
    const budgets = measureBudgets(digisprong, counts);
    expect(budgetOf(budgets, 'infrastructure').budgetCents).toBe(300 * 4200);
    expect(budgetOf(budgets, 'shared_devices').budgetCents).toBe(233 * 2500);
    expect(budgetOf(budgets, 'devices_primary_5_6').budgetCents).toBe(67 * 29000);
    const total = budgets.reduce((sum, b) => sum + (b.budgetCents ?? 0), 0);
    // About €40,000, as the press put it.
    expect(total).toBe(3_785_500);
  });

  it('reads each measure’s pupils on its tranche’s counting day only, and names the groups without a count', () => {
    const counts = [count('secondary_1_3_5_7', '2020-02-01', 300), count('secondary_2_4_6_other', '2020-02-01', 280), count('secondary_2_4_6_other', '2021-10-01', 290)];
    const budgets = measureBudgets(digisprong, counts);
    expect(budgetOf(budgets, 'devices_secondary_1')).toMatchObject({ pupils: 300, countingDay: '2020-02-01', budgetCents: 300 * 51000 });
    expect(budgetOf(budgets, 'devices_secondary_2')).toMatchObject({ pupils: 290, countingDay: '2021-10-01', budgetCents: 290 * 51000 });
    expect(budgetOf(budgets, 'infrastructure')).toMatchObject({ pupils: 580, missingGroups: ['pre_primary', 'primary_1_4', 'primary_5_6'] });
    // A count of the day before or after the counting day does not count.
    expect(budgetOf(measureBudgets(digisprong, [count('primary_5_6', '2020-01-31', 10), count('primary_5_6', '2020-02-02', 10)]), 'devices_primary_5_6').pupils).toBe(0);
  });

  it('deducts three quarters of the emergency devices’ value, rounded half up to the cent, from the device measures in order, each down to zero', () => {
    expect([shareOfCents(1, 0.75), shareOfCents(2, 0.75), shareOfCents(3, 0.75), shareOfCents(0, 0.75), shareOfCents(100_00, 0.75)]).toEqual([1, 2, 2, 0, 75_00]);
    const counts = [count('secondary_1_3_5_7', '2020-02-01', 10), count('secondary_2_4_6_other', '2021-10-01', 2)];
    const budgets = measureBudgets(digisprong, counts, { emergency_devices_2020: 2_000_00 });
    expect(budgetOf(budgets, 'devices_secondary_2')).toMatchObject({ deductedCents: 1_020_00, budgetCents: 0 });
    expect(budgetOf(budgets, 'devices_secondary_1')).toMatchObject({ deductedCents: 1_500_00 - 1_020_00, budgetCents: 5_100_00 - 480_00 });
    expect(budgetOf(budgets, 'infrastructure').deductedCents).toBe(0);
  });

  it('keeps a measure whose rate is not sourced open: no budget, no left', () => {
    const budgets = measureBudgets(digiplan, [count('primary_5_6', '2025-02-01', 50)]);
    expect(budgets[0]).toMatchObject({ pupils: 50, grossCents: null, budgetCents: null, countingDay: null });
    const ledger = fundingLedger(digiplan, budgets, [{ part: 'infrastructure', amountCents: 100 }], deviceGoal(budgets, digiplan, 0));
    expect([ledger.budgetCents, ledger.leftCents, ledger.spentCents]).toEqual([null, null, 100]);
  });

  it('meets the device goal at one device per pupil from the 5th year of primary, not one fewer', () => {
    const budgets = measureBudgets(digisprong, [count('primary_1_4', '2020-02-01', 100), count('primary_5_6', '2020-02-01', 48)]);
    expect(deviceGoal(budgets, digisprong, 47)).toEqual({ goal: 48, bought: 47, met: false });
    expect(deviceGoal(budgets, digisprong, 48)).toEqual({ goal: 48, bought: 48, met: true });
  });

  it('lets infrastructure spending use what is left of the device money only once the device goal is met', () => {
    const budgets = measureBudgets(digisprong, [count('primary_5_6', '2020-02-01', 10)]);
    // Infrastructure 10 × €42 = €420; devices 10 × €290 = €2,900.
    const spending = [{ part: 'infrastructure' as const, amountCents: 1_000_00 }];
    const before = fundingLedger(digisprong, budgets, spending, deviceGoal(budgets, digisprong, 9));
    expect(before.parts.infrastructure).toEqual({ budgetCents: 420_00, spentCents: 420_00, leftCents: 0 });
    expect([before.beyondBudgetCents, before.leftCents]).toEqual([580_00, 2_900_00]);
    const after = fundingLedger(digisprong, budgets, spending, deviceGoal(budgets, digisprong, 10));
    expect(after.parts.devices).toEqual({ budgetCents: 2_900_00, spentCents: 580_00, leftCents: 2_320_00 });
    expect([after.beyondBudgetCents, after.leftCents]).toEqual([0, 2_320_00]);
  });

  it('refuses internet and telephony with the reason, and invoices outside the window, naming the field', () => {
    expect(spendingRefusals(digisprong, { category: 'devices', invoiceDate: '2021-01-01' }, false)).toEqual([]);
    expect(spendingRefusals(digisprong, { category: 'network', invoiceDate: '2024-08-31' }, false)).toEqual([]);
    expect(spendingRefusals(digisprong, { category: 'internet_subscription', invoiceDate: '2022-05-01' }, false)).toEqual([
      { field: 'category', kind: 'ineligible', reason: expect.objectContaining({ en: expect.stringMatching(/running costs/) }) },
    ]);
    expect(spendingRefusals(digisprong, { category: 'telephony', invoiceDate: '2022-05-01' }, false)[0]).toMatchObject({ field: 'category', kind: 'ineligible' });
    expect(spendingRefusals(digisprong, { category: 'pizza', invoiceDate: '2022-05-01' }, false)).toEqual([{ field: 'category', kind: 'unknown_category' }]);
    expect(spendingRefusals(digisprong, { category: 'devices', invoiceDate: '2020-12-31' }, false)).toEqual([{ field: 'invoiceDate', kind: 'before_window', from: '2021-01-01' }]);
    expect(spendingRefusals(digisprong, { category: 'devices', invoiceDate: '2024-09-01' }, false)).toEqual([{ field: 'invoiceDate', kind: 'after_deadline', deadline: '2024-08-31' }]);
    expect(spendingRefusals(digisprong, { category: 'devices', invoiceDate: '2024-09-01' }, true)).toEqual([]);
    expect(spendingRefusals(digisprong, { category: 'devices', invoiceDate: '2025-09-01' }, true)).toEqual([{ field: 'invoiceDate', kind: 'after_deadline', deadline: '2025-08-31' }]);
    expect([spendingDeadline(digisprong, false), spendingDeadline(digisprong, true), spendingDeadline(digiplan, true)]).toEqual(['2024-08-31', '2025-08-31', null]);
  });

  it('refuses a scheme file whose measure names a tranche it lacks, or whose deadlines run backwards', () => {
    const raw = JSON.parse(readFileSync(new URL('../../../content/funding/digisprong-2021.json', import.meta.url), 'utf8'));
    const broken = fundingSchemeSchema.safeParse({
      ...raw,
      measures: raw.measures.map((m: { code: string }, i: number) => (i === 0 ? { ...m, tranche: 'tranche_9' } : m)),
      spendUntilWithRentScheme: '2020-01-01',
    });
    expect(broken.success).toBe(false);
    expect(broken.error?.issues.map((i) => i.path.join('.')).sort()).toEqual(['measures.0.tranche', 'spendUntilWithRentScheme']);
    expect(fundingSchemeSchema.safeParse({ ...raw, categories: [{ code: 'x', name: raw.name, eligible: false }] }).success).toBe(false);
  });
});

describe('funding rules, for any counts and spending', () => {
  const counts = fc.array(
    fc.record({ group: fc.constantFrom(...pupilGroups), countingDay: fc.constantFrom('2020-02-01', '2021-10-01', '2022-02-01'), pupils: fc.integer({ min: 0, max: 5000 }) }),
    { maxLength: 12 },
  );
  const spending = fc.array(fc.record({ part: fc.constantFrom('infrastructure' as const, 'devices' as const), amountCents: fc.integer({ min: 1, max: 50_000_000 }) }), {
    maxLength: 20,
  });
  const unique = (list: Array<Omit<PupilCount, 'schoolId'>>) => [...new Map(list.map((c) => [`${c.group}${c.countingDay}`, { ...c, schoolId: 's' }])).values()];

  it('gives whole cents, never below zero, and deducts exactly what the measures can carry', () => {
    fc.assert(
      fc.property(counts, fc.integer({ min: 0, max: 100_000_000 }), (list, emergency) => {
        const budgets = measureBudgets(digisprong, unique(list), { emergency_devices_2020: emergency });
        const gross = budgets.reduce((sum, b) => sum + b.grossCents!, 0);
        const net = budgets.reduce((sum, b) => sum + b.budgetCents!, 0);
        expect(budgets.every((b) => Number.isInteger(b.budgetCents) && b.budgetCents! >= 0)).toBe(true);
        const carriable = budgets.filter((b) => digisprong.deductions[0].from.includes(b.code)).reduce((sum, b) => sum + b.grossCents!, 0);
        expect(gross - net).toBe(Math.min(shareOfCents(emergency, 0.75), carriable));
      }),
    );
  });

  it('charges every cent spent once: to a part or beyond the budget, and left is budget minus what the parts carry', () => {
    fc.assert(
      fc.property(counts, spending, fc.integer({ min: 0, max: 20_000 }), (list, lines, bought) => {
        const budgets = measureBudgets(digisprong, unique(list));
        const goal = deviceGoal(budgets, digisprong, bought);
        const ledger = fundingLedger(digisprong, budgets, lines, goal);
        const carried = Object.values(ledger.parts).reduce((sum, p) => sum + p.spentCents, 0);
        expect(carried + ledger.beyondBudgetCents).toBe(ledger.spentCents);
        expect(ledger.leftCents).toBe(ledger.budgetCents! - carried);
        expect(Object.values(ledger.parts).every((p) => p.leftCents >= 0 && p.spentCents + p.leftCents === p.budgetCents)).toBe(true);
        // Without the device goal met, infrastructure never draws on the device money.
        if (!goal.met)
          expect(ledger.parts.devices.spentCents).toBe(
            Math.min(
              ledger.parts.devices.budgetCents,
              lines.filter((l) => l.part === 'devices').reduce((s, l) => s + l.amountCents, 0),
            ),
          );
      }),
    );
  });

  it('accepts an invoice exactly on every day of the window and refuses the days just outside it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1338 }), fc.boolean(), (offset, rent) => {
        const day = new Date(Date.UTC(2021, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);
        const deadline = spendingDeadline(digisprong, rent)!;
        const refused = spendingRefusals(digisprong, { category: 'devices', invoiceDate: day }, rent).length > 0;
        expect(refused).toBe(day > deadline);
      }),
    );
  });
});

describe('evidence samples and audit checks', () => {
  it('draws as many distinct lines as asked, or all when fewer, from the list only', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string(), { maxLength: 40 }),
        fc.integer({ min: 1, max: 60 }),
        fc.infiniteStream(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true })),
        (ids, size, draws) => {
          const next = draws[Symbol.iterator]();
          const sample = drawSample(ids, size, (n) => Math.floor(next.next().value * n));
          expect(sample).toHaveLength(Math.min(size, ids.length));
          expect(new Set(sample).size).toBe(sample.length);
          expect(sample.every((id) => ids.includes(id))).toBe(true);
        },
      ),
    );
  });

  it('passes a line on the three checks and its evidence, and fails each one alone', () => {
    const good = { category: 'devices', notDoubleFinanced: true, procurementProcedure: 'open_procedure', procurementReference: 'OO-2022-04', evidenceFiles: 1 };
    expect(auditChecks(digisprong, good)).toEqual({ eligible: true, noDoubleFinancing: true, procurement: true, evidence: true });
    expect(auditChecks(digisprong, { ...good, category: 'telephony' }).eligible).toBe(false);
    expect(auditChecks(digisprong, { ...good, notDoubleFinanced: false }).noDoubleFinancing).toBe(false);
    expect(auditChecks(digisprong, { ...good, procurementReference: null }).procurement).toBe(false);
    expect(auditChecks(digisprong, { ...good, procurementProcedure: 'low_value_invoice', procurementReference: null }).procurement).toBe(true);
    expect(auditChecks(digisprong, { ...good, evidenceFiles: 0 }).evidence).toBe(false);
  });
});
