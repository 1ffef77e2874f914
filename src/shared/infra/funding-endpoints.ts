import { defineEndpoints } from '../platform/endpoint';

const readers = 'For the principal, the ICT coordinator and the board admins of the school; teachers get 403, anyone without a role in the school 404.';
const managers = 'For the principal and the ICT coordinator of the school; board admins read only and get 403, as do teachers; anyone without a role in the school 404.';
const board = 'For the board’s admins, read only; anyone else 404.';

/** The ICT park's funding: pupil counts, budgets per measure, spending with the auditor's checks and evidence, the board's view and evidence export. */
export const fundingEndpoints = defineEndpoints(
  () => import('./funding-api'),
  { tags: ['infra'] },
  {
    getFundingSummary: {
      method: 'GET',
      path: '/api/schools/:schoolId/funding',
      summary: 'The school’s funding under a scheme: pupil counts, the budget per measure, spent and left, the device goal, the spending lines with the auditor’s checks and evidence',
      description: `${readers} Budgets are rate × pupils counted on the measure’s counting day, less the deductions; a scheme whose rates are not sourced has no budget (null) and says so (\`verified: false\`).`,
      params: 'schoolIdParamsSchema',
      query: 'fundingQuerySchema',
      response: { 200: 'fundingSummarySchema' },
      errors: [400, 401, 403, 404],
    },
    setPupilCounts: {
      method: 'PUT',
      path: '/api/schools/:schoolId/pupil-counts',
      summary: 'Enter pupil counts per group and counting day; each replaces the school’s count of that group and day',
      description: `${managers} All or nothing; answers the summary under Digisprong.`,
      params: 'schoolIdParamsSchema',
      body: 'setPupilCountsBodySchema',
      response: { 200: 'fundingSummarySchema' },
      errors: [400, 401, 403, 404],
    },
    importPupilCounts: {
      method: 'POST',
      path: '/api/schools/:schoolId/pupil-counts/import',
      summary: 'Import pupil counts from CSV or .xlsx (columns groep, teldag, leerlingen), all or nothing',
      description: `${managers} Any bad line makes the whole import fail with 422 import_rejected; \`details\` names every bad line and column and nothing is written. Answers the summary under Digisprong.`,
      params: 'schoolIdParamsSchema',
      tableBody: true,
      bodyLimit: 1024 * 1024,
      response: { 200: 'fundingSummarySchema' },
      errors: [400, 401, 403, 404, 413, 422],
    },
    setFundingTerms: {
      method: 'PUT',
      path: '/api/schools/:schoolId/funding/terms',
      summary: 'Whether the board ran a rent or rent-to-own scheme (the later deadline), and the values the scheme’s deductions are taken from',
      description: `${managers} An unknown scheme or deduction is 400 on its field.`,
      params: 'schoolIdParamsSchema',
      body: 'setFundingTermsBodySchema',
      response: { 200: 'fundingSummarySchema' },
      errors: [400, 401, 403, 404],
    },
    recordSpending: {
      method: 'POST',
      path: '/api/schools/:schoolId/funding/spending',
      summary: 'Record a spending line against a scheme: category, amount, invoice reference and date, the double-financing declaration, the procurement procedure, the invoice files',
      description:
        `${managers} A refused category (internet and telephony subscriptions) answers 422 spending_refused on body.category with the reason; ` +
        'an invoice dated before the window or after the school’s deadline 422 spending_refused on body.invoiceDate; a file of another school 400 on body.evidenceFileIds.N.',
      params: 'schoolIdParamsSchema',
      body: 'recordSpendingBodySchema',
      response: { 201: 'spendingLineResponseSchema' },
      errors: [400, 401, 403, 404, 422],
    },
    addSpendingEvidence: {
      method: 'POST',
      path: '/api/funding/spending/:spendingId/evidence',
      summary: 'Attach more invoice files to a spending line',
      description: `${managers} A file of another school is 400 on body.fileIds.N.`,
      params: 'spendingParamsSchema',
      body: 'addSpendingEvidenceBodySchema',
      response: { 200: 'spendingLineResponseSchema' },
      errors: [400, 401, 403, 404],
    },
    getBoardFundingSummary: {
      method: 'GET',
      path: '/api/boards/:boardId/funding',
      summary: 'The board’s funding under a scheme: budget, spent, left and the device goal per school, and every spending line with its checks',
      description: board,
      params: 'boardParamsSchema',
      query: 'fundingQuerySchema',
      response: { 200: 'boardFundingSummarySchema' },
      errors: [400, 401, 404],
    },
    exportFundingEvidence: {
      method: 'GET',
      path: '/api/boards/:boardId/funding/evidence',
      summary: 'Download the evidence of a sample of spending lines as one ZIP: index.csv with each line and its checks, and every invoice file',
      description: `${board} \`size\` draws that many lines at random (the operating system’s CSPRNG) across the board’s schools; \`ids\` picks them by hand (an id not of the board: 400 on query.ids).`,
      params: 'boardParamsSchema',
      query: 'evidenceExportQuerySchema',
      files: ['zip'],
      errors: [400, 401, 404],
    },
  },
);
