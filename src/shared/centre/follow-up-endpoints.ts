import { defineEndpoints } from '../platform/endpoint';

/** The follow-up after a Digisnap round: the centre's steps, and how far schools get (issue 14 §3). */
export const followUpEndpoints = defineEndpoints(
  () => import('./follow-up-api'),
  { tags: ['centre'] },
  {
    getFollowUpSteps: {
      method: 'GET',
      path: '/api/follow-up/steps',
      summary: 'The knowledge centre’s steps after a Digisnap round, with the version to send back when changing them',
      description: 'Any member of a school, centre analysts and admins; other accounts get 403.',
      response: { 200: 'followUpStepsSchema' },
      errors: [401, 403],
    },
    updateFollowUpSteps: {
      method: 'PUT',
      path: '/api/follow-up/steps',
      summary: 'Replace the steps: 2 to 12, each with a stable key and titles in Dutch and English',
      description:
        'Centre analysts and admins (editFollowUpSteps); others 403. Send the `version` you read: a stale one gets 409 conflict and nothing is written. ' +
        'An unknown article is 400 naming `body.steps.<n>.article`. A removed step’s ticks stay with the schools but no longer count. Audited.',
      body: 'updateFollowUpStepsBodySchema',
      response: { 200: 'followUpStepsSchema' },
      errors: [400, 401, 403, 409],
    },
    getFollowUpProgress: {
      method: 'GET',
      path: '/api/centre/follow-up',
      summary: 'How far schools get after a round: schools with a finished round and per step how many ticked it, for Flanders, per province and per education level',
      description: 'Centre analysts and admins (readCentre); others 403. Counts of schools only; a group of fewer than five schools shows no count.',
      response: { 200: 'followUpProgressSchema' },
      errors: [401, 403],
    },
  },
);
