import type { FastifyInstance, preHandlerAsyncHookHandler } from 'fastify';
import { policyPlanEndpoints as endpoints } from '../../../shared/school/policy-plan/endpoints';
import { authOf } from '../../platform/http/auth-hooks';
import { sendDownload } from '../../platform/http/download';
import { route } from '../../platform/http/route';
import { policyPlanCsv, policyPlanFileName, policyPlanXlsx } from './policy-plan.export';
import type { PolicyPlanService } from './policy-plan.service';

/** The school's ICT policy plan: vision, goals, actions, actions from results, and its downloads. */
export function policyPlanRoutes(app: FastifyInstance, deps: { policyPlan: PolicyPlanService; requireAuth: preHandlerAsyncHookHandler }): void {
  const { policyPlan, requireAuth } = deps;
  const user = (request: Parameters<typeof authOf>[0]) => authOf(request).userId;

  route(app, endpoints.getPolicyPlan, {
    preHandler: requireAuth,
    handler: async (request, reply) => {
      const plan = await policyPlan.getPlan(user(request), request.params.schoolId);
      const { format, lang } = request.query;
      if (format === 'csv') return sendDownload(reply, 'csv', policyPlanFileName(plan, lang, 'csv'), policyPlanCsv(plan, lang));
      if (format === 'xlsx') return sendDownload(reply, 'xlsx', policyPlanFileName(plan, lang, 'xlsx'), await policyPlanXlsx(plan, lang));
      return plan;
    },
  });

  route(app, endpoints.savePolicyVision, {
    preHandler: requireAuth,
    handler: async (request) => policyPlan.saveVision(user(request), request.params.schoolId, request.body),
  });

  route(app, endpoints.addPolicyGoal, {
    preHandler: requireAuth,
    handler: async (request, reply) => reply.status(201).send(await policyPlan.addGoal(user(request), request.params.schoolId, request.body)),
  });

  route(app, endpoints.changePolicyGoal, {
    preHandler: requireAuth,
    handler: async (request) => policyPlan.changeGoal(user(request), request.params.schoolId, request.params.goalId, request.body),
  });

  route(app, endpoints.removePolicyGoal, {
    preHandler: requireAuth,
    handler: async (request, reply) => {
      await policyPlan.removeGoal(user(request), request.params.schoolId, request.params.goalId);
      return reply.status(204).send();
    },
  });

  route(app, endpoints.addPolicyAction, {
    preHandler: requireAuth,
    handler: async (request, reply) => reply.status(201).send(await policyPlan.addAction(user(request), request.params.schoolId, request.body)),
  });

  route(app, endpoints.changePolicyAction, {
    preHandler: requireAuth,
    handler: async (request) => policyPlan.changeAction(user(request), request.params.schoolId, request.params.actionId, request.body),
  });

  route(app, endpoints.removePolicyAction, {
    preHandler: requireAuth,
    handler: async (request, reply) => {
      await policyPlan.removeAction(user(request), request.params.schoolId, request.params.actionId);
      return reply.status(204).send();
    },
  });

  route(app, endpoints.listPolicySources, {
    preHandler: requireAuth,
    handler: async (request) => policyPlan.sources(user(request), request.params.schoolId),
  });

  route(app, endpoints.listPolicySuggestions, {
    preHandler: requireAuth,
    handler: async (request) => policyPlan.suggestions(user(request), request.params.schoolId, request.query.kind, request.query.id),
  });

  route(app, endpoints.addPolicyActionsFromSuggestions, {
    preHandler: requireAuth,
    handler: async (request, reply) => reply.status(201).send(await policyPlan.actionsFromSuggestions(user(request), request.params.schoolId, request.body)),
  });
}
