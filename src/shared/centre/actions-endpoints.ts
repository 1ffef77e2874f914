import { defineEndpoints } from '../platform/endpoint';

const read = 'Knowledge centre analysts and admins; anyone else gets 403.';
const manage =
  'Knowledge centre analysts and admins change the register (capability manageCentreActions); anyone else gets 403. Every save is written to the audit log and the action’s history.';

/** The knowledge centre's register of actions and projects, and the IT bootcamp programme (issue 14 §3). */
export const centreActionEndpoints = defineEndpoints(
  () => import('./actions'),
  { tags: ['centre'] },
  {
    listCentreActions: {
      method: 'GET',
      path: '/api/centre/actions',
      summary: 'The register of actions and projects across the five fronts, each with its indicators and reach; filter by front and status',
      description: read,
      query: 'centreActionsQuerySchema',
      response: { 200: 'centreActionListSchema' },
      errors: [400, 401, 403],
    },
    getCentreAction: {
      method: 'GET',
      path: '/api/centre/actions/:centreActionId',
      summary: 'One action: its indicators (each with the page that shows it), its reach, and the history of its changes',
      description: read,
      params: 'centreActionParamsSchema',
      response: { 200: 'centreActionDetailSchema' },
      errors: [400, 401, 403, 404],
    },
    createCentreAction: {
      method: 'POST',
      path: '/api/centre/actions',
      summary: 'Add an action: front and spearhead, goal, owner, budget in euro cents, period, status, indicators, programme or reach',
      description: `${manage} An unknown indicator key is 400 naming \`body.indicators.<n>\`; an end before the start is 400 naming \`body.endDate\`.`,
      body: 'centreActionBodySchema',
      response: { 201: 'centreActionSchema' },
      errors: [400, 401, 403],
    },
    updateCentreAction: {
      method: 'PUT',
      path: '/api/centre/actions/:centreActionId',
      summary: 'Replace an action’s fields; send the `version` you read',
      description: `${manage} When someone saved in between, 409 conflict names the current version, and nothing is overwritten.`,
      params: 'centreActionParamsSchema',
      body: 'centreActionUpdateSchema',
      response: { 200: 'centreActionSchema' },
      errors: [400, 401, 403, 404, 409],
    },
    getBootcampProgramme: {
      method: 'GET',
      path: '/api/centre/bootcamps',
      summary: 'The IT bootcamps: tracks with their catalogue training, cohorts of school teams, completion per team, and the programme’s reach',
      description: read,
      response: { 200: 'bootcampProgrammeSchema' },
      errors: [401, 403],
    },
    getBootcampCohort: {
      method: 'GET',
      path: '/api/centre/bootcamps/cohorts/:cohortId',
      summary: 'A cohort: its weekly sessions with who was present, its teams with their members’ attendance and completion',
      description: read,
      params: 'bootcampCohortParamsSchema',
      response: { 200: 'bootcampCohortSchema' },
      errors: [400, 401, 403, 404],
    },
    saveBootcampAttendance: {
      method: 'PUT',
      path: '/api/centre/bootcamps/cohorts/:cohortId/sessions/:bootcampSessionId/attendance',
      summary: 'Record who was present at a session (the others were absent); answers the cohort',
      description: `${manage} All or nothing: a participant not in the cohort is 400 naming \`body.present.<n>\`, and nothing is written.`,
      params: 'bootcampSessionParamsSchema',
      body: 'bootcampAttendanceBodySchema',
      response: { 200: 'bootcampCohortSchema' },
      errors: [400, 401, 403, 404],
    },
  },
);
