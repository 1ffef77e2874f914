import { defineEndpoints } from '../../platform/endpoint';

const access =
  'Like the round’s report: principals and ICT coordinators (the board reads); a teacher gets 403, a school you have no role in 404. ' +
  'A round that is not finished yet: 409 campaign_not_closed.';

/** The school's checklist after a finished Digisnap round: the knowledge centre's steps, ticked. */
export const campaignFollowUpEndpoints = defineEndpoints(
  () => import('./follow-up-api'),
  { tags: ['campaigns'] },
  {
    getCampaignFollowUp: {
      method: 'GET',
      path: '/api/schools/:schoolId/campaigns/:campaignId/follow-up',
      summary: 'The steps after the round, each with its explanation, link and whether the school ticked it (day and note)',
      description: access,
      params: 'campaignFollowUpParamsSchema',
      response: { 200: 'campaignFollowUpSchema' },
      errors: [400, 401, 403, 404, 409],
    },
    setCampaignFollowUpStep: {
      method: 'PUT',
      path: '/api/schools/:schoolId/campaigns/:campaignId/follow-up/:stepKey',
      summary: 'Tick a step (with an optional day and short note) or untick it',
      description: `${access} A step the centre does not list: 404 on params.stepKey; a day after today: 400 on body.on. Audited.`,
      params: 'campaignFollowUpStepParamsSchema',
      body: 'campaignFollowUpStepBodySchema',
      response: { 200: 'campaignFollowUpSchema' },
      errors: [400, 401, 403, 404, 409],
    },
  },
);
