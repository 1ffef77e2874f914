import type { FastifyInstance, preHandlerAsyncHookHandler } from 'fastify';
import { campaignFollowUpEndpoints as endpoints } from '../../../shared/school/follow-up/endpoints';
import { authOf } from '../../platform/http/auth-hooks';
import { route } from '../../platform/http/route';
import type { FollowUpService } from './follow-up.service';

/** The checklist after a finished round, beside the round's report. */
export function followUpRoutes(app: FastifyInstance, deps: { followUp: FollowUpService; requireAuth: preHandlerAsyncHookHandler }): void {
  const { followUp, requireAuth } = deps;
  route(app, endpoints.getCampaignFollowUp, {
    preHandler: requireAuth,
    handler: async (request) => followUp.get(authOf(request).userId, request.params.schoolId, request.params.campaignId),
  });
  route(app, endpoints.setCampaignFollowUpStep, {
    preHandler: requireAuth,
    handler: async (request) => {
      const { schoolId, campaignId, stepKey } = request.params;
      return followUp.setStep(authOf(request).userId, schoolId, campaignId, stepKey, request.body);
    },
  });
}
