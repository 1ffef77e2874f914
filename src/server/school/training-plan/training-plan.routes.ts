import type { FastifyInstance, preHandlerAsyncHookHandler } from 'fastify';
import { trainingPlanEndpoints as endpoints } from '../../../shared/school/training-plan/endpoints';
import { authOf } from '../../platform/http/auth-hooks';
import { route } from '../../platform/http/route';
import type { TrainingPlanService } from './training-plan.service';

/** Trainings suggested from the team report, and the school's pedagogical study days. */
export function trainingPlanRoutes(app: FastifyInstance, deps: { trainingPlan: TrainingPlanService; requireAuth: preHandlerAsyncHookHandler }): void {
  const { trainingPlan, requireAuth } = deps;

  route(app, endpoints.getTrainingSuggestions, {
    preHandler: requireAuth,
    handler: async (request) => trainingPlan.suggestions(authOf(request).userId, request.params.schoolId, request.params.campaignId, request.query.participants),
  });

  route(app, endpoints.planStudyDay, {
    preHandler: requireAuth,
    handler: async (request, reply) => reply.status(201).send(await trainingPlan.planStudyDay(authOf(request).userId, request.params.schoolId, request.body)),
  });

  route(app, endpoints.listStudyDays, {
    preHandler: requireAuth,
    handler: async (request) => ({ items: await trainingPlan.listStudyDays(authOf(request).userId, request.params.schoolId, request.query.status) }),
  });

  route(app, endpoints.cancelStudyDay, {
    preHandler: requireAuth,
    handler: async (request) => trainingPlan.cancelStudyDay(authOf(request).userId, request.params.schoolId, request.params.studyDayId),
  });
}
