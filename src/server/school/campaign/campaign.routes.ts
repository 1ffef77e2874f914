import type { FastifyInstance, preHandlerAsyncHookHandler } from 'fastify';
import { schoolReportCsv } from '../../../shared/school/campaign/report-csv';
import { XLSX_CONTENT_TYPE, attachmentDisposition } from '../../platform/export/xlsx';
import { authOf } from '../../platform/http/auth-hooks';
import type { CampaignService } from './campaign.service';
import { schoolReportFileName, schoolReportXlsx } from './report-xlsx';
import { campaignEndpoints as endpoints } from '../../../shared/school/campaign/endpoints';
import { route } from '../../platform/http/route';

/** Digisnap campaigns of a school and the team report; participation is counts only. */
export function campaignRoutes(app: FastifyInstance, deps: { campaigns: CampaignService; requireAuth: preHandlerAsyncHookHandler }): void {
  const { campaigns, requireAuth } = deps;

  route(app, endpoints.openCampaign, {
    preHandler: requireAuth,
    handler: async (request, reply) =>
      reply.status(201).send(await campaigns.openCampaign(authOf(request).userId, request.params.schoolId, request.body)),
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
    handler: async (request) =>
      campaigns.reopenCampaign(authOf(request).userId, request.params.schoolId, request.params.campaignId, request.body ?? {}),
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
      if (format === 'csv') {
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', attachmentDisposition(schoolReportFileName(report, 'csv')))
          .send(schoolReportCsv(report, lang));
      }
      if (format === 'xlsx') {
        return reply
          .type(XLSX_CONTENT_TYPE)
          .header('content-disposition', attachmentDisposition(schoolReportFileName(report, 'xlsx')))
          .send(await schoolReportXlsx(report, lang));
      }
      return report;
    },
  });
}
