import { defineEndpoints } from '../platform/endpoint';

/** The knowledge centre's view of schools' ICT teams. */
export const centreIctTeamsEndpoints = defineEndpoints(
  () => import('./ict-teams-api'),
  { tags: ['centre'] },
  {
    getCentreIctTeams: {
      method: 'GET',
      path: '/api/centre/ict-teams',
      summary: 'How many schools have an ICT team, the teams’ hours a week by band and their median, and how many schools and school groups share a member',
      description: 'Centre analysts and admins (readCentre); others 403. Counts of schools only: no school or person is named.',
      response: { 200: 'centreIctTeamsSchema' },
      errors: [401, 403],
    },
  },
);
