import type { FundingMeasure, FundingPart, FundingScheme } from './funding-scheme';
import type { PupilCount, PupilGroup } from './pupil-groups';

/**
 * The pure rules of a funding scheme: each measure's budget from the pupils counted and the rate,
 * less the deductions; the device goal; how spending is charged against the parts of the budget;
 * and whether a spending line may be recorded at all. No I/O: the server, the pages and the tests
 * use the very same code. Money is integer euro cents throughout.
 */

/** Public procurement procedures a spending line names; `other` with its reference where none fits. */
export const procurementProcedures = ['low_value_invoice', 'negotiated_without_publication', 'negotiated_with_publication', 'open_procedure', 'framework_agreement', 'other'] as const;
export type ProcurementProcedure = (typeof procurementProcedures)[number];

export interface MeasureBudget {
  code: string;
  part: FundingPart;
  centsPerPupil: number | null;
  /** The day the pupils were counted on; null: each group's latest count. */
  countingDay: string | null;
  pupils: number;
  /** Groups with no count of that day: their pupils count as zero until entered. */
  missingGroups: PupilGroup[];
  /** Rate × pupils; null while the rate is not sourced. */
  grossCents: number | null;
  deductedCents: number;
  budgetCents: number | null;
}

/** What a school entered besides its counts: the value of each deduction's base (e.g. the emergency devices received), in cents. */
export type DeductionBases = Readonly<Record<string, number>>;

/** `cents × share` rounded half up to the cent, in integers: a share is taken to four decimals, so 0.75 of 1 cent is 1 cent. */
export function shareOfCents(cents: number, share: number): number {
  const basisPoints = Math.round(share * 10_000);
  return Math.floor((cents * basisPoints + 5_000) / 10_000);
}

/** The pupils of a measure's groups on its tranche's counting day (or each group's latest count when the day is not sourced). */
function pupilsOf(measure: FundingMeasure, countingDay: string | null, counts: readonly PupilCount[]): { pupils: number; missing: PupilGroup[] } {
  let pupils = 0;
  const missing: PupilGroup[] = [];
  for (const group of measure.groups) {
    const ofGroup = counts.filter((c) => c.group === group && (countingDay === null || c.countingDay === countingDay));
    const count = ofGroup.reduce<PupilCount | undefined>((latest, c) => (!latest || c.countingDay > latest.countingDay ? c : latest), undefined);
    if (count) pupils += count.pupils;
    else missing.push(group);
  }
  return { pupils, missing };
}

/** Each measure's budget for one school's counts, the deductions taken from their measures in order, each measure down to zero at most. */
export function measureBudgets(scheme: FundingScheme, counts: readonly PupilCount[], deductionBases: DeductionBases = {}): MeasureBudget[] {
  const budgets = scheme.measures.map((measure): MeasureBudget => {
    const countingDay = scheme.tranches.find((t) => t.code === measure.tranche)?.countingDay ?? null;
    const { pupils, missing } = pupilsOf(measure, countingDay, counts);
    const grossCents = measure.centsPerPupil === null ? null : measure.centsPerPupil * pupils;
    return {
      code: measure.code,
      part: measure.part,
      centsPerPupil: measure.centsPerPupil,
      countingDay,
      pupils,
      missingGroups: missing,
      grossCents,
      deductedCents: 0,
      budgetCents: grossCents,
    };
  });
  for (const deduction of scheme.deductions) {
    let left = shareOfCents(deductionBases[deduction.code] ?? 0, deduction.share);
    for (const code of deduction.from) {
      const budget = budgets.find((b) => b.code === code);
      if (!budget || budget.budgetCents === null || left === 0) continue;
      const taken = Math.min(left, budget.budgetCents);
      budget.deductedCents += taken;
      budget.budgetCents -= taken;
      left -= taken;
    }
  }
  return budgets;
}

export interface DeviceGoal {
  /** One device per pupil of the measures that pay one (from the 5th year of primary on). */
  goal: number;
  bought: number;
  met: boolean;
}

export function deviceGoal(budgets: readonly MeasureBudget[], scheme: FundingScheme, devicesBought: number): DeviceGoal {
  const perPupil = new Set(scheme.measures.filter((m) => m.devicePerPupil).map((m) => m.code));
  const goal = budgets.filter((b) => perPupil.has(b.code)).reduce((sum, b) => sum + b.pupils, 0);
  return { goal, bought: devicesBought, met: devicesBought >= goal };
}

export interface PartLedger {
  budgetCents: number;
  spentCents: number;
  leftCents: number;
}

export interface FundingLedger {
  parts: Record<FundingPart, PartLedger>;
  /** Null while a measure's rate is not sourced. */
  budgetCents: number | null;
  spentCents: number;
  leftCents: number | null;
  /** Spending no part could carry: a buffer of extra invoices, in case the auditor rejects some. */
  beyondBudgetCents: number;
}

/**
 * Charges spending against the parts: device spending on the device money, then on the money that
 * serves both; infrastructure spending on the infrastructure money, then on the money that serves
 * both, and, once the device goal is met and the scheme allows it, on what is left of the device
 * money. What no part carries is beyond the budget.
 */
export function fundingLedger(
  scheme: FundingScheme,
  budgets: readonly MeasureBudget[],
  spending: ReadonlyArray<{ part: 'infrastructure' | 'devices'; amountCents: number }>,
  goal: DeviceGoal,
): FundingLedger {
  const parts = {} as Record<FundingPart, PartLedger>;
  for (const part of ['infrastructure', 'devices', 'either'] as const) {
    const budgetCents = budgets.filter((b) => b.part === part).reduce((sum, b) => sum + (b.budgetCents ?? 0), 0);
    parts[part] = { budgetCents, spentCents: 0, leftCents: budgetCents };
  }
  const charge = (amount: number, order: readonly FundingPart[]): number => {
    let rest = amount;
    for (const part of order) {
      const taken = Math.min(rest, parts[part].leftCents);
      parts[part].spentCents += taken;
      parts[part].leftCents -= taken;
      rest -= taken;
    }
    return rest;
  };
  const total = (part: 'infrastructure' | 'devices') => spending.filter((s) => s.part === part).reduce((sum, s) => sum + s.amountCents, 0);
  let beyond = charge(total('devices'), ['devices', 'either']);
  const infrastructureOrder: FundingPart[] = scheme.remainderToInfrastructureOnceDeviceGoalMet && goal.met ? ['infrastructure', 'either', 'devices'] : ['infrastructure', 'either'];
  beyond += charge(total('infrastructure'), infrastructureOrder);
  const known = budgets.every((b) => b.budgetCents !== null);
  const budgetCents = Object.values(parts).reduce((sum, p) => sum + p.budgetCents, 0);
  const spentCents = total('devices') + total('infrastructure');
  return {
    parts,
    budgetCents: known ? budgetCents : null,
    spentCents,
    leftCents: known ? Object.values(parts).reduce((sum, p) => sum + p.leftCents, 0) : null,
    beyondBudgetCents: beyond,
  };
}

/** The last day of spending for a school: the later one when its board runs a rent or rent-to-own scheme. */
export function spendingDeadline(scheme: FundingScheme, rentScheme: boolean): string | null {
  return rentScheme ? (scheme.spendUntilWithRentScheme ?? scheme.spendUntil) : scheme.spendUntil;
}

export type SpendingRefusal =
  | { field: 'category'; kind: 'unknown_category' }
  | { field: 'category'; kind: 'ineligible'; reason: { nl: string; en: string } }
  | { field: 'invoiceDate'; kind: 'before_window'; from: string }
  | { field: 'invoiceDate'; kind: 'after_deadline'; deadline: string };

/** Why a spending line may not be recorded against the scheme, if it may not: a refused category (with its reason), an invoice outside the window. */
export function spendingRefusals(scheme: FundingScheme, line: { category: string; invoiceDate: string }, rentScheme: boolean): SpendingRefusal[] {
  const refusals: SpendingRefusal[] = [];
  const category = scheme.categories.find((c) => c.code === line.category);
  if (!category) refusals.push({ field: 'category', kind: 'unknown_category' });
  else if (!category.eligible) refusals.push({ field: 'category', kind: 'ineligible', reason: category.reason! });
  if (scheme.invoicesFrom && line.invoiceDate < scheme.invoicesFrom) refusals.push({ field: 'invoiceDate', kind: 'before_window', from: scheme.invoicesFrom });
  const deadline = spendingDeadline(scheme, rentScheme);
  if (deadline && line.invoiceDate > deadline) refusals.push({ field: 'invoiceDate', kind: 'after_deadline', deadline });
  return refusals;
}

/**
 * `size` of the ids drawn without replacement, each equally likely (a partial Fisher–Yates
 * shuffle); `randomInt(n)` gives 0 ≤ i < n, on the server from the operating system's CSPRNG.
 */
export function drawSample<T>(items: readonly T[], size: number, randomInt: (n: number) => number): T[] {
  const pool = [...items];
  const take = Math.min(size, pool.length);
  for (let i = 0; i < take; i++) {
    const j = i + randomInt(pool.length - i);
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  return pool.slice(0, take);
}

/** The auditor's three checks of a spending line, and whether its evidence is there. A low-value invoice is its own award: no reference needed. */
export function auditChecks(
  scheme: FundingScheme,
  line: { category: string; notDoubleFinanced: boolean; procurementProcedure: string; procurementReference: string | null; evidenceFiles: number },
) {
  return {
    eligible: scheme.categories.some((c) => c.code === line.category && c.eligible),
    noDoubleFinancing: line.notDoubleFinanced,
    procurement: line.procurementProcedure === 'low_value_invoice' || line.procurementReference !== null,
    evidence: line.evidenceFiles > 0,
  };
}
