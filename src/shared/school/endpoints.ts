import { defineEndpoints } from '../platform/endpoint';

/** A school, its team and its join code; the board above it. */
export const schoolEndpoints = defineEndpoints(
  () => import('./schools'),
  { tags: ['schools'] },
  {
    getSchool: {
      method: 'GET',
      path: '/api/schools/:schoolId',
      summary: 'A school you belong to, with your roles there',
      params: 'schoolIdParamsSchema',
      response: { 200: 'schoolSchema' },
      errors: [400, 401, 403, 404],
    },
    listSchoolMembers: {
      method: 'GET',
      path: '/api/schools/:schoolId/members',
      summary: 'The team: name, email and roles of every member (ICT coordinator, principal, board admin); never scan data',
      params: 'schoolIdParamsSchema',
      response: { 200: 'memberListSchema' },
      errors: [400, 401, 403, 404],
    },
    addSchoolMember: {
      method: 'POST',
      path: '/api/schools/:schoolId/members',
      summary: 'Invite someone to the team by email; they join when they accept the mailed invitation',
      description:
        'Always an invitation, whether or not the address has an account, and the same answer either way. ' +
        'An ICT coordinator gives teacher and ict_coordinator; a principal also principal; a board admin every role (403 otherwise).',
      params: 'schoolIdParamsSchema',
      body: 'addMemberBodySchema',
      response: { 201: 'addMemberResultSchema' },
      errors: [400, 401, 403, 404],
    },
    setSchoolMemberRoles: {
      method: 'PUT',
      path: '/api/schools/:schoolId/members/:userId',
      summary: "Replace a member's roles in the school",
      description:
        'The caller must be able to give both the roles the member has and the roles asked (403 otherwise). ' +
        "A principal cannot take away their own principal role as the school's last (409 last_principal).",
      params: 'memberParamsSchema',
      body: 'setRolesBodySchema',
      response: { 200: 'memberSchema' },
      errors: [400, 401, 403, 404, 409],
    },
    removeSchoolMember: {
      method: 'DELETE',
      path: '/api/schools/:schoolId/members/:userId',
      summary: 'Remove a member from the team (their account and own scans stay theirs)',
      description: "A principal cannot remove themselves as the school's last principal (409 last_principal).",
      params: 'memberParamsSchema',
      noContent: 'Removed',
      errors: [400, 401, 403, 404, 409],
    },
    setSchoolSettings: {
      method: 'PUT',
      path: '/api/schools/:schoolId/settings',
      summary: "Change the school's settings: whether joining needs an account linked to the identity provider",
      description: 'Principals and board admins. Turning `requireIdentityProvider` on needs an identity provider configured on the server (409 conflict otherwise).',
      params: 'schoolIdParamsSchema',
      body: 'schoolSettingsBodySchema',
      response: { 200: 'schoolSchema' },
      errors: [400, 401, 403, 404, 409],
    },
    leaveSchool: {
      method: 'DELETE',
      path: '/api/me/schools/:schoolId',
      summary: "Leave a school's team: every role of yours there ends (your account and your own scans stay yours)",
      description: "The school's last principal cannot leave (409 last_principal). A school you are not a member of: 404.",
      params: 'schoolIdParamsSchema',
      noContent: 'Left',
      errors: [400, 401, 403, 404, 409],
    },
    getJoinCode: {
      method: 'GET',
      path: '/api/schools/:schoolId/join-code',
      summary: "The school's join code and link to share with the team",
      params: 'schoolIdParamsSchema',
      response: { 200: 'joinCodeSchema' },
      errors: [400, 401, 403, 404],
    },
    rotateJoinCode: {
      method: 'POST',
      path: '/api/schools/:schoolId/join-code',
      summary: 'A new join code; the old one stops working at once',
      params: 'schoolIdParamsSchema',
      response: { 200: 'joinCodeSchema' },
      errors: [400, 401, 403, 404],
    },
    joinSchool: {
      method: 'POST',
      path: '/api/join/:code',
      summary: 'Join the school behind a join code as a teacher (again: no change)',
      description:
        'Platform accounts (admin, provider, centre analyst) cannot join: 403 platform_account_not_staff. A school that requires its ' +
        'identity provider admits only accounts linked to it: 403 identity_provider_required.',
      params: 'joinCodeParamsSchema',
      response: { 200: 'joinResultSchema' },
      errors: [400, 401, 403, 404],
      rateLimit: 'joinCode',
    },
    listAllSchools: {
      method: 'GET',
      path: '/api/admin/schools',
      summary: 'Every school with its board and number of members, searched by name or number (admins only)',
      query: 'schoolDirectoryQuerySchema',
      response: { 200: 'schoolDirectorySchema' },
      errors: [400, 401, 403],
    },
    getBoard: {
      method: 'GET',
      path: '/api/boards/:boardId',
      summary: 'A school board and its schools, for its board admins',
      params: 'boardParamsSchema',
      response: { 200: 'boardSchema' },
      errors: [400, 401, 403, 404],
    },
  },
);

/** Invitations, the roster import and accepting an invitation. */
export const invitationEndpoints = defineEndpoints(
  async () => ({
    ...(await import('../platform/api')),
    ...(await import('./schools')),
  }),
  { tags: ['schools'] },
  {
    importRoster: {
      method: 'POST',
      path: '/api/schools/:schoolId/roster',
      summary: 'Invite the team from a roster `naam;e-mail`: CSV (text/csv) or an .xlsx workbook, all or nothing',
      description:
        'Header `naam;e-mail` or `name;email`: as CSV with semicolons, UTF-8 with or without BOM, or as the first sheet of an ' +
        '.xlsx workbook (application/vnd.openxmlformats-officedocument.spreadsheetml.sheet). Another content type is refused ' +
        'with 400 validation_error on `body`; a file that cannot be read is one problem on `line 1: file`. A missing name, a bad address or an ' +
        'address twice rejects the file with 422 import_rejected; `details` names every bad line (`line 3: e-mail`) and ' +
        'nobody is invited. Members already in the team are skipped; each other line gets an invitation mail.',
      params: 'schoolIdParamsSchema',
      tableBody: true,
      bodyLimit: 5 * 1024 * 1024,
      response: { 200: 'rosterReportSchema' },
      errors: [400, 401, 403, 404, 413, 422],
    },
    listInvitations: {
      method: 'GET',
      path: '/api/schools/:schoolId/invitations',
      summary: 'Invitations not yet accepted and not expired, newest first',
      params: 'schoolIdParamsSchema',
      response: { 200: 'invitationListSchema' },
      errors: [400, 401, 403, 404],
    },
    revokeInvitation: {
      method: 'DELETE',
      path: '/api/schools/:schoolId/invitations/:invitationId',
      summary: 'Withdraw an open invitation; its link stops working',
      params: 'invitationParamsSchema',
      noContent: 'Withdrawn',
      errors: [400, 401, 403, 404],
    },
    getInvitation: {
      method: 'GET',
      path: '/api/invitations/:token',
      summary: 'What an invitation link is for: the school and the address invited (no login needed); never whether the address has an account',
      params: 'tokenParamsSchema',
      response: { 200: 'invitationSchema' },
      errors: [404, 410],
      rateLimit: 'invitation',
    },
    getJoinLink: {
      method: 'GET',
      path: '/api/join/:code',
      summary: 'The school behind a join code, by name, before joining (no login needed); nothing else of it',
      params: 'joinCodeParamsSchema',
      response: { 200: 'joinLinkSchema' },
      errors: [400, 404],
      rateLimit: 'joinCode',
    },
    joinSchoolWithNewAccount: {
      method: 'POST',
      path: '/api/join/:code/account',
      summary: 'Make an account and join the school behind a join code as a teacher, in one step (no login needed)',
      description:
        'The password follows the rule of every new password (422 weak_password). An address that has an account already: ' +
        '409 conflict on `body.email` (log in, then join). A school that requires its identity provider admits only accounts ' +
        'linked to it: 403 identity_provider_required. Sets the session cookie and returns the session, as login does.',
      params: 'joinCodeParamsSchema',
      body: 'joinWithNewAccountBodySchema',
      response: { 201: 'sessionResponseSchema' },
      errors: [400, 403, 404, 409, 422],
      rateLimit: 'joinCode',
    },
    acceptInvitation: {
      method: 'POST',
      path: '/api/invitations/:token/accept',
      summary: 'Accept an invitation: join the school and be logged in',
      description:
        'Logged in: the current account joins, when its address is the invited one (403 invitation_other_address otherwise). ' +
        'Otherwise a new account is made for the invited address with `name` and `password`, or, when the address has an account, ' +
        'its `password` is checked (`account: existing` only checks). Sets the session cookie and returns the session, as login does. ' +
        'Platform accounts cannot join a school: 403 platform_account_not_staff; a school that requires its identity provider is ' +
        'joined through it only: 403 identity_provider_required. A used or expired invitation: 410 invitation_expired.',
      params: 'tokenParamsSchema',
      body: 'acceptInvitationBodySchema',
      optionalBody: 'Leave out when logged in',
      response: { 200: 'sessionResponseSchema' },
      errors: [400, 401, 403, 404, 410],
      rateLimit: 'invitation',
    },
  },
);
