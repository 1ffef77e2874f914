import { defineEndpoints } from '../platform/endpoint';

const readers = 'For the principal, the ICT coordinator and the board admins of the school; teachers get 403, anyone without a role in the school 404.';
const managers = 'For the principal and the ICT coordinator of the school; board admins read only and get 403, as do teachers; anyone without a role in the school 404.';
const rejected =
  'All or nothing: any bad line answers 422 loans_rejected, whose `details` name every bad line (`body.loans.N.assetTag`, N from 0) and why, a refused lifecycle move with the states allowed; nothing is written.';

/** The ICT park's loans to pupils and staff. */
export const loanEndpoints = defineEndpoints(
  () => import('./loan-api'),
  { tags: ['infra'] },
  {
    listLoans: {
      method: 'GET',
      path: '/api/schools/:schoolId/loans',
      summary: 'The school’s loans: open, not returned (overdue or past the end of their school year), returned or all, of one class or every one',
      description: readers,
      params: 'schoolIdParamsSchema',
      query: 'loanListQuerySchema',
      response: { 200: 'loanListSchema' },
      errors: [400, 401, 403, 404],
    },
    lendDevices: {
      method: 'POST',
      path: '/api/schools/:schoolId/loans',
      summary: 'Bulk loan to a class: each asset tag to the next pupil of the list; every device moves to "on loan"',
      description: `${managers} ${rejected}`,
      params: 'schoolIdParamsSchema',
      body: 'lendDevicesBodySchema',
      response: { 201: 'lendReportSchema' },
      errors: [400, 401, 403, 404, 422],
    },
    createLoan: {
      method: 'POST',
      path: '/api/schools/:schoolId/loans/single',
      summary: 'Lend one device to a pupil or a staff member until a due date, with a deposit and a yearly contribution where the school asks them',
      description: `${managers} A staff loan may be bound to a member of the school's own team (borrowerUserId; anyone else 400 on that field). A device that may not go on loan answers 422 loans_rejected on body.loans.0.assetTag.`,
      params: 'schoolIdParamsSchema',
      body: 'createLoanBodySchema',
      response: { 201: 'loanDetailSchema' },
      errors: [400, 401, 403, 404, 422],
    },
    returnDevices: {
      method: 'POST',
      path: '/api/schools/:schoolId/loans/returns',
      summary: 'Bulk return: each device’s open loan is closed with its condition and note; the device goes back in stock, or to repair when damaged',
      description: `${managers} ${rejected.replace('body.loans', 'body.returns')}`,
      params: 'schoolIdParamsSchema',
      body: 'returnDevicesBodySchema',
      response: { 200: 'lendReportSchema' },
      errors: [400, 401, 403, 404, 422],
    },
    listMyLoans: {
      method: 'GET',
      path: '/api/me/loans',
      summary: 'The devices the caller has on loan as a staff member',
      description:
        'For any logged-in user; a teacher sees only their own loans: those bound to their account, also after leaving the school, and older ones matched by their name or e-mail address as the school wrote it, at schools they belong to.',
      response: { 200: 'myLoansSchema' },
      errors: [401],
    },
    getLoan: {
      method: 'GET',
      path: '/api/loans/:loanId',
      summary: 'One loan with its device and amounts: what the printable loan agreement shows',
      description: readers,
      params: 'loanParamsSchema',
      response: { 200: 'loanDetailSchema' },
      errors: [400, 401, 403, 404],
    },
    exportUnreturnedLoans: {
      method: 'GET',
      path: '/api/schools/:schoolId/loans/export',
      summary: 'Download the devices not returned (overdue, or past the end of their school year) as CSV; formula-like texts are escaped',
      description: readers,
      params: 'schoolIdParamsSchema',
      files: ['csv'],
      errors: [400, 401, 403, 404],
    },
  },
);
