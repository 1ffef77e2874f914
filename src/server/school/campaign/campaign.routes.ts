import type { FastifyInstance, preHandlerAsyncHookHandler } from 'fastify';
import { campaignEndpoints as endpoints } from '../../../shared/school/campaign/endpoints';
import { schoolReportCsv } from '../../../shared/school/campaign/report-csv';
import { authOf } from '../../platform/http/auth-hooks';
import { sendDownload } from '../../platform/http/download';
import { route } from '../../platform/http/route';
import type { CampaignService } from './campaign.service';
import { schoolReportFileName, schoolReportXlsx } from './report-xlsx';

/** Digisnap campaigns of a school and the team report; participation is counts only. */
export function campaignRoutes(app: FastifyInstance, deps: { campaigns: CampaignService; requireAuth: preHandlerAsyncHookHandler }): void {
  const { campaigns, requireAuth } = deps;

  route(app, endpoints.listMyCampaigns, {
    preHandler: requireAuth,
    handler: async (request) => ({ items: await campaigns.myOpenCampaigns(authOf(request).userId) }),
  });

  route(app, endpoints.openCampaign, {
    preHandler: requireAuth,
    handler: async (request, reply) => reply.status(201).send(await campaigns.openCampaign(authOf(request).userId, request.params.schoolId, request.body)),
  });

  route(app, endpoints.listCampaigns, {
    preHandler: requireAuth,
    handler: async (request) => ({ items: await campaigns.listCampaigns(authOf(request).userId, request.params.schoolId) }),
  });

  route(app, endpoints.getCampaign, {
    preHandler: requireAuth,
    handler: async (request) => campaigns.getCampaign(authOf(request).userId, request.params.schoolId, request.params.campaignId),
  });

  route(app, endpoints.closeCampaign, {
    preHandler: requireAuth,
    handler: async (request) => campaigns.closeCampaign(authOf(request).userId, request.params.schoolId, request.params.campaignId),
  });

  route(app, endpoints.reopenCampaign, {
    preHandler: requireAuth,
    handler: async (request) => campaigns.reopenCampaign(authOf(request).userId, request.params.schoolId, request.params.campaignId, request.body ?? {}),
  });

  route(app, endpoints.remindCampaign, {
    preHandler: requireAuth,
    handler: async (request) => campaigns.remindCampaign(authOf(request).userId, request.params.schoolId, request.params.campaignId),
  });

  route(app, endpoints.getSchoolReport, {
    preHandler: requireAuth,
    handler: async (request, reply) => {
      const { format, lang } = request.query;
      if (format === 'json') {
        // Stored as the serializer writes it (campaign.service.ts, reportJson), so it goes out as it is.
        const json = await campaigns.schoolReportJson(authOf(request).userId, request.params.schoolId, request.params.campaignId);
        return reply.type('application/json; charset=utf-8').send(json);
      }
      const report = await campaigns.schoolReport(authOf(request).userId, request.params.schoolId, request.params.campaignId);
      if (format === 'csv') return sendDownload(reply, 'csv', schoolReportFileName(report, 'csv'), schoolReportCsv(report, lang));
      if (format === 'xlsx') return sendDownload(reply, 'xlsx', schoolReportFileName(report, 'xlsx'), await schoolReportXlsx(report, lang));
      return report;
    },
  });
}
