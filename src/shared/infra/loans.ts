/**
 * The rules of lending devices to pupils and staff, as pure functions, so the server, the web
 * app and the tests decide alike: which lines of a bulk loan or return are bad and why, where a
 * returned device goes, and when an open loan counts as not returned.
 */
import { checkTransition, type DeviceState } from './lifecycle';

export const borrowerKinds = ['pupil', 'staff'] as const;
export type BorrowerKind = (typeof borrowerKinds)[number];

/** How the school names a borrower: by name, or by a pseudonymous number of its own (no personal data kept). */
export const borrowerIdentifications = ['name', 'number'] as const;
export type BorrowerIdentification = (typeof borrowerIdentifications)[number];

/** A pseudonymous number: letters, digits, dot, dash or underscore, no spaces, so a name cannot pass as one. */
export const PSEUDONYM_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$/;

/**
 * While its loan is open, a device leaves "on loan" through the return only, which records when
 * and in what condition it came back. By hand only a loss is recorded, and the loan stays open:
 * the borrower still owes the device, and it shows among those not returned.
 */
export const handMovesWhileOnLoan: readonly DeviceState[] = ['lost_or_stolen'];

/**
 * Whether a staff loan is this user's: the school names a staff borrower by their name or
 * e-mail address as it knows them, so a teacher sees the loans under either, letter case and
 * spaces aside, and never a pupil's loan.
 */
export function isOwnLoan(loan: { borrowerKind: BorrowerKind; borrower: string }, user: { displayName: string; email: string }): boolean {
  const normal = (text: string) => text.trim().replace(/\s+/g, ' ').toLowerCase();
  return loan.borrowerKind === 'staff' && [user.displayName, user.email].some((name) => normal(name) !== '' && normal(name) === normal(loan.borrower));
}

/** The condition a device comes back in; a damaged one goes to repair. */
export const returnConditions = ['good', 'worn', 'damaged'] as const;
export type ReturnCondition = (typeof returnConditions)[number];

export function stateAfterReturn(condition: ReturnCondition): DeviceState {
  return condition === 'damaged' ? 'in_repair' : 'in_stock';
}

/** A problem of one line (1 = the first loan or return of the list) and the field at fault. */
export interface LoanProblem {
  line: number;
  field: 'assetTag' | 'borrower';
  message: string;
}

/** What the checks need to know of a device named by a tag. */
export interface LoanDevice {
  state: DeviceState;
  /** Whether an open loan holds it already. */
  onOpenLoan: boolean;
}

const stateNames = (states: readonly DeviceState[]) => (states.length === 0 ? 'no state' : states.join(', '));

/**
 * Every bad line of a bulk loan: a tag the school does not have, a tag or borrower named twice,
 * a device already on an open loan, or one whose lifecycle does not allow "on loan" (saying
 * which moves it allows). No problems: every line may be lent.
 */
export function bulkLoanProblems(lines: ReadonlyArray<{ assetTag: string; borrower: string }>, devices: ReadonlyMap<string, LoanDevice>): LoanProblem[] {
  const problems: LoanProblem[] = [];
  const tagLine = new Map<string, number>();
  const borrowerLine = new Map<string, number>();
  lines.forEach((item, index) => {
    const line = index + 1;
    const earlierTag = tagLine.get(item.assetTag);
    const device = devices.get(item.assetTag);
    if (earlierTag !== undefined) problems.push({ line, field: 'assetTag', message: `${item.assetTag} is on line ${earlierTag} already` });
    else if (!device) problems.push({ line, field: 'assetTag', message: `The school has no device with asset tag ${item.assetTag}` });
    else if (device.onOpenLoan) problems.push({ line, field: 'assetTag', message: `${item.assetTag} is on loan already; return it first` });
    else {
      const check = checkTransition(device.state, 'on_loan', null);
      if (!check.ok && check.reason === 'not_allowed')
        problems.push({ line, field: 'assetTag', message: `${item.assetTag} is ${device.state}, which cannot move to on_loan; it may move to ${stateNames(check.allowed)}` });
    }
    if (earlierTag === undefined) tagLine.set(item.assetTag, line);
    const borrower = item.borrower.toLowerCase();
    const earlierBorrower = borrowerLine.get(borrower);
    if (earlierBorrower !== undefined) problems.push({ line, field: 'borrower', message: `${item.borrower} gets a device on line ${earlierBorrower} already` });
    else borrowerLine.set(borrower, line);
  });
  return problems;
}

/**
 * Every bad line of a bulk return: a tag named twice, one without an open loan, or a device
 * whose lifecycle does not allow the state the return sends it to (lost meanwhile, say). A
 * device moved there by hand while on loan is simply taken back.
 */
export function bulkReturnProblems(lines: ReadonlyArray<{ assetTag: string; condition: ReturnCondition }>, devices: ReadonlyMap<string, LoanDevice>): LoanProblem[] {
  const problems: LoanProblem[] = [];
  const tagLine = new Map<string, number>();
  lines.forEach((item, index) => {
    const line = index + 1;
    const earlier = tagLine.get(item.assetTag);
    const device = devices.get(item.assetTag);
    if (earlier !== undefined) problems.push({ line, field: 'assetTag', message: `${item.assetTag} is on line ${earlier} already` });
    else if (!device?.onOpenLoan) problems.push({ line, field: 'assetTag', message: `${item.assetTag} is not on an open loan of the school` });
    else {
      const to = stateAfterReturn(item.condition);
      const check = checkTransition(device.state, to, null);
      if (device.state !== to && !check.ok && check.reason === 'not_allowed')
        problems.push({ line, field: 'assetTag', message: `${item.assetTag} is ${device.state}, which cannot move to ${to}; it may move to ${stateNames(check.allowed)}` });
    }
    if (earlier === undefined) tagLine.set(item.assetTag, line);
  });
  return problems;
}

/** The last day of the Flemish school year a day falls in: 30 June; July and August already count towards the next year (the loans of late August). */
export function schoolYearEnd(day: string): string {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  return `${month >= 7 ? year + 1 : year}-06-30`;
}

export const loanStatuses = ['open', 'overdue', 'year_ended', 'returned'] as const;
export type LoanStatus = (typeof loanStatuses)[number];

/**
 * Where a loan stands on `today` (days as `YYYY-MM-DD`): returned; overdue once its due date has
 * passed; year_ended once the school year it was lent in is over; else open. Overdue and
 * year_ended are the loans "not returned".
 */
export function loanStatus(loan: { lentOn: string; dueOn: string | null; returnedOn: string | null }, today: string): LoanStatus {
  if (loan.returnedOn !== null) return 'returned';
  if (loan.dueOn !== null && loan.dueOn < today) return 'overdue';
  if (schoolYearEnd(loan.lentOn) < today) return 'year_ended';
  return 'open';
}
