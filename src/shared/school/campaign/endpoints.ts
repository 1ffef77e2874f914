import { defineEndpoints } from '../../platform/endpoint';

const access = 'A school you have no role in is not found (404); teachers get 403. Principals and ICT coordinators run campaigns; ' + 'they and board admins read them.';

/** Scan campaigns of a school and their team report. */
export const campaignEndpoints = defineEndpoints(
  async () => ({
    ...(await import('./campaign')),
    ...(await import('./report')),
    ...(await import('../schools')),
  }),
  { tags: ['campaigns'] },
  {
    listMyCampaigns: {
      method: 'GET',
      path: '/api/me/campaigns',
      summary: 'The campaigns open now in the schools where you take Digisnap: the schools a scan you submit now counts for, as part of an anonymous team aggregate',
      response: { 200: 'myCampaignListSchema' },
      errors: [401],
    },
    openCampaign: {
      method: 'POST',
      path: '/api/schools/:schoolId/campaigns',
      summary: 'Open a Digisnap campaign: window, framework version, team moment, minimum group size (never below 5)',
      description: `${access} Campaigns of one school may not overlap (409): each scan counts for one campaign only.`,
      params: 'schoolIdParamsSchema',
      body: 'openCampaignBodySchema',
      response: { 201: 'campaignSchema' },
      errors: [400, 401, 403, 404, 409],
    },
    listCampaigns: {
      method: 'GET',
      path: '/api/schools/:schoolId/campaigns',
      summary: 'The school’s campaigns, newest first, with participation counts',
      description: access,
      params: 'schoolIdParamsSchema',
      response: { 200: 'campaignListSchema' },
      errors: [400, 401, 403, 404],
    },
    getCampaign: {
      method: 'GET',
      path: '/api/schools/:schoolId/campaigns/:campaignId',
      summary: 'One campaign with participation counts (never who)',
      description: access,
      params: 'campaignParamsSchema',
      response: { 200: 'campaignSchema' },
      errors: [400, 401, 403, 404],
    },
    closeCampaign: {
      method: 'POST',
      path: '/api/schools/:schoolId/campaigns/:campaignId/close',
      summary: 'Close the campaign now; scans submitted later do not count',
      description: access,
      params: 'campaignParamsSchema',
      response: { 200: 'campaignSchema' },
      errors: [400, 401, 403, 404, 409],
    },
    reopenCampaign: {
      method: 'POST',
      path: '/api/schools/:schoolId/campaigns/:campaignId/reopen',
      summary: 'Reopen a closed campaign, to its last day or a new one',
      description: `${access} The report keeps its published numbers until at least the threshold of respondents came or went.`,
      params: 'campaignParamsSchema',
      body: 'reopenCampaignBodySchema',
      optionalBody: true,
      response: { 200: 'campaignSchema' },
      errors: [400, 401, 403, 404, 409],
    },
    remindCampaign: {
      method: 'POST',
      path: '/api/schools/:schoolId/campaigns/:campaignId/reminders',
      summary: 'Mail a reminder to the team members who have not submitted a scan yet; returns how many, never who',
      description: `${access} Only while the campaign is open (409), one round a day (429).`,
      params: 'campaignParamsSchema',
      response: { 200: 'reminderResultSchema' },
      errors: [400, 401, 403, 404, 409, 429],
    },
    getSchoolReport: {
      method: 'GET',
      path: '/api/schools/:schoolId/campaigns/:campaignId/report',
      summary: 'The leadership report (directierapport): areas, competences, the KD aims with the distance to go, priority, growth, comparisons, breakdowns; JSON, CSV or XLSX',
      description:
        `${access} Fewer respondents than the threshold: 422 too_few_respondents. Distributions only, no means: every count ` +
        'carries two-sided geometric noise, drawn once per publication and served again on every read (`noise` states ε per ' +
        'histogram, the number of histograms, the mean error and the 90 % bound). A round’s respondents are fixed once ' +
        'published; a new state is shown only once at least the threshold of new respondents came (`state: kept` with a note otherwise).',
      params: 'campaignParamsSchema',
      query: 'reportQuerySchema',
      response: { 200: 'schoolReportSchema' },
      files: ['csv', 'xlsx'],
      errors: [400, 401, 403, 404, 422],
    },
  },
);
