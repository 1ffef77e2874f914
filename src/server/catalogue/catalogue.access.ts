import { forbidden, unauthenticated } from '../../shared/errors';
import type { Role } from '../../shared/platform/api';

/** Who calls the catalogue: their roles anywhere, and the provider organisations they work for. */
export interface Caller {
  userId: string;
  roles: ReadonlySet<Role>;
  providerIds: readonly string[];
}

export const isAdmin = (caller: Caller | null) => caller?.roles.has('admin') ?? false;

/** Admins and the knowledge centre's analysts verify providers and see the unverified ones. */
export const mayVerifyProviders = (caller: Caller | null) => isAdmin(caller) || (caller?.roles.has('centre_analyst') ?? false);

/** The provider's own people and admins manage its trainings, sessions and lists. */
export const managesProvider = (caller: Caller | null, providerId: string) => isAdmin(caller) || (caller?.providerIds.includes(providerId) ?? false);

/**
 * The first check of every provider-side operation: only admins and provider accounts get
 * past it (403 otherwise). Which provider's trainings they may touch is checked per training,
 * and a training of another provider is then simply not found.
 */
export function requireProviderSide(caller: Caller | null): Caller {
  if (!caller) throw unauthenticated();
  if (!isAdmin(caller) && caller.providerIds.length === 0) throw forbidden('Only a training provider or an admin may do this');
  return caller;
}

export function requireCaller(caller: Caller | null): Caller {
  if (!caller) throw unauthenticated();
  return caller;
}
