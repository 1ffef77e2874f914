import { defineEndpoints } from '../../platform/endpoint';

const setterAccess = 'For the principal and the board admins of the school; the ICT coordinator and teachers get 403, anyone without a role in the school 404.';

const access = 'For the principal, the ICT coordinator and the board admins of the school; teachers get 403, anyone without a role in the school 404.';

/** The school's training budget. */
export const trainingBudgetEndpoints = defineEndpoints(
  async () => ({
    ...(await import('./training-budget')),
    ...(await import('../schools')),
  }),
  { tags: ['training-plan'] },
  {
    getSchoolBudget: {
      method: 'GET',
      path: '/api/schools/:schoolId/budget',
      summary: 'The ICT training budget of a calendar year: Digisprong top-up and regular budget per staff member, planned, spent and left (euro cents)',
      description:
        `${access} Planned: study days and the staff’s enrolments from today on; spent: before today, and completed trainings. ` +
        'Cancelled enrolments and waiting lists never count; the top-up counts nothing after its last day. Sums only, never whose.',
      params: 'schoolIdParamsSchema',
      query: 'budgetQuerySchema',
      response: { 200: 'schoolBudgetSchema' },
      errors: [400, 401, 403, 404],
    },
    setBudgetSettings: {
      method: 'PUT',
      path: '/api/schools/:schoolId/budget/settings',
      summary: 'Change the school’s amounts per staff member, the top-up’s last day or the staff count (fields left out stay as they are)',
      description: setterAccess,
      params: 'schoolIdParamsSchema',
      body: 'setBudgetSettingsBodySchema',
      response: { 200: 'schoolBudgetSchema' },
      errors: [400, 401, 403, 404],
    },
  },
);
