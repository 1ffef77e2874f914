import { type ErrorId, errorIds } from '../../shared/error-ids';
import type { Locale } from '../../shared/platform/api';
import { endpointUrl } from '../../shared/platform/endpoint';
import { oidcEndpoints } from '../../shared/platform/endpoints';

/** The address that starts a login at the identity provider: a page navigation, since the provider shows its own pages. */
export function oidcStartUrl(options: { next?: string; invitation?: string; locale?: Locale }): string {
  const { next, invitation, locale } = options;
  return endpointUrl(oidcEndpoints.startOidcLogin, {}, { next: next && next !== '/' ? next : undefined, invitation: invitation || undefined, locale });
}

/** The error id a failed identity-provider login came back with; anything else in the address is ignored. */
export function returnedErrorId(value: string | null): ErrorId | undefined {
  return errorIds.find((id) => id === value);
}
