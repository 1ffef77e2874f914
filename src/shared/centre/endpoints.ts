import { defineEndpoints } from '../platform/endpoint';

const centreOnly = 'For the knowledge centre’s analysts and the admins.';

/** The knowledge centre (issue 14): Flanders-wide figures, needs against offer, actions and programmes. */
export const centreEndpoints = defineEndpoints(
  () => import('./api'),
  { tags: ['centre'] },
  {
    getCentreOverview: {
      method: 'GET',
      path: '/api/centre/overview',
      summary: 'The Flanders-wide picture: Digisnap participation and levels per area and competence, split by one breakdown, and the other fronts',
      description:
        `${centreOnly} Digisnap figures are noisy counts of one release (drawn once per version of the data and kept), ` +
        'a count under 5 and every count that would let one be worked out is hidden; the release states its privacy budget.',
      query: 'centreOverviewQuerySchema',
      response: { 200: 'centreOverviewSchema' },
      errors: [400, 401, 403],
    },
  },
);
