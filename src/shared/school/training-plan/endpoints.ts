import { defineEndpoints } from '../../platform/endpoint';

const access = 'For the principal, the ICT coordinator and the board admins of the school; teachers get 403, anyone without a role in the school 404.';

/** Training suggestions from a team report, and study days. */
export const trainingPlanEndpoints = defineEndpoints(
  async () => ({
    ...(await import('../campaign/campaign')),
    ...(await import('../schools')),
    ...(await import('./training-plan')),
  }),
  { tags: ['training-plan'] },
  {
    getTrainingSuggestions: {
      method: 'GET',
      path: '/api/schools/:schoolId/campaigns/:campaignId/training-suggestions',
      summary: 'Trainings for the report’s priority area, at the levels the report shows most teachers at: for the whole team and for teachers one by one',
      description:
        `${access} Reads only what the team report shows (hidden cells play no part); fewer respondents than the threshold: 422 too_few_respondents. ` +
        'Team suggestions are in-person, blended, bootcamp or live online trainings whose next session has room for `participants` (the report’s respondents by default), in the school’s province or online.',
      params: 'campaignParamsSchema',
      query: 'suggestionsQuerySchema',
      response: { 200: 'trainingSuggestionsSchema' },
      errors: [400, 401, 403, 404, 422],
    },
    planStudyDay: {
      method: 'POST',
      path: '/api/schools/:schoolId/study-days',
      summary: 'Plan a pedagogical study day with a training (and optionally one of its sessions); the cost is the team price or the price × participants',
      description: `${access} A session must be on the chosen day and have a seat for every participant.`,
      params: 'schoolIdParamsSchema',
      body: 'planStudyDayBodySchema',
      response: { 201: 'studyDaySchema' },
      errors: [400, 401, 403, 404],
    },
    listStudyDays: {
      method: 'GET',
      path: '/api/schools/:schoolId/study-days',
      summary: 'The school’s study days, soonest first (planned ones by default)',
      description: access,
      params: 'schoolIdParamsSchema',
      query: 'studyDayListQuerySchema',
      response: { 200: 'studyDayListSchema' },
      errors: [400, 401, 403, 404],
    },
    cancelStudyDay: {
      method: 'POST',
      path: '/api/schools/:schoolId/study-days/:studyDayId/cancel',
      summary: 'Cancel a planned study day; it no longer counts in the budget',
      description: `${access} A study day that is over or cancelled already: 409.`,
      params: 'studyDayParamsSchema',
      response: { 200: 'studyDaySchema' },
      errors: [400, 401, 403, 404, 409],
    },
  },
);
