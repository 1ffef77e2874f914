import type { CurrentUser } from '../../../shared/platform/api';
import type { ProviderMembership } from '../types';

/** The provider organisations the user works for; empty for everyone else. */
export function providerMemberships(user: CurrentUser | null): ProviderMembership[] {
  // tolerate a session restored from a server that predates the catalogue
  return user?.providers ?? [];
}
