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
      summary:
        'The training money: the regular budget of a school year (per staff member) and the one-off Digisprong ICT training envelope (per full-time post on 1 February 2021), each with planned, spent and left (euro cents)',
      description:
        `${access} Planned: study days and the staff’s enrolments from today on; spent: before today, and completed trainings, each inside the period ` +
        '(the school year, 1 September – 31 August; the envelope’s window, 1 June 2022 – 31 July 2026, after which it is closed). ' +
        'Cancelled enrolments and waiting lists never count. Sums only, never whose.',
      params: 'schoolIdParamsSchema',
      query: 'budgetQuerySchema',
      response: { 200: 'schoolBudgetSchema' },
      errors: [400, 401, 403, 404],
    },
    setBudgetSettings: {
      method: 'PUT',
      path: '/api/schools/:schoolId/budget/settings',
      summary: 'Change the regular amount per staff member, the staff count or the count of full-time posts on 1 February 2021 (fields left out stay as they are)',
      description: setterAccess,
      params: 'schoolIdParamsSchema',
      body: 'setBudgetSettingsBodySchema',
      response: { 200: 'schoolBudgetSchema' },
      errors: [400, 401, 403, 404],
    },
  },
);
