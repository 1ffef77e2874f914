import type { z } from 'zod';
import { AppError, notFound, validationError } from '../../shared/errors';
import type { DeviceState } from '../../shared/infra/lifecycle';
import type { createLoanBodySchema, LoanDto, lendDevicesBodySchema, loanDetailSchema, loanListQuerySchema, loanListSchema, returnDevicesBodySchema } from '../../shared/infra/loan-api';
import {
  type BorrowerKind,
  bulkLoanProblems,
  bulkReturnProblems,
  isOwnLoan,
  type LoanDevice,
  type LoanProblem,
  loanStatus,
  type ReturnCondition,
  stateAfterReturn,
} from '../../shared/infra/loans';
import { brusselsDate } from '../../shared/platform/brussels-time';
import { grants } from '../../shared/platform/capabilities';
import type { AccessPolicy } from '../platform/access/access';
import type { AuditRepository } from '../platform/audit/audit.repository';
import type { AuthService } from '../platform/auth/auth.service';
import { newId } from '../platform/ids';
import type { SchoolTeams } from './infra.needs';
import { type DeviceForLoan, LoanRace, type LoanRepository, type LoanWithDeviceRow } from './loan.repository';

type LendBody = z.output<typeof lendDevicesBodySchema>;
/** Loans of one request: a class's, or a single one without a class, perhaps bound to a team member's account. */
type LoanRequest = Omit<LendBody, 'className' | 'loans'> & { className: string | null; loans: Array<LendBody['loans'][number] & { borrowerUserId?: string | null }> };
type LoanList = z.infer<typeof loanListSchema>;
type LoanDetail = z.infer<typeof loanDetailSchema>;

export interface LoanDeps {
  access: AccessPolicy;
  audit: AuditRepository;
  auth: Pick<AuthService, 'usersByIds'>;
  teams: SchoolTeams;
  now?: () => Date;
}

/**
 * Loans of the school's devices to pupils and staff: a whole class at the start of the year, one
 * device at a time, and the returns. Every loan moves its device through the lifecycle's rules
 * (to on loan, back to in stock or in repair) in the same transaction, kept in the device's
 * history; a device is never on two open loans. Borrowers are kept as the school names them
 * (a name or its own pseudonymous number) and never written to the audit trail or the history.
 */
export class LoanService {
  private readonly now: () => Date;

  constructor(
    private readonly repo: LoanRepository,
    private readonly deps: LoanDeps,
  ) {
    this.now = deps.now ?? (() => new Date());
  }

  async listLoans(userId: string, schoolId: string, query: z.output<typeof loanListQuerySchema>): Promise<LoanList> {
    const roles = await this.deps.access.require(userId, 'readLoans', schoolId);
    const today = this.today();
    const [rows, classes] = await Promise.all([
      this.repo.list(schoolId, { openOnly: query.status === 'open' || query.status === 'not_returned', returnedOnly: query.status === 'returned', className: query.className }),
      this.repo.classes(schoolId),
    ]);
    const items = rows.map((row) => toLoanDto(row, today)).filter((loan) => query.status !== 'not_returned' || isNotReturned(loan));
    return { items, classes, canManage: grants(roles, 'manageLoans') };
  }

  /**
   * A teacher's own open loans: what "teachers see only what they have on loan" shows. A loan bound
   * to their account is theirs wherever they are now; an older one, lent under a name, only at a
   * school they belong to and under their name or address.
   */
  async myLoans(userId: string): Promise<{ items: LoanDto[] }> {
    const [user] = await this.deps.auth.usersByIds([userId]);
    if (!user) return { items: [] };
    const rows = await this.repo.openStaffLoansOf(
      userId,
      [user.displayName, user.email].map((name) => name.trim().toLowerCase()),
    );
    const today = this.today();
    const member = new Map<string, boolean>();
    for (const schoolId of new Set(rows.filter((row) => row.borrower_user_id === null).map((row) => row.school_id)))
      member.set(
        schoolId,
        await this.deps.access.require(userId, 'viewSchool', schoolId).then(
          () => true,
          () => false,
        ),
      );
    return { items: rows.map((row) => toLoanDto(row, today)).filter((loan) => loan.borrowerUserId === userId || (member.get(loan.schoolId) && isOwnLoan(loan, user))) };
  }

  /** Every loan bound to the person's account, for their data download: no access check, it is their own. */
  async accountLoans(userId: string): Promise<LoanDto[]> {
    const today = this.today();
    return (await this.repo.loansOfAccount(userId)).map((row) => toLoanDto(row, today));
  }

  /** The loans not returned (overdue or past their school year), for the export. */
  async unreturnedLoans(userId: string, schoolId: string): Promise<LoanDto[]> {
    await this.deps.access.require(userId, 'readLoans', schoolId);
    const today = this.today();
    return (await this.repo.list(schoolId, { openOnly: true, returnedOnly: false })).map((row) => toLoanDto(row, today)).filter(isNotReturned);
  }

  async getLoan(userId: string, loanId: string): Promise<LoanDetail> {
    const row = await this.repo.find(loanId);
    if (!row) throw notFound('Loan', 'loanId');
    const roles = await this.deps.access.require(userId, 'readLoans', row.school_id).catch((error: unknown) => {
      if (error instanceof AppError && error.id === 'not_found') throw notFound('Loan', 'loanId');
      throw error;
    });
    return { loan: toLoanDto(row, this.today()), canManage: grants(roles, 'manageLoans') };
  }

  /** A class's bulk loan: all or nothing, every bad line reported (422 loans_rejected). */
  async lendDevices(userId: string, schoolId: string, body: LendBody): Promise<{ items: LoanDto[] }> {
    await this.deps.access.require(userId, 'manageLoans', schoolId);
    return { items: await this.lend(userId, schoolId, 'pupil', body) };
  }

  async createLoan(userId: string, schoolId: string, body: z.output<typeof createLoanBodySchema>): Promise<LoanDetail> {
    await this.deps.access.require(userId, 'manageLoans', schoolId);
    const { assetTag, borrower, borrowerKind, borrowerUserId, ...terms } = body;
    const bound = borrowerUserId === null ? null : await this.teamMemberName(borrowerUserId, schoolId);
    const loans = [{ assetTag, borrower: bound ?? borrower!, borrowerUserId }];
    const [loan] = await this.lend(userId, schoolId, borrowerKind, { ...terms, ...(bound !== null && { identifiedBy: 'name' as const }), loans });
    return { loan, canManage: true };
  }

  /** The name of a member of the school's own team, which the loan carries as its borrower; 400 on the field for anyone else. */
  private async teamMemberName(userId: string, schoolId: string): Promise<string> {
    const [user] = await this.deps.auth.usersByIds([userId]);
    if (!user || !(await this.deps.teams.isTeamMember(userId, schoolId))) throw validationError('body.borrowerUserId', 'Not a member of this school’s team');
    return user.displayName;
  }

  /** Closes the open loan of each device named, all or nothing; a damaged device goes to repair. */
  async returnDevices(userId: string, schoolId: string, body: z.output<typeof returnDevicesBodySchema>): Promise<{ items: LoanDto[] }> {
    await this.deps.access.require(userId, 'manageLoans', schoolId);
    const devices = await this.devicesOf(schoolId, body.returns);
    const problems = bulkReturnProblems(body.returns, loanDevices(devices));
    if (problems.length > 0) throw loansRejected(problems, 'returns', 'nothing was returned');
    const at = this.now().toISOString();
    const returns = body.returns.map((item) => {
      const device = devices.get(item.assetTag)!;
      return { loanId: device.open_loan_id!, deviceId: device.id, from: device.state, to: stateAfterReturn(item.condition), condition: item.condition, note: item.note };
    });
    // A device put back by hand while on loan has no move to record.
    const events = returns.flatMap((item) =>
      item.from === item.to
        ? []
        : [{ id: newId(), device_id: item.deviceId, at, actor_id: userId, from_state: item.from, to_state: item.to, note: returnNote(item.condition, item.note) }],
    );
    try {
      await this.repo.close(returns, { on: this.today(), by: userId, at }, events);
    } catch (error) {
      // A device moved or was returned meanwhile: judged again from where things are now.
      if (error instanceof LoanRace) return this.returnDevices(userId, schoolId, body);
      throw error;
    }
    await this.deps.audit.record({ actorId: userId, action: 'loans_returned', subject: schoolId, details: { count: returns.length } });
    return { items: (await this.repo.findMany(returns.map((item) => item.loanId))).map((row) => toLoanDto(row, this.today())) };
  }

  /** Opens loans without access checks: demo data. */
  async seedLoans(userId: string, schoolId: string, borrowerKind: BorrowerKind, body: LoanRequest): Promise<number> {
    return (await this.lend(userId, schoolId, borrowerKind, body)).length;
  }

  private async lend(userId: string, schoolId: string, borrowerKind: BorrowerKind, body: LoanRequest): Promise<LoanDto[]> {
    const devices = await this.devicesOf(schoolId, body.loans);
    const problems = bulkLoanProblems(body.loans, loanDevices(devices));
    if (problems.length > 0) throw loansRejected(problems, 'loans', 'nothing was lent');
    const lentOn = body.lentOn ?? this.today();
    if (body.dueOn !== null && body.dueOn < lentOn) throw validationError('body.dueOn', `The due date ${body.dueOn} is before the loan date ${lentOn}`);
    const at = this.now().toISOString();
    const loans = body.loans.map((item) => ({
      id: newId(),
      school_id: schoolId,
      device_id: devices.get(item.assetTag)!.id,
      borrower_kind: borrowerKind,
      identified_by: body.identifiedBy,
      borrower: item.borrower,
      borrower_user_id: item.borrowerUserId ?? null,
      class_name: body.className,
      lent_on: lentOn,
      due_on: body.dueOn,
      deposit_cents: body.depositCents,
      contribution_cents: body.contributionCents,
      conditions: body.conditions,
      lent_by: userId,
      returned_on: null,
      return_condition: null,
      return_note: null,
      returned_by: null,
      created_at: at,
    }));
    const fromStates = new Map([...devices.values()].map((device) => [device.id, device.state]));
    // The history names the class, not the pupil: the borrower stays on the loan alone.
    const note = body.className ? `Loan to ${body.className}` : `Loan to a ${borrowerKind === 'pupil' ? 'pupil' : 'staff member'}`;
    const events = loans.map((loan) => ({ id: newId(), device_id: loan.device_id, at, actor_id: userId, from_state: fromStates.get(loan.device_id)!, to_state: 'on_loan', note }));
    try {
      await this.repo.lend(loans, fromStates, events);
    } catch (error) {
      if (error instanceof LoanRace) return this.lend(userId, schoolId, borrowerKind, body);
      throw error;
    }
    await this.deps.audit.record({ actorId: userId, action: 'loans_opened', subject: schoolId, details: { count: loans.length, className: body.className } });
    return (await this.repo.findMany(loans.map((loan) => loan.id))).map((row) => toLoanDto(row, this.today()));
  }

  private async devicesOf(schoolId: string, lines: ReadonlyArray<{ assetTag: string }>): Promise<Map<string, DeviceForLoan>> {
    const rows = await this.repo.devicesByTags(schoolId, [...new Set(lines.map((line) => line.assetTag))]);
    return new Map(rows.map((row) => [row.asset_tag, row]));
  }

  /** Loans and returns are dated by the school's calendar. */
  private today(): string {
    return brusselsDate(this.now());
  }
}

function loanDevices(devices: ReadonlyMap<string, DeviceForLoan>): Map<string, LoanDevice> {
  return new Map([...devices].map(([tag, device]) => [tag, { state: device.state as DeviceState, onOpenLoan: device.open_loan_id !== null }]));
}

const isNotReturned = (loan: LoanDto) => loan.status === 'overdue' || loan.status === 'year_ended';

function returnNote(condition: ReturnCondition, note: string | null): string {
  return note ? `Returned ${condition}: ${note}` : `Returned ${condition}`;
}

function loansRejected(problems: readonly LoanProblem[], list: 'loans' | 'returns', outcome: string): AppError {
  const lines = new Set(problems.map((problem) => problem.line)).size;
  return new AppError(
    'loans_rejected',
    `${problems.length} problem(s) on ${lines} line(s); ${outcome}`,
    `body.${list}.${problems[0].line - 1}.${problems[0].field}`,
    problems.map((problem) => ({ field: `body.${list}.${problem.line - 1}.${problem.field}`, message: `line ${problem.line}: ${problem.message}` })),
  );
}

export function toLoanDto(row: LoanWithDeviceRow, today: string): LoanDto {
  const loan = { lentOn: row.lent_on, dueOn: row.due_on, returnedOn: row.returned_on };
  return {
    id: row.id,
    schoolId: row.school_id,
    device: { id: row.device_id, assetTag: row.asset_tag, serial: row.serial, manufacturer: row.manufacturer, model: row.model_name, state: row.device_state as DeviceState },
    borrowerKind: row.borrower_kind as BorrowerKind,
    identifiedBy: row.identified_by as LoanDto['identifiedBy'],
    borrower: row.borrower,
    borrowerUserId: row.borrower_user_id,
    className: row.class_name,
    ...loan,
    depositCents: row.deposit_cents === null ? null : Number(row.deposit_cents),
    contributionCents: row.contribution_cents === null ? null : Number(row.contribution_cents),
    conditions: row.conditions,
    returnCondition: row.return_condition as ReturnCondition | null,
    returnNote: row.return_note,
    status: loanStatus(loan, today),
  };
}
