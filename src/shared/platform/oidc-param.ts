/** The query of the login or invitation page a failed identity-provider login returns to (zod-free, for the browser). */
export const OIDC_ERROR_PARAM = 'error';
