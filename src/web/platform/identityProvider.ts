import { type ErrorId, errorIds } from '../../shared/error-ids';
import type { Locale } from '../../shared/platform/api';

/** The address that starts a login at the identity provider: a page navigation, since the provider shows its own pages. */
export function oidcStartUrl(options: { next?: string; invitation?: string; locale?: Locale }): string {
  const query = new URLSearchParams();
  if (options.next && options.next !== '/') query.set('next', options.next);
  if (options.invitation) query.set('invitation', options.invitation);
  if (options.locale) query.set('locale', options.locale);
  const search = query.toString();
  return `/api/auth/oidc/start${search ? `?${search}` : ''}`;
}

/** The error id a failed identity-provider login came back with; anything else in the address is ignored. */
export function returnedErrorId(value: string | null): ErrorId | undefined {
  return errorIds.find((id) => id === value);
}
