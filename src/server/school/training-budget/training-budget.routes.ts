import type { FastifyInstance, preHandlerAsyncHookHandler } from 'fastify';
import { trainingBudgetEndpoints as endpoints } from '../../../shared/school/training-budget/endpoints';
import { authOf } from '../../platform/http/auth-hooks';
import { route } from '../../platform/http/route';
import type { TrainingBudgetService } from './training-budget.service';

/** The school's ICT training budget: the regular budget per school year and the one-off envelope, amounts in integer euro cents. */
export function trainingBudgetRoutes(app: FastifyInstance, deps: { budgets: TrainingBudgetService; requireAuth: preHandlerAsyncHookHandler }): void {
  const { budgets, requireAuth } = deps;

  route(app, endpoints.getSchoolBudget, {
    preHandler: requireAuth,
    handler: async (request) => budgets.getBudget(authOf(request).userId, request.params.schoolId, request.query.schoolYear),
  });

  route(app, endpoints.setBudgetSettings, {
    preHandler: requireAuth,
    handler: async (request) => budgets.setSettings(authOf(request).userId, request.params.schoolId, request.body),
  });
}
