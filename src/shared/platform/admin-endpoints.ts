import { defineEndpoints } from './endpoint';

/** The administrator's own operations (capabilities `manageAccounts`, `readAuditLog`: admins only). */
export const adminEndpoints = defineEndpoints(
  () => import('./admin'),
  { tags: ['platform'] },
  {
    listAccounts: {
      method: 'GET',
      path: '/api/admin/accounts',
      summary: 'Accounts, newest first, searched by address or name and filtered by role (admins only)',
      query: 'accountQuerySchema',
      response: { 200: 'accountListSchema' },
      errors: [400, 401, 403],
    },
    blockAccount: {
      method: 'POST',
      path: '/api/admin/accounts/:accountId/block',
      summary: 'Block an account: every session ends and it cannot log in (admins only; not one’s own)',
      params: 'accountParamsSchema',
      response: { 200: 'accountSchema' },
      errors: [400, 401, 403, 404, 409],
    },
    unblockAccount: {
      method: 'POST',
      path: '/api/admin/accounts/:accountId/unblock',
      summary: 'Let a blocked account log in again (admins only)',
      params: 'accountParamsSchema',
      response: { 200: 'accountSchema' },
      errors: [400, 401, 403, 404],
    },
    sendPasswordResetLink: {
      method: 'POST',
      path: '/api/admin/accounts/:accountId/password-reset',
      summary: 'Mail the account a link to choose a new password, as "forgot password" does (admins only)',
      params: 'accountParamsSchema',
      noContent: 'Mailed',
      errors: [400, 401, 403, 404],
    },
    listAuditLog: {
      method: 'GET',
      path: '/api/admin/audit-log',
      summary: 'The audit log, newest first, by actor, action and days (admins only)',
      query: 'auditQuerySchema',
      response: { 200: 'auditListSchema' },
      errors: [400, 401, 403],
    },
  },
);
