import { defineEndpoints } from '../../platform/endpoint';

const readAccess = 'Every member of the school reads who holds which ICT task (teachers too: they know whom to ask); a school you have no role in is not found (404).';
const editAccess = 'Principals and ICT coordinators change it; other members get 403, a school you have no role in 404.';

/** The school's ICT team: who holds which task of the knowledge centre's task overview. */
export const ictTeamEndpoints = defineEndpoints(
  () => import('./ict-team-api'),
  { tags: ['ict-team'] },
  {
    getIctTeam: {
      method: 'GET',
      path: '/api/schools/:schoolId/ict-team',
      summary: 'The school’s ICT team: members with their job, hours a week and tasks, beside the task overview and the model job descriptions',
      description: readAccess,
      params: 'ictTeamParamsSchema',
      response: { 200: 'ictTeamSchema' },
      errors: [400, 401, 404],
    },
    addIctTeamMember: {
      method: 'POST',
      path: '/api/schools/:schoolId/ict-team/members',
      summary: 'Add a member to the ICT team, with the tasks they hold',
      description: `${editAccess} A task not in the overview: 400 on body.tasks.<n>.`,
      params: 'ictTeamParamsSchema',
      body: 'ictTeamMemberBodySchema',
      response: { 201: 'ictTeamMemberSchema' },
      errors: [400, 401, 403, 404],
    },
    updateIctTeamMember: {
      method: 'PUT',
      path: '/api/schools/:schoolId/ict-team/members/:memberId',
      summary: 'Change a member: name, job, hours, shared with the school group, tasks (all replaced)',
      description: editAccess,
      params: 'ictTeamMemberParamsSchema',
      body: 'ictTeamMemberBodySchema',
      response: { 200: 'ictTeamMemberSchema' },
      errors: [400, 401, 403, 404],
    },
    removeIctTeamMember: {
      method: 'DELETE',
      path: '/api/schools/:schoolId/ict-team/members/:memberId',
      summary: 'Remove a member from the ICT team',
      description: editAccess,
      params: 'ictTeamMemberParamsSchema',
      noContent: 'Removed',
      errors: [400, 401, 403, 404],
    },
  },
);
