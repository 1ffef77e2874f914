import type { FastifyInstance, preHandlerAsyncHookHandler } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBodySchema } from '../../../shared/errors';
import {
  campaignListSchema,
  campaignParamsSchema,
  campaignSchema,
  openCampaignBodySchema,
  reminderResultSchema,
  reopenCampaignBodySchema,
  reportQuerySchema,
} from '../../../shared/school/campaign/campaign';
import { schoolReportSchema } from '../../../shared/school/campaign/report';
import { schoolReportCsv } from '../../../shared/school/campaign/report-csv';
import { schoolIdParamsSchema } from '../../../shared/school/schools';
import { XLSX_CONTENT_TYPE } from '../../platform/export/xlsx';
import { authOf } from '../../platform/http/auth-hooks';
import { sendDownload } from '../../platform/http/download';
import type { CampaignService } from './campaign.service';
import { schoolReportFileName, schoolReportXlsx } from './report-xlsx';

const tags = ['campaigns'];
const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema };
const access =
  'A school you have no role in is not found (404); teachers get 403. Principals and ICT coordinators run campaigns; ' +
  'they and board admins read them.';

/** Digisnap campaigns of a school and the team report; participation is counts only. */
export function campaignRoutes(app: FastifyInstance, deps: { campaigns: CampaignService; requireAuth: preHandlerAsyncHookHandler }): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { campaigns, requireAuth } = deps;
  const base = '/api/schools/:schoolId/campaigns';

  api.post(base, {
    preHandler: requireAuth,
    schema: {
      operationId: 'openCampaign',
      tags,
      summary: 'Open a Digisnap campaign: window, framework version, team moment, minimum group size (never below 5)',
      description: `${access} Campaigns of one school may not overlap (409): each scan counts for one campaign only.`,
      params: schoolIdParamsSchema,
      body: openCampaignBodySchema,
      response: { 201: campaignSchema, 409: errorBodySchema, ...errors },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await campaigns.openCampaign(authOf(request).userId, request.params.schoolId, request.body)),
  });

  api.get(base, {
    preHandler: requireAuth,
    schema: {
      operationId: 'listCampaigns',
      tags,
      summary: 'The school’s campaigns, newest first, with participation counts',
      description: access,
      params: schoolIdParamsSchema,
      response: { 200: campaignListSchema, ...errors },
    },
    handler: async (request) => ({ items: await campaigns.listCampaigns(authOf(request).userId, request.params.schoolId) }),
  });

  api.get(`${base}/:campaignId`, {
    preHandler: requireAuth,
    schema: { operationId: 'getCampaign', tags, summary: 'One campaign with participation counts (never who)', description: access, params: campaignParamsSchema, response: { 200: campaignSchema, ...errors } },
    handler: async (request) => campaigns.getCampaign(authOf(request).userId, request.params.schoolId, request.params.campaignId),
  });

  api.post(`${base}/:campaignId/close`, {
    preHandler: requireAuth,
    schema: {
      operationId: 'closeCampaign',
      tags,
      summary: 'Close the campaign now; scans submitted later do not count',
      description: access,
      params: campaignParamsSchema,
      response: { 200: campaignSchema, 409: errorBodySchema, ...errors },
    },
    handler: async (request) => campaigns.closeCampaign(authOf(request).userId, request.params.schoolId, request.params.campaignId),
  });

  api.post(`${base}/:campaignId/reopen`, {
    preHandler: requireAuth,
    schema: {
      operationId: 'reopenCampaign',
      tags,
      summary: 'Reopen a closed campaign, to its last day or a new one',
      description: `${access} The report keeps its published numbers until at least the threshold of respondents came or went.`,
      params: campaignParamsSchema,
      body: reopenCampaignBodySchema.nullish(),
      response: { 200: campaignSchema, 409: errorBodySchema, ...errors },
    },
    handler: async (request) =>
      campaigns.reopenCampaign(authOf(request).userId, request.params.schoolId, request.params.campaignId, request.body ?? {}),
  });

  api.post(`${base}/:campaignId/reminders`, {
    preHandler: requireAuth,
    schema: {
      operationId: 'remindCampaign',
      tags,
      summary: 'Mail a reminder to the team members who have not submitted a scan yet; returns how many, never who',
      description: `${access} Only while the campaign is open (409), one round a day (429).`,
      params: campaignParamsSchema,
      response: { 200: reminderResultSchema, 409: errorBodySchema, 429: errorBodySchema, ...errors },
    },
    handler: async (request) => campaigns.remindCampaign(authOf(request).userId, request.params.schoolId, request.params.campaignId),
  });

  api.get(`${base}/:campaignId/report`, {
    preHandler: requireAuth,
    schema: {
      operationId: 'getSchoolReport',
      tags,
      summary: 'The team report (directierapport): areas, competences, KD norms, priority, growth, comparisons, breakdowns; JSON, CSV or XLSX',
      description:
        `${access} Fewer respondents than the threshold: 422 too_few_respondents. Every count below the threshold is null with ` +
        '`suppressed: true`, and so is any count it could be worked out from. A new state is shown only once at least the ' +
        'threshold of respondents came or went since the last one (`state: kept` with a note otherwise).',
      params: campaignParamsSchema,
      querystring: reportQuerySchema,
      response: {
        200: z.union([schoolReportSchema, z.string().describe('text/csv'), z.instanceof(Buffer).describe(`${XLSX_CONTENT_TYPE}, one sheet per table`)]),
        422: errorBodySchema,
        ...errors,
      },
    },
    handler: async (request, reply) => {
      const { format, lang } = request.query;
      if (format === 'json') {
        // Stored as the serializer writes it (campaign.service.ts, reportJson), so it goes out as it is;
        // the typed send() only knows objects, hence the cast.
        const json = await campaigns.schoolReportJson(authOf(request).userId, request.params.schoolId, request.params.campaignId);
        return reply.type('application/json; charset=utf-8').send(json as never);
      }
      const report = await campaigns.schoolReport(authOf(request).userId, request.params.schoolId, request.params.campaignId);
      if (format === 'csv') return sendDownload(reply, 'csv', schoolReportFileName(report, 'csv'), schoolReportCsv(report, lang));
      if (format === 'xlsx') return sendDownload(reply, 'xlsx', schoolReportFileName(report, 'xlsx'), await schoolReportXlsx(report, lang));
      return report;
    },
  });
}
