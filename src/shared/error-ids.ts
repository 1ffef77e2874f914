/**
 * The catalogue of error ids. Clients switch on the id, never on the message;
 * the web app translates each id (see src/shared/i18n). Free of zod, so the browser can
 * check an id without loading the schemas (the error body's schema is in errors.ts).
 */
export const errorIds = [
  'validation_error',
  'unauthenticated',
  'invalid_credentials',
  'csrf_failed',
  'forbidden',
  'not_found',
  'conflict',
  'scan_submitted',
  'scan_incomplete',
  'too_few_respondents',
  'enrolment_closed',
  'cancellation_closed',
  'completed_before_session',
  'import_rejected',
  'invitation_expired',
  'oidc_state_invalid',
  'oidc_provider_error',
  'oidc_no_account',
  'round_not_open',
  'campaign_not_closed',
  'class_code_full',
  'already_answered',
  'rate_limited',
  'weak_password',
  'password_reset_expired',
  'payload_too_large',
  'invitation_other_address',
  'platform_account_not_staff',
  'identity_provider_required',
  'last_principal',
  'transition_not_allowed',
  'loans_rejected',
  'spending_refused',
  'file_type_not_allowed',
  'decommission_rejected',
  'internal_error',
] as const;
export type ErrorId = (typeof errorIds)[number];
