import { z } from 'zod';
import { isoDaySchema } from './api';
import { infraFileSchema } from './file-api';
import { procurementProcedures } from './funding';
import { fundingParts, fundingSchemeSchema } from './funding-scheme';
import { pupilGroups } from './pupil-groups';

/** The contracts of the ICT park's funding: pupil counts, the budget per measure, spending lines with the auditor's checks and their evidence, the board's summary and evidence export. */

export { boardParamsSchema, schoolIdParamsSchema } from '../school/schools';

const schemeCode = z
  .string()
  .regex(/^[a-z][a-z0-9_]*$/, 'must be a scheme code')
  .max(40, 'must be at most 40 characters');
const code = z
  .string()
  .regex(/^[a-z][a-z0-9_]*$/, 'must be a code (a-z, 0-9, _)')
  .max(60, 'must be at most 60 characters');
const fileId = z.string().min(1).max(100);

export const fundingQuerySchema = z.object({ scheme: schemeCode.default('digisprong').describe('The funding scheme; Digisprong when left out') });

export const spendingParamsSchema = z.object({ spendingId: z.string().min(1).max(100) });

/** The most pupils one group of one school can have: far above any school, low enough to catch a typo. */
export const PUPILS_MAX = 20_000;

export const pupilCountInputSchema = z.object({
  group: z.enum(pupilGroups),
  countingDay: isoDaySchema,
  pupils: z.number().int('must be a whole number').min(0, 'must not be negative').max(PUPILS_MAX, `must be at most ${PUPILS_MAX}`),
});

export const setPupilCountsBodySchema = z
  .object({ counts: z.array(pupilCountInputSchema).min(1, 'name at least one count').max(200, 'at most 200 counts at once') })
  .superRefine((body, ctx) => {
    const seen = new Set<string>();
    body.counts.forEach((count, i) => {
      const key = `${count.group} ${count.countingDay}`;
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: ['counts', i, 'group'], message: 'this group and counting day are named twice' });
      seen.add(key);
    });
  });

export const setFundingTermsBodySchema = z.object({
  scheme: schemeCode,
  rentScheme: z.boolean().describe('The board ran a rent, rent-to-own or purchase scheme in 2020-22: the later spending deadline applies'),
  deductionBases: z
    .record(code, z.number().int().min(0).max(10_000_000_000))
    .default({})
    .describe('Per deduction of the scheme, the value it is taken from in euro cents (the emergency devices received: their market value)'),
});

export const recordSpendingBodySchema = z.object({
  scheme: schemeCode,
  category: code,
  description: z.string().trim().min(1, 'must not be empty').max(300, 'must be at most 300 characters'),
  supplier: z
    .string()
    .trim()
    .max(150, 'must be at most 150 characters')
    .nullable()
    .optional()
    .transform((v) => (v ? v : null)),
  amountCents: z.number().int('must be whole cents').min(1, 'must be more than zero').max(10_000_000_000, 'is too large'),
  invoiceReference: z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters'),
  invoiceDate: isoDaySchema,
  notDoubleFinanced: z.boolean().describe('The school declares the cost is not also paid by parents or another subsidy'),
  procurementProcedure: z.enum(procurementProcedures),
  procurementReference: z
    .string()
    .trim()
    .max(100, 'must be at most 100 characters')
    .nullable()
    .optional()
    .transform((v) => (v ? v : null))
    .describe('The reference of the award (a file number, the framework agreement)'),
  evidenceFileIds: z.array(fileId).max(10, 'at most 10 files').default([]).describe('Invoice files uploaded first with uploadInfraFile'),
});

export const addSpendingEvidenceBodySchema = z.object({ fileIds: z.array(fileId).min(1, 'name at least one file').max(10, 'at most 10 files') });

export const evidenceExportQuerySchema = z
  .object({
    scheme: schemeCode.default('digisprong'),
    size: z.coerce.number().int().min(1).max(500).optional().describe('Draw this many lines at random across the board’s schools'),
    ids: z
      .string()
      .max(10_000)
      .optional()
      .transform((v) => (v ? v.split(',').filter(Boolean) : undefined))
      .describe('Or the lines picked by hand: spending ids, comma-separated'),
  })
  .refine((q) => (q.size === undefined) !== (q.ids === undefined), { message: 'give either size or ids', path: ['size'] });

export const pupilCountSchema = z.object({ group: z.enum(pupilGroups), countingDay: z.string(), pupils: z.number().int() });

export const auditChecksSchema = z
  .object({
    eligible: z.boolean().describe('The category is one the scheme accepts'),
    noDoubleFinancing: z.boolean().describe('Declared not paid by parents or another subsidy'),
    procurement: z.boolean().describe('A procurement procedure with its reference (a low-value invoice needs none)'),
    evidence: z.boolean().describe('At least one invoice file attached'),
  })
  .meta({ id: 'AuditChecks' });

export const spendingLineSchema = z
  .object({
    id: z.string(),
    schoolId: z.string(),
    scheme: z.string(),
    category: z.string(),
    part: z.enum(['infrastructure', 'devices']).nullable(),
    description: z.string(),
    supplier: z.string().nullable(),
    amountCents: z.number().int(),
    invoiceReference: z.string(),
    invoiceDate: z.string(),
    notDoubleFinanced: z.boolean(),
    procurementProcedure: z.enum(procurementProcedures),
    procurementReference: z.string().nullable(),
    evidence: z.array(infraFileSchema),
    checks: auditChecksSchema,
    recordedAt: z.string(),
  })
  .meta({ id: 'SpendingLine' });
export type SpendingLineDto = z.infer<typeof spendingLineSchema>;

const partLedger = z.object({ budgetCents: z.number().int(), spentCents: z.number().int(), leftCents: z.number().int() });
export const fundingLedgerSchema = z.object({
  parts: z.object(Object.fromEntries(fundingParts.map((part) => [part, partLedger])) as Record<(typeof fundingParts)[number], typeof partLedger>),
  budgetCents: z.number().int().nullable(),
  spentCents: z.number().int(),
  leftCents: z.number().int().nullable(),
  beyondBudgetCents: z.number().int(),
});

export const deviceGoalSchema = z.object({ goal: z.number().int(), bought: z.number().int(), met: z.boolean() });

export const measureBudgetSchema = z.object({
  code: z.string(),
  part: z.enum(fundingParts),
  centsPerPupil: z.number().int().nullable(),
  countingDay: z.string().nullable(),
  pupils: z.number().int(),
  missingGroups: z.array(z.enum(pupilGroups)),
  grossCents: z.number().int().nullable(),
  deductedCents: z.number().int(),
  budgetCents: z.number().int().nullable(),
});

export const schemeChoiceSchema = z.object({ id: z.string(), version: z.string(), name: z.object({ nl: z.string(), en: z.string() }), verified: z.boolean() });

export const fundingSummarySchema = z
  .object({
    schemes: z.array(schemeChoiceSchema),
    scheme: fundingSchemeSchema,
    counts: z.array(pupilCountSchema),
    terms: z.object({ rentScheme: z.boolean(), deductionBases: z.record(z.string(), z.number().int()) }),
    measures: z.array(measureBudgetSchema),
    deviceGoal: deviceGoalSchema,
    ledger: fundingLedgerSchema,
    deadline: z.string().nullable().describe('The last day of spending for this school'),
    spending: z.array(spendingLineSchema),
    canManage: z.boolean(),
  })
  .meta({ id: 'FundingSummary' });
export type FundingSummary = z.infer<typeof fundingSummarySchema>;

export const boardFundingSummarySchema = z
  .object({
    schemes: z.array(schemeChoiceSchema),
    scheme: schemeChoiceSchema,
    schools: z.array(
      z.object({
        schoolId: z.string(),
        schoolName: z.string(),
        budgetCents: z.number().int().nullable(),
        spentCents: z.number().int(),
        leftCents: z.number().int().nullable(),
        beyondBudgetCents: z.number().int(),
        deadline: z.string().nullable(),
        deviceGoal: deviceGoalSchema,
        lines: z.number().int(),
        auditReady: z.number().int().describe('Lines that pass the three checks and have evidence'),
      }),
    ),
    totals: z.object({ budgetCents: z.number().int().nullable(), spentCents: z.number().int(), leftCents: z.number().int().nullable() }),
    spending: z.array(spendingLineSchema.extend({ schoolName: z.string() })),
  })
  .meta({ id: 'BoardFundingSummary' });
export type BoardFundingSummary = z.infer<typeof boardFundingSummarySchema>;

export const spendingLineResponseSchema = z.object({ line: spendingLineSchema });
