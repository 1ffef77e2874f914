import type { FastifyInstance, preHandlerAsyncHookHandler } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorBodySchema } from '../../../shared/errors';
import { budgetQuerySchema, schoolBudgetSchema, setBudgetSettingsBodySchema } from '../../../shared/school/training-budget/training-budget';
import { schoolIdParamsSchema } from '../../../shared/school/schools';
import { authOf } from '../../platform/http/auth-hooks';
import type { TrainingBudgetService } from './training-budget.service';

const tags = ['training-plan'];
const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema };
const access = 'For the principal, the ICT coordinator and the board admins of the school; teachers get 403, anyone without a role in the school 404.';
const setterAccess = 'For the principal and the board admins of the school; the ICT coordinator and teachers get 403, anyone without a role in the school 404.';

/** The school's ICT training budget: amounts in integer euro cents. */
export function trainingBudgetRoutes(app: FastifyInstance, deps: { budgets: TrainingBudgetService; requireAuth: preHandlerAsyncHookHandler }): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { budgets, requireAuth } = deps;

  api.get('/api/schools/:schoolId/budget', {
    preHandler: requireAuth,
    schema: {
      operationId: 'getSchoolBudget',
      tags,
      summary: 'The ICT training budget of a calendar year: Digisprong top-up and regular budget per staff member, planned, spent and left (euro cents)',
      description:
        `${access} Planned: study days and the staff’s enrolments from today on; spent: before today, and completed trainings. ` +
        'Cancelled enrolments and waiting lists never count; the top-up counts nothing after its last day. Sums only, never whose.',
      params: schoolIdParamsSchema,
      querystring: budgetQuerySchema,
      response: { 200: schoolBudgetSchema, ...errors },
    },
    handler: async (request) => budgets.getBudget(authOf(request).userId, request.params.schoolId, request.query.year),
  });

  api.put('/api/schools/:schoolId/budget/settings', {
    preHandler: requireAuth,
    schema: {
      operationId: 'setBudgetSettings',
      tags,
      summary: 'Change the school’s amounts per staff member, the top-up’s last day or the staff count (fields left out stay as they are)',
      description: setterAccess,
      params: schoolIdParamsSchema,
      body: setBudgetSettingsBodySchema,
      response: { 200: schoolBudgetSchema, ...errors },
    },
    handler: async (request) => budgets.setSettings(authOf(request).userId, request.params.schoolId, request.body),
  });
}
