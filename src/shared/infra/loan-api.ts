import { z } from 'zod';
import { isoDaySchema } from './api';
import { deviceStates } from './lifecycle';
import { borrowerIdentifications, borrowerKinds, loanStatuses, PSEUDONYM_PATTERN, returnConditions } from './loans';

/** The contracts of the ICT park's loans to pupils and staff: bulk loans per class, single loans, returns, the agreement and the list of devices not returned. */

export { schoolIdParamsSchema } from '../school/schools';

export const loanParamsSchema = z.object({ loanId: z.string().min(1).max(100) });

const money = z
  .number()
  .int()
  .min(0)
  .max(1_000_000)
  .nullable()
  .optional()
  .transform((v) => v ?? null);
const assetTag = z.string().trim().min(1, 'must not be empty').max(64, 'must be at most 64 characters');
const borrower = z.string().trim().min(1, 'must not be empty').max(150, 'must be at most 150 characters');

/** What every loan of one request shares: the borrowers' group and how they are named, the due date and the amounts the school asks. */
const loanTerms = {
  className: z
    .string()
    .trim()
    .max(40, 'must be at most 40 characters')
    .nullable()
    .optional()
    .transform((v) => (v ? v : null)),
  identifiedBy: z.enum(borrowerIdentifications).default('name'),
  lentOn: isoDaySchema.optional().describe('Left out: today'),
  dueOn: isoDaySchema
    .nullable()
    .optional()
    .transform((v) => v ?? null),
  depositCents: money.describe('A deposit the borrower pays, in euro cents'),
  contributionCents: money.describe('A yearly contribution the borrower pays, in euro cents'),
  conditions: z
    .string()
    .trim()
    .max(2000, 'must be at most 2000 characters')
    .nullable()
    .optional()
    .transform((v) => (v ? v : null))
    .describe('The terms printed on the loan agreement'),
};

const pseudonymMessage = 'must be a pseudonymous number (letters, digits, . _ -; no spaces)';

/** A pseudonymous number has no spaces: a name typed where the school chose numbers is refused. */
function pseudonymsOnly(input: { identifiedBy: string; loans: ReadonlyArray<{ borrower: string }> }, ctx: z.RefinementCtx) {
  if (input.identifiedBy !== 'number') return;
  input.loans.forEach((loan, index) => {
    if (!PSEUDONYM_PATTERN.test(loan.borrower)) ctx.addIssue({ code: 'custom', path: ['loans', index, 'borrower'], message: pseudonymMessage });
  });
}

export const lendDevicesBodySchema = z
  .object({
    ...loanTerms,
    className: z.string().trim().min(1, 'must not be empty').max(40, 'must be at most 40 characters'),
    loans: z.array(z.object({ assetTag, borrower })).min(1, 'must name at least one device').max(2000, 'must be at most 2000 loans'),
  })
  .superRefine(pseudonymsOnly);

export const createLoanBodySchema = z
  .object({
    ...loanTerms,
    borrowerKind: z.enum(borrowerKinds),
    assetTag,
    borrower: borrower.optional().describe('The name or pseudonymous number; left out when borrowerUserId names the account'),
    borrowerUserId: z
      .string()
      .min(1)
      .max(100)
      .nullable()
      .optional()
      .transform((v) => v ?? null)
      .describe('A staff loan bound to a member of the school’s team (listSchoolMembers): their name is the borrower, and their start page lists it'),
    dueOn: isoDaySchema,
  })
  .superRefine((input, ctx) => {
    if (input.borrowerUserId !== null) {
      if (input.borrowerKind !== 'staff')
        ctx.addIssue({ code: 'custom', path: ['borrowerUserId'], message: 'only a loan to staff is bound to an account; a pupil keeps a name or number' });
      return;
    }
    if (input.borrower === undefined) ctx.addIssue({ code: 'custom', path: ['borrower'], message: 'must not be empty' });
    else if (input.identifiedBy === 'number' && !PSEUDONYM_PATTERN.test(input.borrower)) ctx.addIssue({ code: 'custom', path: ['borrower'], message: pseudonymMessage });
  });

export const returnDevicesBodySchema = z.object({
  returns: z
    .array(
      z.object({
        assetTag,
        condition: z.enum(returnConditions),
        note: z
          .string()
          .trim()
          .max(500, 'must be at most 500 characters')
          .nullable()
          .optional()
          .transform((v) => (v ? v : null)),
      }),
    )
    .min(1, 'must name at least one device')
    .max(2000, 'must be at most 2000 returns'),
});

export const loanSchema = z
  .object({
    id: z.string(),
    schoolId: z.string(),
    device: z.object({ id: z.string(), assetTag: z.string(), serial: z.string().nullable(), manufacturer: z.string(), model: z.string(), state: z.enum(deviceStates) }),
    borrowerKind: z.enum(borrowerKinds),
    identifiedBy: z.enum(borrowerIdentifications),
    borrower: z.string(),
    borrowerUserId: z.string().nullable().describe('The team member’s account a staff loan is bound to'),
    className: z.string().nullable(),
    lentOn: z.string(),
    dueOn: z.string().nullable(),
    depositCents: z.number().int().nullable(),
    contributionCents: z.number().int().nullable(),
    conditions: z.string().nullable(),
    returnedOn: z.string().nullable(),
    returnCondition: z.enum(returnConditions).nullable(),
    returnNote: z.string().nullable(),
    status: z.enum(loanStatuses).describe('overdue: past its due date; year_ended: the school year it was lent in is over; both count as not returned'),
  })
  .meta({ id: 'Loan' });
export type LoanDto = z.infer<typeof loanSchema>;

export const loanListFilters = ['open', 'not_returned', 'returned', 'all'] as const;

export const loanListQuerySchema = z.object({
  status: z.enum(loanListFilters).default('open').describe('not_returned: overdue or past the end of their school year'),
  className: z.string().trim().max(40).optional(),
});

export const loanListSchema = z
  .object({
    items: z.array(loanSchema),
    classes: z.array(z.string()).describe('Every class the school lent to, for the class picker'),
    canManage: z.boolean(),
  })
  .meta({ id: 'LoanList' });

export const myLoansSchema = z
  .object({
    items: z
      .array(loanSchema)
      .describe('Open staff loans bound to the caller’s account (also after leaving the school), or unbound under their name or e-mail address at schools they belong to'),
  })
  .meta({ id: 'MyLoans' });
export const lendReportSchema = z.object({ items: z.array(loanSchema) }).meta({ id: 'LendReport' });
export const loanDetailSchema = z.object({ loan: loanSchema, canManage: z.boolean() }).meta({ id: 'LoanDetail' });
