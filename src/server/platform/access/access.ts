import { forbidden, notFound } from '../../../shared/errors';
import type { Role } from '../../../shared/platform/api';
import { type SchoolCapability, schoolCapabilities } from '../../../shared/platform/capabilities';

/** The roles a user holds at a school (its own, and the board's over it); the module that keeps schools provides it. */
export interface SchoolRoles {
  rolesAt(userId: string, schoolId: string): Promise<Role[]>;
}

/**
 * The access check every school use case starts with: `access.require(userId, capability,
 * schoolId)`. The role sets per capability live once, in shared/platform/capabilities.ts.
 * A school the caller has no role in is not found (404, also when it does not exist); a member
 * whose roles do not grant the capability gets 403.
 */
export class AccessPolicy {
  constructor(private readonly schools: SchoolRoles) {}

  /** The caller's roles at the school, when one of them grants the capability. */
  require(userId: string, capability: SchoolCapability, schoolId: string): Promise<Role[]> {
    return this.requireAnyOf(userId, schoolId, schoolCapabilities[capability]);
  }

  /** The same check against a list of roles of the caller's choosing. Prefer `require` with a capability. */
  async requireAnyOf(userId: string, schoolId: string, allowed: readonly Role[]): Promise<Role[]> {
    const roles = await this.schools.rolesAt(userId, schoolId);
    if (roles.length === 0) throw notFound('School', 'schoolId');
    if (!roles.some((role) => allowed.includes(role))) throw forbidden(`Only a ${allowed.join(', ')} of this school may do this`);
    return roles;
  }
}
