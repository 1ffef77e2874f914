import { defineEndpoints } from '../platform/endpoint';

/** The ICT park's indicators, beside MICTIVO's figures and with the CO2 that longer use avoided. */
export const indicatorEndpoints = defineEndpoints(
  () => import('./indicator-api'),
  { tags: ['infra'] },
  {
    getInfraIndicators: {
      method: 'GET',
      path: '/api/schools/:schoolId/infra/indicators',
      summary: 'The school’s ICT park in figures: devices per 100 pupils beside MICTIVO 2023, ages, devices lent to pupils, cost per pupil, CO2 avoided',
      description:
        'For the principal, the ICT coordinator and the board admins of the school; teachers get 403, anyone without a role in the school 404. ' +
        'Without pupil counts every per-pupil figure is null and `pupilCountsMissing` is true.',
      params: 'schoolIdParamsSchema',
      response: { 200: 'infraIndicatorsSchema' },
      errors: [400, 401, 403, 404],
    },
    getBoardInfraIndicators: {
      method: 'GET',
      path: '/api/boards/:boardId/infra/indicators',
      summary: 'The indicators of every school of a board, and of all of them together',
      description: 'For the board’s admins; anyone else finds no board (404).',
      params: 'boardParamsSchema',
      response: { 200: 'boardInfraIndicatorsSchema' },
      errors: [400, 401, 404],
    },
  },
);
