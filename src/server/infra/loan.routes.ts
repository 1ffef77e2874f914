import type { FastifyInstance, preHandlerAsyncHookHandler } from 'fastify';
import { toCsv } from '../../shared/csv';
import type { LoanDto } from '../../shared/infra/loan-api';
import { loanEndpoints as endpoints } from '../../shared/infra/loan-endpoints';
import { authOf } from '../platform/http/auth-hooks';
import { downloadDate, sendDownload } from '../platform/http/download';
import { route } from '../platform/http/route';
import type { LoanService } from './loan.service';

/** Loans of devices to pupils and staff: the list, bulk and single loans, returns, one loan, the export of devices not returned. */
export function loanRoutes(app: FastifyInstance, deps: { loans: LoanService; requireAuth: preHandlerAsyncHookHandler }): void {
  const { loans, requireAuth } = deps;

  route(app, endpoints.listLoans, {
    preHandler: requireAuth,
    handler: async (request) => loans.listLoans(authOf(request).userId, request.params.schoolId, request.query),
  });

  route(app, endpoints.lendDevices, {
    preHandler: requireAuth,
    handler: async (request, reply) => reply.status(201).send(await loans.lendDevices(authOf(request).userId, request.params.schoolId, request.body)),
  });

  route(app, endpoints.createLoan, {
    preHandler: requireAuth,
    handler: async (request, reply) => reply.status(201).send(await loans.createLoan(authOf(request).userId, request.params.schoolId, request.body)),
  });

  route(app, endpoints.returnDevices, {
    preHandler: requireAuth,
    handler: async (request) => loans.returnDevices(authOf(request).userId, request.params.schoolId, request.body),
  });

  route(app, endpoints.listMyLoans, {
    preHandler: requireAuth,
    handler: async (request) => loans.myLoans(authOf(request).userId),
  });

  route(app, endpoints.getLoan, {
    preHandler: requireAuth,
    handler: async (request) => loans.getLoan(authOf(request).userId, request.params.loanId),
  });

  route(app, endpoints.exportUnreturnedLoans, {
    preHandler: requireAuth,
    handler: async (request, reply) => {
      const list = await loans.unreturnedLoans(authOf(request).userId, request.params.schoolId);
      return sendDownload(reply, 'csv', `niet-teruggebracht-${downloadDate()}.csv`, writeUnreturnedCsv(list));
    },
  });
}

/** The devices not returned, one a line, in Dutch columns as the school's other exports; `toCsv` escapes formula-like text. */
function writeUnreturnedCsv(loans: readonly LoanDto[]): string {
  const euro = (cents: number | null) => (cents === null ? null : (cents / 100).toFixed(2).replace('.', ','));
  return toCsv(
    ['inventarisnummer', 'toestel', 'serienummer', 'klas', 'ontlener', 'soort ontlener', 'uitgeleend op', 'terug tegen', 'waarborg (EUR)', 'jaarlijkse bijdrage (EUR)', 'reden'],
    loans.map((loan) => [
      loan.device.assetTag,
      `${loan.device.manufacturer} ${loan.device.model}`,
      loan.device.serial,
      loan.className,
      loan.borrower,
      loan.borrowerKind === 'pupil' ? 'leerling' : 'personeelslid',
      loan.lentOn,
      loan.dueOn,
      euro(loan.depositCents),
      euro(loan.contributionCents),
      loan.status === 'overdue' ? 'te laat' : 'einde schooljaar',
    ]),
  );
}
