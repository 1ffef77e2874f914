import type { FastifyInstance, preHandlerAsyncHookHandler } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorBodySchema } from '../../../shared/errors';
import { campaignParamsSchema } from '../../../shared/school/campaign/campaign';
import { schoolIdParamsSchema } from '../../../shared/school/schools';
import {
  planStudyDayBodySchema,
  studyDayListQuerySchema,
  studyDayListSchema,
  studyDayParamsSchema,
  studyDaySchema,
  suggestionsQuerySchema,
  trainingSuggestionsSchema,
} from '../../../shared/school/training-plan/training-plan';
import { authOf } from '../../platform/http/auth-hooks';
import type { TrainingPlanService } from './training-plan.service';

const tags = ['training-plan'];
const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema };
const access = 'For the principal, the ICT coordinator and the board admins of the school; teachers get 403, anyone without a role in the school 404.';

/** Trainings suggested from the team report, and the school's pedagogical study days. */
export function trainingPlanRoutes(app: FastifyInstance, deps: { trainingPlan: TrainingPlanService; requireAuth: preHandlerAsyncHookHandler }): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { trainingPlan, requireAuth } = deps;
  const studyDays = '/api/schools/:schoolId/study-days';

  api.get('/api/schools/:schoolId/campaigns/:campaignId/training-suggestions', {
    preHandler: requireAuth,
    schema: {
      operationId: 'getTrainingSuggestions',
      tags,
      summary: 'Trainings for the report’s priority area, at the levels the report shows most teachers at: for the whole team and for teachers one by one',
      description:
        `${access} Reads only what the team report shows (hidden cells play no part); fewer respondents than the threshold: 422 too_few_respondents. ` +
        'Team suggestions are in-person, blended, bootcamp or live online trainings whose next session has room for `participants` (the report’s respondents by default), in the school’s province or online.',
      params: campaignParamsSchema,
      querystring: suggestionsQuerySchema,
      response: { 200: trainingSuggestionsSchema, 422: errorBodySchema, ...errors },
    },
    handler: async (request) =>
      trainingPlan.suggestions(authOf(request).userId, request.params.schoolId, request.params.campaignId, request.query.participants),
  });

  api.post(studyDays, {
    preHandler: requireAuth,
    schema: {
      operationId: 'planStudyDay',
      tags,
      summary: 'Plan a pedagogical study day with a training (and optionally one of its sessions); the cost is the team price or the price × participants',
      description: `${access} A session must be on the chosen day and have a seat for every participant.`,
      params: schoolIdParamsSchema,
      body: planStudyDayBodySchema,
      response: { 201: studyDaySchema, ...errors },
    },
    handler: async (request, reply) => reply.status(201).send(await trainingPlan.planStudyDay(authOf(request).userId, request.params.schoolId, request.body)),
  });

  api.get(studyDays, {
    preHandler: requireAuth,
    schema: {
      operationId: 'listStudyDays',
      tags,
      summary: 'The school’s study days, soonest first (planned ones by default)',
      description: access,
      params: schoolIdParamsSchema,
      querystring: studyDayListQuerySchema,
      response: { 200: studyDayListSchema, ...errors },
    },
    handler: async (request) => ({ items: await trainingPlan.listStudyDays(authOf(request).userId, request.params.schoolId, request.query.status) }),
  });

  api.post(`${studyDays}/:studyDayId/cancel`, {
    preHandler: requireAuth,
    schema: {
      operationId: 'cancelStudyDay',
      tags,
      summary: 'Cancel a planned study day; it no longer counts in the budget',
      description: `${access} A study day that is over or cancelled already: 409.`,
      params: studyDayParamsSchema,
      response: { 200: studyDaySchema, 409: errorBodySchema, ...errors },
    },
    handler: async (request) => trainingPlan.cancelStudyDay(authOf(request).userId, request.params.schoolId, request.params.studyDayId),
  });
}
