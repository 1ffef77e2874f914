import { z } from 'zod';
import { schoolYearSchema } from '../policy-plan/policy-plan';
import { ENVELOPE_POSTS_MAX, type IctTrainingEnvelope, ictTrainingEnvelope, regularTrainingBudget } from './training-funds';

/**
 * A school's ICT training money: contracts and the pure rules that sum it up. Amounts are
 * integer euro cents everywhere. Two pots, each counted over its own period:
 * - the regular training budget, per staff member and **school year** (1 September – 31 August);
 * - the one-off Digisprong envelope for ICT training (`ictTrainingEnvelope`): €120 per full-time
 *   post counted on 1 February 2021, for trainings followed inside its spending window.
 * A training inside both periods shows in both: the school decides which pot pays it.
 */

export const defaultBudgetSettings = {
  regularPerStaffCents: regularTrainingBudget.perStaffCents,
  staffCountOverride: null,
  envelopePosts: null,
} as const satisfies BudgetSettings;

/** True when `value` has at most two decimals, as the page writes it (`12,5`, `23,75`). */
export function hasAtMostTwoDecimals(value: number): boolean {
  return Number.isFinite(value) && Math.abs(value * 100 - Math.round(value * 100)) < 1e-6;
}

const centsSchema = z.number().int('whole euro cents').min(0).max(100_000_000);

export const budgetSettingsSchema = z
  .object({
    regularPerStaffCents: centsSchema.describe('Regular training budget per staff member and school year, in euro cents (6400 = €64)'),
    staffCountOverride: z.number().int().min(0).max(100_000).nullable().describe('Staff to count instead of the school’s members; null counts the members'),
    envelopePosts: z
      .number()
      .min(0)
      .max(ENVELOPE_POSTS_MAX)
      .refine(hasAtMostTwoDecimals, 'at most two decimals')
      .nullable()
      .describe('Full-time organic posts of management and teaching staff on 1 February 2021 (e.g. 23.5); null while the school has not entered them'),
  })
  .meta({ id: 'BudgetSettings' });
export type BudgetSettings = z.infer<typeof budgetSettingsSchema>;

export const setBudgetSettingsBodySchema = budgetSettingsSchema.partial().strict().meta({ id: 'SetBudgetSettingsBody' });
export type SetBudgetSettingsBody = z.infer<typeof setBudgetSettingsBodySchema>;

export const budgetQuerySchema = z.object({
  schoolYear: schoolYearSchema.optional().describe('School year of the regular budget, e.g. 2025-2026; the current one by default'),
});

/**
 * One amount that uses the budget, as the catalogue and the study days report it: a sum, never
 * whose. `on` is the day of the session, the completion or the study day.
 */
export interface BudgetEntry {
  source: 'study_day' | 'enrolment' | 'completion';
  status: 'planned' | 'enrolled' | 'waitlisted' | 'cancelled' | 'completed';
  on: string;
  amountCents: number;
}

/** Only these use money: a waiting list costs nothing until a seat is given, a cancellation never. */
const countedStatuses: Record<BudgetEntry['source'], ReadonlyArray<BudgetEntry['status']>> = {
  study_day: ['planned'],
  enrolment: ['enrolled'],
  completion: ['completed'],
};

const bySourceSchema = z.object({ studyDaysCents: z.number().int(), enrolmentsCents: z.number().int(), completionsCents: z.number().int() });
type BySource = z.infer<typeof bySourceSchema>;

const useSchema = {
  plannedCents: z.number().int().describe('Study days and enrolments from today on, inside the period'),
  spentCents: z.number().int().describe('Study days and enrolments before today and completions, inside the period'),
  leftCents: z.number().int().describe('amount − planned − spent; negative when over budget'),
  overBudget: z.boolean(),
  planned: bySourceSchema,
  spent: bySourceSchema,
};

export const budgetSummarySchema = z
  .object({
    schoolYear: z.string(),
    from: z.string().describe('First day of the school year (1 September)'),
    until: z.string().describe('Last day of the school year (31 August)'),
    asOf: z.string(),
    staff: z.object({ count: z.number().int(), source: z.enum(['members', 'override']), members: z.number().int() }),
    perStaffCents: z.number().int(),
    totalCents: z.number().int(),
    ...useSchema,
  })
  .meta({ id: 'BudgetSummary' });
export type BudgetSummary = z.infer<typeof budgetSummarySchema>;

export const envelopeSummarySchema = z
  .object({
    posts: z.number().nullable().describe('Full-time posts on the counting day, as the school entered them; null: not entered'),
    perPostCents: z.number().int(),
    countedOn: z.string(),
    spendFrom: z.string(),
    spendUntil: z.string(),
    state: z.enum(['not_yet_open', 'open', 'closed']).describe('closed: today is after the last day to spend it'),
    amountCents: z.number().int().describe('posts × amount per post'),
    tranches: z.array(z.object({ sharePercent: z.number(), paidBy: z.string(), amountCents: z.number().int() })),
    ...useSchema,
    source: z.object({ title: z.string(), url: z.string() }),
  })
  .meta({ id: 'IctTrainingEnvelope' });
export type EnvelopeSummary = z.infer<typeof envelopeSummarySchema>;

export const schoolBudgetSchema = z
  .object({ schoolId: z.string(), settings: budgetSettingsSchema, summary: budgetSummarySchema, envelope: envelopeSummarySchema })
  .meta({ id: 'SchoolBudget' });
export type SchoolBudgetDto = z.infer<typeof schoolBudgetSchema>;

const nonNegative = (cents: number) => (Number.isFinite(cents) && cents > 0 ? Math.round(cents) : 0);

/** The first and last day (both included) of a school year: `2025-2026` → 2025-09-01 … 2026-08-31. */
export function schoolYearDays(schoolYear: string): { from: string; until: string } {
  const start = Number(schoolYear.slice(0, 4));
  return { from: `${start}-09-01`, until: `${start + 1}-08-31` };
}

/**
 * What the entries inside [from, until] (both included) plan and spend: a completion is spent
 * whatever its day, the rest is planned until its day comes. Cancelled and waitlisted entries
 * never count.
 */
export function usesInPeriod(entries: readonly BudgetEntry[], from: string, until: string, asOf: string): { planned: BySource; spent: BySource } {
  const planned = { studyDaysCents: 0, enrolmentsCents: 0, completionsCents: 0 };
  const spent = { studyDaysCents: 0, enrolmentsCents: 0, completionsCents: 0 };
  const field = { study_day: 'studyDaysCents', enrolment: 'enrolmentsCents', completion: 'completionsCents' } as const;
  for (const entry of entries) {
    if (!countedStatuses[entry.source]?.includes(entry.status)) continue;
    const day = entry.on.slice(0, 10);
    if (day < from || day > until) continue;
    const bucket = entry.source === 'completion' || day < asOf ? spent : planned;
    bucket[field[entry.source]] += nonNegative(entry.amountCents);
  }
  return { planned, spent };
}

const total = (by: BySource) => by.studyDaysCents + by.enrolmentsCents + by.completionsCents;

function uses(amountCents: number, used: { planned: BySource; spent: BySource }) {
  const plannedCents = total(used.planned);
  const spentCents = total(used.spent);
  const leftCents = amountCents - plannedCents - spentCents;
  return { plannedCents, spentCents, leftCents, overBudget: leftCents < 0, planned: used.planned, spent: used.spent };
}

export interface BudgetInput {
  /** `2025-2026`. */
  schoolYear: string;
  /** Today (YYYY-MM-DD, Brussels): before it is spent, from it on is planned. */
  asOf: string;
  members: number;
  settings: Pick<BudgetSettings, 'regularPerStaffCents' | 'staffCountOverride'>;
  entries: readonly BudgetEntry[];
}

/** The regular training budget of one school year: per staff member × staff, what is planned and spent in it, and what is left. */
export function budgetSummary(input: BudgetInput): BudgetSummary {
  const { settings, schoolYear, asOf } = input;
  const { from, until } = schoolYearDays(schoolYear);
  const members = Math.max(0, Math.trunc(input.members));
  const staffCount = settings.staffCountOverride === null ? members : Math.max(0, Math.trunc(settings.staffCountOverride));
  const perStaffCents = nonNegative(settings.regularPerStaffCents);
  const totalCents = perStaffCents * staffCount;
  return {
    schoolYear,
    from,
    until,
    asOf,
    staff: { count: staffCount, source: settings.staffCountOverride === null ? 'members' : 'override', members },
    perStaffCents,
    totalCents,
    ...uses(totalCents, usesInPeriod(input.entries, from, until, asOf)),
  };
}

/** Whether the envelope may be spent on `asOf`: not yet before its first day, closed after its last. */
export function envelopeState(asOf: string, envelope: IctTrainingEnvelope = ictTrainingEnvelope): EnvelopeSummary['state'] {
  if (asOf < envelope.spendFrom) return 'not_yet_open';
  return asOf > envelope.spendUntil ? 'closed' : 'open';
}

/** posts × amount per post, in whole cents; no posts entered counts 0. */
export function envelopeAmountCents(posts: number | null, envelope: IctTrainingEnvelope = ictTrainingEnvelope): number {
  return posts === null || !Number.isFinite(posts) || posts <= 0 ? 0 : Math.round(posts * envelope.perPostCents);
}

/** The tranches in cents; the last takes what rounding leaves, so they always add up to the amount. */
export function envelopeTranches(amountCents: number, envelope: IctTrainingEnvelope = ictTrainingEnvelope): EnvelopeSummary['tranches'] {
  let given = 0;
  return envelope.tranches.map((tranche, index) => {
    const last = index === envelope.tranches.length - 1;
    const cents = last ? amountCents - given : Math.round((amountCents * tranche.sharePercent) / 100);
    given += cents;
    return { sharePercent: tranche.sharePercent, paidBy: tranche.paidBy, amountCents: cents };
  });
}

export interface EnvelopeInput {
  asOf: string;
  posts: number | null;
  entries: readonly BudgetEntry[];
  envelope?: IctTrainingEnvelope;
}

/**
 * The one-off ICT training envelope: the amount from the school's count of posts, its tranches,
 * what ICT trainings followed inside the spending window planned and spent, what is left, and
 * whether it is still open. Every training in the catalogue is tagged with DigCompEdu
 * competences, so each one is an ICT training.
 */
export function envelopeSummary(input: EnvelopeInput): EnvelopeSummary {
  const envelope = input.envelope ?? ictTrainingEnvelope;
  const amountCents = envelopeAmountCents(input.posts, envelope);
  return {
    posts: input.posts,
    perPostCents: envelope.perPostCents,
    countedOn: envelope.countedOn,
    spendFrom: envelope.spendFrom,
    spendUntil: envelope.spendUntil,
    state: envelopeState(input.asOf, envelope),
    amountCents,
    tranches: envelopeTranches(amountCents, envelope),
    ...uses(amountCents, usesInPeriod(input.entries, envelope.spendFrom, envelope.spendUntil, input.asOf)),
    source: { ...envelope.source },
  };
}
