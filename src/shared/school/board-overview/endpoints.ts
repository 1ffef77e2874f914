import { defineEndpoints } from '../../platform/endpoint';

/** The board's schools side by side. */
export const boardOverviewEndpoints = defineEndpoints(
  () => import('./board-overview'),
  { tags: ['schools'] },
  {
    getBoardOverview: {
      method: 'GET',
      path: '/api/boards/:boardId/overview',
      summary: 'Every school of the board side by side: Digisnap participation and levels, training budget, ICT park and funding, cyber check, policy plan',
      description:
        'For the board’s admins; anyone else gets 403, and a board that does not exist 404. Digisnap figures are those of each school’s published team report; ' +
        'a school with fewer scans than its campaign’s threshold shows its participation hidden (null).',
      params: 'boardParamsSchema',
      response: { 200: 'boardOverviewSchema' },
      errors: [400, 401, 403, 404],
    },
  },
);
