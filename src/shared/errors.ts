import { z } from 'zod';
import { type ErrorId, errorIds } from './error-ids';
import { type IssueDetail, issueCodes } from './issues';

export { type ErrorId, errorIds } from './error-ids';

export const httpStatusOf: Record<ErrorId, number> = {
  validation_error: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  csrf_failed: 403,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  scan_submitted: 409,
  scan_incomplete: 422,
  too_few_respondents: 422,
  enrolment_closed: 409,
  cancellation_closed: 409,
  completed_before_session: 400,
  import_rejected: 422,
  invitation_expired: 410,
  oidc_state_invalid: 400,
  oidc_provider_error: 502,
  oidc_no_account: 403,
  round_not_open: 409,
  campaign_not_closed: 409,
  class_code_full: 409,
  already_answered: 409,
  rate_limited: 429,
  weak_password: 422,
  password_reset_expired: 410,
  payload_too_large: 413,
  invitation_other_address: 403,
  platform_account_not_staff: 403,
  identity_provider_required: 403,
  last_principal: 409,
  transition_not_allowed: 409,
  loans_rejected: 422,
  spending_refused: 422,
  file_type_not_allowed: 415,
  decommission_rejected: 422,
  internal_error: 500,
};

export const errorBodySchema = z
  .object({
    error: z.object({
      id: z.enum(errorIds),
      message: z.string(),
      field: z.string().optional().describe('Path of the field at fault, e.g. `body.option`'),
      details: z
        .array(
          z.object({
            field: z.string(),
            message: z.string(),
            code: z.enum(issueCodes).optional().describe('What is wrong, from a closed list: translate this, not the message'),
            params: z
              .record(z.string(), z.union([z.string(), z.number(), z.array(z.string())]))
              .optional()
              .describe('What the code needs to be said in full, e.g. `minimum`, `allowed`, `column`'),
          }),
        )
        .optional()
        .describe('Every problem found, when there are several'),
    }),
  })
  .meta({ id: 'Error' });
export type ErrorBody = z.infer<typeof errorBodySchema>;

/** An error the API returns as-is: a stable id, a human message and the field at fault. */
export class AppError extends Error {
  constructor(
    readonly id: ErrorId,
    message: string,
    readonly field?: string,
    readonly details?: IssueDetail[],
  ) {
    super(message);
    this.name = 'AppError';
  }

  get status(): number {
    return httpStatusOf[this.id];
  }

  toBody(): ErrorBody {
    return { error: { id: this.id, message: this.message, field: this.field, details: this.details } };
  }
}

export const notFound = (what: string, field?: string) => new AppError('not_found', `${what} not found`, field);
export const validationError = (field: string, message: string) => new AppError('validation_error', message, field);
export const forbidden = (message = 'You may not do this') => new AppError('forbidden', message);
export const unauthenticated = () => new AppError('unauthenticated', 'Log in first');
export const conflict = (message: string, field?: string) => new AppError('conflict', message, field);
