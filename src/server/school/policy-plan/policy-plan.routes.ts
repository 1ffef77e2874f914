import type { FastifyInstance, preHandlerAsyncHookHandler } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBodySchema } from '../../../shared/errors';
import {
  actionBodySchema,
  actionChangesSchema,
  actionParamsSchema,
  actionSchema,
  actionsFromSuggestionsBodySchema,
  actionsFromSuggestionsResultSchema,
  goalBodySchema,
  goalChangesSchema,
  goalParamsSchema,
  goalSchema,
  policyPlanParamsSchema,
  policyPlanQuerySchema,
  policyPlanSchema,
  policySourcesSchema,
  policySuggestionsSchema,
  saveVisionBodySchema,
  suggestionsQuerySchema,
  visionSchema,
} from '../../../shared/school/policy-plan/policy-plan';
import { XLSX_CONTENT_TYPE } from '../../platform/export/xlsx';
import { authOf } from '../../platform/http/auth-hooks';
import { sendDownload } from '../../platform/http/download';
import { policyPlanCsv, policyPlanFileName, policyPlanXlsx } from './policy-plan.export';
import type { PolicyPlanService } from './policy-plan.service';

const tags = ['policy-plan'];
const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema };
const readAccess = 'Every member of the school reads the plan, board admins included; anyone without a role in the school gets 404.';
const editAccess = 'Principals and ICT coordinators change the plan; other members get 403, anyone without a role in the school 404.';

/** The school's ICT policy plan: vision, goals, actions, actions from results, and its downloads. */
export function policyPlanRoutes(app: FastifyInstance, deps: { policyPlan: PolicyPlanService; requireAuth: preHandlerAsyncHookHandler }): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { policyPlan, requireAuth } = deps;
  const base = '/api/schools/:schoolId/policy-plan';
  const user = (request: Parameters<typeof authOf>[0]) => authOf(request).userId;

  api.get(base, {
    preHandler: requireAuth,
    schema: {
      operationId: 'getPolicyPlan',
      tags,
      summary: 'The ICT policy plan: vision and period, goals by term, actions with owner, deadline, status, front and target, a summary per front; JSON, CSV or XLSX',
      description: `${readAccess} \`format=csv\` (semicolons, UTF-8 with BOM) or \`format=xlsx\` (a sheet each for vision, goals and actions), headers in \`lang\`.`,
      params: policyPlanParamsSchema,
      querystring: policyPlanQuerySchema,
      response: { 200: z.union([policyPlanSchema, z.string().describe('text/csv'), z.string().describe(XLSX_CONTENT_TYPE)]), ...errors },
    },
    handler: async (request, reply) => {
      const plan = await policyPlan.getPlan(user(request), request.params.schoolId);
      const { format, lang } = request.query;
      if (format === 'csv') return sendDownload(reply, 'csv', policyPlanFileName(plan, lang, 'csv'), policyPlanCsv(plan, lang));
      if (format === 'xlsx') return sendDownload(reply, 'xlsx', policyPlanFileName(plan, lang, 'xlsx'), await policyPlanXlsx(plan, lang));
      return plan;
    },
  });

  api.put(base, {
    preHandler: requireAuth,
    schema: {
      operationId: 'savePolicyVision',
      tags,
      summary: 'Save the vision and the period (school years) of the plan',
      description: `${editAccess} Send the \`version\` you read: when someone saved in between, 409 conflict names the current version, and nothing is overwritten.`,
      params: policyPlanParamsSchema,
      body: saveVisionBodySchema,
      response: { 200: visionSchema, 409: errorBodySchema, ...errors },
    },
    handler: async (request) => policyPlan.saveVision(user(request), request.params.schoolId, request.body),
  });

  api.post(`${base}/goals`, {
    preHandler: requireAuth,
    schema: { operationId: 'addPolicyGoal', tags, summary: 'Add a short, medium or long term goal', description: editAccess, params: policyPlanParamsSchema, body: goalBodySchema, response: { 201: goalSchema, ...errors } },
    handler: async (request, reply) => reply.status(201).send(await policyPlan.addGoal(user(request), request.params.schoolId, request.body)),
  });

  api.patch(`${base}/goals/:goalId`, {
    preHandler: requireAuth,
    schema: { operationId: 'changePolicyGoal', tags, summary: 'Change a goal; fields left out stay', description: editAccess, params: goalParamsSchema, body: goalChangesSchema, response: { 200: goalSchema, ...errors } },
    handler: async (request) => policyPlan.changeGoal(user(request), request.params.schoolId, request.params.goalId, request.body),
  });

  api.delete(`${base}/goals/:goalId`, {
    preHandler: requireAuth,
    schema: {
      operationId: 'removePolicyGoal',
      tags,
      summary: 'Remove a goal; its actions stay, without a goal',
      description: editAccess,
      params: goalParamsSchema,
      response: { 204: z.undefined().describe('Removed'), ...errors },
    },
    handler: async (request, reply) => {
      await policyPlan.removeGoal(user(request), request.params.schoolId, request.params.goalId);
      return reply.status(204).send();
    },
  });

  api.post(`${base}/actions`, {
    preHandler: requireAuth,
    schema: {
      operationId: 'addPolicyAction',
      tags,
      summary: 'Add an action: title, description, owner (a team member or a name), deadline, status, front, target, goal',
      description: `${editAccess} A member owner must be in the school's team; a target names a DigCompEdu area or competence.`,
      params: policyPlanParamsSchema,
      body: actionBodySchema,
      response: { 201: actionSchema, ...errors },
    },
    handler: async (request, reply) => reply.status(201).send(await policyPlan.addAction(user(request), request.params.schoolId, request.body)),
  });

  api.patch(`${base}/actions/:actionId`, {
    preHandler: requireAuth,
    schema: {
      operationId: 'changePolicyAction',
      tags,
      summary: 'Change an action; fields left out stay (an action made from a result keeps its target and source)',
      description: editAccess,
      params: actionParamsSchema,
      body: actionChangesSchema,
      response: { 200: actionSchema, ...errors },
    },
    handler: async (request) => policyPlan.changeAction(user(request), request.params.schoolId, request.params.actionId, request.body),
  });

  api.delete(`${base}/actions/:actionId`, {
    preHandler: requireAuth,
    schema: { operationId: 'removePolicyAction', tags, summary: 'Remove an action', description: editAccess, params: actionParamsSchema, response: { 204: z.undefined().describe('Removed'), ...errors } },
    handler: async (request, reply) => {
      await policyPlan.removeAction(user(request), request.params.schoolId, request.params.actionId);
      return reply.status(204).send();
    },
  });

  api.get(`${base}/sources`, {
    preHandler: requireAuth,
    schema: {
      operationId: 'listPolicySources',
      tags,
      summary: 'The results actions can be made from (team report, reflection, cybersecurity check), each with its newest result you may read',
      description: editAccess,
      params: policyPlanParamsSchema,
      response: { 200: policySourcesSchema, ...errors },
    },
    handler: async (request) => policyPlan.sources(user(request), request.params.schoolId),
  });

  api.get(`${base}/suggestions`, {
    preHandler: requireAuth,
    schema: {
      operationId: 'listPolicySuggestions',
      tags,
      summary: 'The actions a result suggests (`kind` and the result’s `id`), each marked when the plan holds it already',
      description:
        `${editAccess} The result's own access rules apply: one you may not read is not found (404); a team report with too few ` +
        'respondents is 422 too_few_respondents. Suggestions are made from what the result shows only.',
      params: policyPlanParamsSchema,
      querystring: suggestionsQuerySchema,
      response: { 200: policySuggestionsSchema, 422: errorBodySchema, ...errors },
    },
    handler: async (request) => policyPlan.suggestions(user(request), request.params.schoolId, request.query.kind, request.query.id),
  });

  api.post(`${base}/actions/from-suggestions`, {
    preHandler: requireAuth,
    schema: {
      operationId: 'addPolicyActionsFromSuggestions',
      tags,
      summary: 'Make actions of chosen suggestions of a result; ones the plan holds already are skipped',
      description: `${editAccess} All or nothing: a key the result does not suggest rejects the request (400, \`body.keys.<n>\`) and nothing is written.`,
      params: policyPlanParamsSchema,
      body: actionsFromSuggestionsBodySchema,
      response: { 201: actionsFromSuggestionsResultSchema, 422: errorBodySchema, ...errors },
    },
    handler: async (request, reply) => reply.status(201).send(await policyPlan.actionsFromSuggestions(user(request), request.params.schoolId, request.body)),
  });
}
