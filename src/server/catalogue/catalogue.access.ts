import { forbidden, unauthenticated } from '../../shared/errors';
import type { Role } from '../../shared/platform/api';
import { grants } from '../../shared/platform/capabilities';

/**
 * Who calls the catalogue: their roles anywhere, and the provider organisations they work for.
 * The roles are checked against the platform capabilities (shared/platform/capabilities.ts);
 * which provider an account works for is the catalogue's own data.
 */
export interface Caller {
  userId: string;
  roles: ReadonlySet<Role>;
  providerIds: readonly string[];
}

/** Admins act for every provider, also without working for one. */
export const actsForEveryProvider = (caller: Caller | null) => caller !== null && grants(caller.roles, 'actForEveryProvider');

/** Those who verify providers also see the ones not verified yet. */
export const seesUnverifiedProviders = (caller: Caller | null) => caller !== null && grants(caller.roles, 'verifyProviders');

/** The provider's own people and those who act for every provider manage its trainings, sessions and lists. */
export const managesProvider = (caller: Caller | null, providerId: string) => actsForEveryProvider(caller) || (caller?.providerIds.includes(providerId) ?? false);

/**
 * The first check of every provider-side operation: only admins and provider accounts get
 * past it (403 otherwise). Which provider's trainings they may touch is checked per training,
 * and a training of another provider is then simply not found.
 */
export function requireProviderSide(caller: Caller | null): Caller {
  if (!caller) throw unauthenticated();
  if (!actsForEveryProvider(caller) && caller.providerIds.length === 0) throw forbidden('Only a training provider or an admin may do this');
  return caller;
}

export function requireCaller(caller: Caller | null): Caller {
  if (!caller) throw unauthenticated();
  return caller;
}
