import { z } from 'zod';
import { isoDaySchema } from './api';
import { pupilGroups } from './pupil-groups';

/**
 * A funding scheme as stored in `content/funding/*.json`: its measures (a rate per pupil of some
 * groups, counted on a tranche's counting day), the spending categories it accepts or refuses
 * (with the reason), the invoice window, the spending deadlines and the deductions. Validated at
 * start-up; the rules that count with it live in `funding.ts`.
 */

const text = z.object({ nl: z.string().min(1), en: z.string().min(1) }).strict();
const source = z.object({ title: z.string().min(1), url: z.string().url() }).strict();
const code = z.string().regex(/^[a-z][a-z0-9_]*$/, 'must be a lower-case code (a-z, 0-9, _)');

/** Which budget a measure fills and a spending category draws on; `either` (the work-based tracks' €552) serves both. */
export const fundingParts = ['infrastructure', 'devices', 'either'] as const;
export type FundingPart = (typeof fundingParts)[number];

const tranche = z
  .object({
    code,
    /** Left null while unsourced: the budget then reads each group's latest count. */
    countingDay: isoDaySchema.nullable(),
    name: text,
  })
  .strict();

const measure = z
  .object({
    code,
    name: text,
    part: z.enum(fundingParts),
    /** Euro cents per counted pupil; null while the rate is not sourced. */
    centsPerPupil: z.number().int().min(0).max(1_000_000).nullable(),
    groups: z.array(z.enum(pupilGroups)).min(1),
    tranche: code,
    /** The measure pays a device per pupil: its groups make the device goal. */
    devicePerPupil: z.boolean().default(false),
  })
  .strict();

const category = z
  .object({
    code,
    name: text,
    /** What a refused category is refused for; eligible ones draw on `part`. */
    eligible: z.boolean(),
    part: z.enum(['infrastructure', 'devices']).optional(),
    reason: text.optional(),
  })
  .strict()
  .refine((c) => (c.eligible ? c.part !== undefined : c.reason !== undefined), { message: 'an eligible category needs its part, a refused one its reason' });

const deduction = z
  .object({
    code,
    name: text,
    /** The share of the entered value that is deducted, 0–1 (0.75: three quarters of the market value). */
    share: z.number().gt(0).max(1),
    /** The measures it is taken from, in order, each down to zero at most. */
    from: z.array(code).min(1),
    source,
  })
  .strict();

export const fundingSchemeSchema = z
  .object({
    id: code,
    version: z.string().min(1),
    name: text,
    summary: text,
    source,
    sources: z.array(source).default([]),
    /** False while the rates, days or windows are not sourced: every page shows the mark. */
    verified: z.boolean(),
    unverifiedNote: text.optional(),
    tranches: z.array(tranche).min(1),
    measures: z.array(measure).min(1),
    categories: z.array(category).min(1),
    /** Invoices dated from this day on count; null while unsourced. */
    invoicesFrom: isoDaySchema.nullable(),
    /** The last day of spending, and the later one of boards with rent or rent-to-own schemes; null while unsourced. */
    spendUntil: isoDaySchema.nullable(),
    spendUntilWithRentScheme: isoDaySchema.nullable(),
    deductions: z.array(deduction).default([]),
    /** Once the device goal is met, what is left of the device money may go to infrastructure. */
    remainderToInfrastructureOnceDeviceGoalMet: z.boolean(),
    rules: z.array(z.object({ text, source }).strict()).default([]),
  })
  .strict()
  .superRefine((scheme, ctx) => {
    const tranches = new Set(scheme.tranches.map((t) => t.code));
    const measures = new Set(scheme.measures.map((m) => m.code));
    scheme.measures.forEach((m, i) => {
      if (!tranches.has(m.tranche)) ctx.addIssue({ code: 'custom', path: ['measures', i, 'tranche'], message: `no tranche ${m.tranche}` });
    });
    scheme.deductions.forEach((d, i) =>
      d.from.forEach((m, j) => {
        if (!measures.has(m)) ctx.addIssue({ code: 'custom', path: ['deductions', i, 'from', j], message: `no measure ${m}` });
      }),
    );
    for (const [list, items] of [
      ['tranches', scheme.tranches],
      ['measures', scheme.measures],
      ['categories', scheme.categories],
    ] as const) {
      const seen = new Set<string>();
      items.forEach((item, i) => {
        if (seen.has(item.code)) ctx.addIssue({ code: 'custom', path: [list, i, 'code'], message: `${item.code} twice` });
        seen.add(item.code);
      });
    }
    if (scheme.spendUntil && scheme.spendUntilWithRentScheme && scheme.spendUntilWithRentScheme < scheme.spendUntil)
      ctx.addIssue({ code: 'custom', path: ['spendUntilWithRentScheme'], message: 'must not be before spendUntil' });
    if (scheme.invoicesFrom && scheme.spendUntil && scheme.spendUntil < scheme.invoicesFrom)
      ctx.addIssue({ code: 'custom', path: ['spendUntil'], message: 'must not be before invoicesFrom' });
  });

export type FundingScheme = z.output<typeof fundingSchemeSchema>;
export type FundingMeasure = FundingScheme['measures'][number];
export type SpendingCategory = FundingScheme['categories'][number];
