import { z } from 'zod';

/**
 * A school's ICT training budget: contracts and the pure rule that sums it up. Amounts are
 * integer euro cents everywhere. The amounts per staff member are settings of each school;
 * `defaultBudgetSettings` only fills them for a school that has not set them.
 */

/**
 * The amounts as the policy set them (DOMAIN.md §3): the Digisprong top-up of €120 per staff
 * member for ICT training, usable until the end of 2026, beside the normal yearly training
 * budget of about €64 per staff member.
 * Sources: https://schoolit.be/nieuws/innovatie/vlaamse-overheid-maakt-20-miljoen-euro-vrij-voor-ict-bijscholing/ ;
 * https://benweyts.be/%27Bootcamps%27-stomen-schoolteams-klaar-voor-Digisprong
 */
export const defaultBudgetSettings = {
  topUpPerStaffCents: 12_000,
  topUpEndsOn: '2026-12-31',
  regularPerStaffCents: 6_400,
  staffCountOverride: null,
} as const satisfies BudgetSettings;

const dateSchema = z.iso.date('a date as YYYY-MM-DD');
const centsSchema = z.number().int('whole euro cents').min(0).max(100_000_000);

export const budgetSettingsSchema = z
  .object({
    topUpPerStaffCents: centsSchema.describe('Digisprong top-up per staff member, in euro cents (12000 = €120)'),
    topUpEndsOn: dateSchema.describe('Last day the top-up may be used'),
    regularPerStaffCents: centsSchema.describe('Normal yearly training budget per staff member, in euro cents (6400 = €64)'),
    staffCountOverride: z.number().int().min(0).max(100_000).nullable().describe('Staff to count instead of the school’s members; null counts the members'),
  })
  .meta({ id: 'BudgetSettings' });
export type BudgetSettings = z.infer<typeof budgetSettingsSchema>;

export const setBudgetSettingsBodySchema = budgetSettingsSchema.partial().strict().meta({ id: 'SetBudgetSettingsBody' });
export type SetBudgetSettingsBody = z.infer<typeof setBudgetSettingsBodySchema>;

export const budgetQuerySchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional().describe('Calendar year of the budget; this year by default'),
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

export interface BudgetInput {
  year: number;
  /** Today (YYYY-MM-DD, Brussels): before it is spent, from it on is planned. */
  asOf: string;
  members: number;
  settings: BudgetSettings;
  entries: readonly BudgetEntry[];
}

const lineSchema = z.object({
  id: z.enum(['digisprong_top_up', 'regular']),
  perStaffCents: z.number().int(),
  amountCents: z.number().int(),
  available: z.boolean().describe('false: the line counts nothing (the top-up after its last day)'),
  endsOn: z.string().nullable(),
});

const bySourceSchema = z.object({ studyDaysCents: z.number().int(), enrolmentsCents: z.number().int(), completionsCents: z.number().int() });

export const budgetSummarySchema = z
  .object({
    year: z.number().int(),
    asOf: z.string(),
    staff: z.object({ count: z.number().int(), source: z.enum(['members', 'override']), members: z.number().int() }),
    lines: z.array(lineSchema),
    totalCents: z.number().int(),
    plannedCents: z.number().int().describe('Study days and enrolments from today on, in this year'),
    spentCents: z.number().int().describe('Study days and enrolments before today and completions, in this year'),
    leftCents: z.number().int().describe('total − planned − spent; negative when over budget'),
    overBudget: z.boolean(),
    planned: bySourceSchema,
    spent: bySourceSchema,
  })
  .meta({ id: 'BudgetSummary' });
export type BudgetSummary = z.infer<typeof budgetSummarySchema>;

export const schoolBudgetSchema = z.object({ schoolId: z.string(), settings: budgetSettingsSchema, summary: budgetSummarySchema }).meta({ id: 'SchoolBudget' });
export type SchoolBudgetDto = z.infer<typeof schoolBudgetSchema>;

const nonNegative = (cents: number) => (Number.isFinite(cents) && cents > 0 ? Math.round(cents) : 0);

/**
 * The budget of one calendar year: the lines (per staff member × staff), what is planned and
 * spent in that year, and what is left. Cancelled and waitlisted entries never count; the
 * top-up counts nothing once `asOf` is past its last day, nor in a year after it.
 */
export function budgetSummary(input: BudgetInput): BudgetSummary {
  const { settings, year, asOf } = input;
  const members = Math.max(0, Math.trunc(input.members));
  const staffCount = settings.staffCountOverride === null ? members : Math.max(0, Math.trunc(settings.staffCountOverride));
  const topUpAvailable = asOf <= settings.topUpEndsOn && `${year}-01-01` <= settings.topUpEndsOn;
  const lines: BudgetSummary['lines'] = [
    {
      id: 'digisprong_top_up',
      perStaffCents: nonNegative(settings.topUpPerStaffCents),
      amountCents: topUpAvailable ? nonNegative(settings.topUpPerStaffCents) * staffCount : 0,
      available: topUpAvailable,
      endsOn: settings.topUpEndsOn,
    },
    { id: 'regular', perStaffCents: nonNegative(settings.regularPerStaffCents), amountCents: nonNegative(settings.regularPerStaffCents) * staffCount, available: true, endsOn: null },
  ];
  const planned = { studyDaysCents: 0, enrolmentsCents: 0, completionsCents: 0 };
  const spent = { studyDaysCents: 0, enrolmentsCents: 0, completionsCents: 0 };
  const field = { study_day: 'studyDaysCents', enrolment: 'enrolmentsCents', completion: 'completionsCents' } as const;
  const yearPrefix = `${year}-`;
  for (const entry of input.entries) {
    if (!countedStatuses[entry.source]?.includes(entry.status) || !entry.on.startsWith(yearPrefix)) continue;
    // A completion is money spent whatever its day; the rest is planned until its day comes.
    const bucket = entry.source === 'completion' || entry.on < asOf ? spent : planned;
    bucket[field[entry.source]] += nonNegative(entry.amountCents);
  }
  const sum = (by: typeof planned) => by.studyDaysCents + by.enrolmentsCents + by.completionsCents;
  const totalCents = lines.reduce((acc, line) => acc + line.amountCents, 0);
  const leftCents = totalCents - sum(planned) - sum(spent);
  return {
    year,
    asOf,
    staff: { count: staffCount, source: settings.staffCountOverride === null ? 'members' : 'override', members },
    lines,
    totalCents,
    plannedCents: sum(planned),
    spentCents: sum(spent),
    leftCents,
    overBudget: leftCents < 0,
    planned,
    spent,
  };
}
