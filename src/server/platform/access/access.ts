import { forbidden, notFound } from '../../../shared/errors';
import type { Role } from '../../../shared/platform/api';
import { grants, type PlatformCapability, type PlatformRoleName, platformCapabilities, rolesGranting, type SchoolCapability } from '../../../shared/platform/capabilities';

/** The roles a user holds at a school (its own, and the board's over it); the module that keeps schools provides it. */
export interface SchoolRoles {
  rolesAt(userId: string, schoolId: string): Promise<Role[]>;
}

/** Where the policy reads the caller's roles. */
export interface RoleSource extends SchoolRoles {
  /** Every role the user holds, platform-wide or in any school. */
  rolesOf(userId: string): Promise<ReadonlySet<Role>>;
  /** Only the platform-wide roles: all a platform capability is granted by, without reading the user's schools. */
  platformRolesOf?(userId: string): Promise<readonly Role[]>;
}

/** How a 403 names the platform-wide roles. */
const platformRoleNames: Record<PlatformRoleName, string> = { provider: 'a training provider', centre_analyst: 'a centre analyst', admin: 'an admin' };

/** What a platform capability lets one do, as a 403 says it: "Only an admin may read the outbox". */
const platformActions: Record<PlatformCapability, string> = {
  addProviders: 'add providers',
  verifyProviders: 'verify providers',
  actForEveryProvider: 'act for every provider',
  readOutbox: 'read the outbox',
  importStemCounts: 'import STEM counts',
  actOnGaps: 'set the centre’s targets or mail providers about a gap',
  manageAccounts: 'manage accounts',
  readAuditLog: 'read the audit log',
  listAllSchools: 'list every school',
  supportBoards: "open another board's overview",
  readCentre: "read the knowledge centre's figures",
  manageCentreActions: "change the knowledge centre's actions",
  editFollowUpSteps: 'change the steps after a Digisnap round',
};

/**
 * The access check every use case starts with. The role sets per capability live once, in
 * shared/platform/capabilities.ts; a decision that is not a refusal (what a caller is shown)
 * asks `grants` of the same file with roles already at hand.
 *
 * - `access.require(userId, capability, schoolId)` for a school capability: a school the caller
 *   has no role in is not found (404, also when it does not exist); a member whose roles there do
 *   not grant the capability gets 403. Roles at another school never count.
 * - `access.requirePlatform(userId, capability)` for a platform capability, granted by the roles
 *   the caller holds anywhere: 403 otherwise.
 */
export class AccessPolicy {
  constructor(private readonly roles: RoleSource) {}

  /** The caller's roles at the school, when one of them grants the capability there. */
  async require(userId: string, capability: SchoolCapability, schoolId: string): Promise<Role[]> {
    return this.requireOf(await this.roles.rolesAt(userId, schoolId), capability);
  }

  /**
   * The decision of `require` on the caller's roles at the school read already, by a use case
   * that reads them together with its own first read (the team report): the same 404 and 403.
   */
  requireOf(roles: Role[], capability: SchoolCapability): Role[] {
    if (roles.length === 0) throw notFound('School', 'schoolId');
    if (!grants(roles, capability)) throw forbidden(`Only a ${rolesGranting(capability).join(', ')} of this school may do this`);
    return roles;
  }

  /** Nothing when the caller's roles grant the platform-wide capability; 403 otherwise. */
  async requirePlatform(userId: string, capability: PlatformCapability): Promise<void> {
    const roles = this.roles.platformRolesOf ? new Set(await this.roles.platformRolesOf(userId)) : await this.roles.rolesOf(userId);
    if (grants(roles, capability)) return;
    const allowed: readonly PlatformRoleName[] = platformCapabilities[capability];
    throw forbidden(`Only ${orList(allowed.map((role) => platformRoleNames[role]))} may ${platformActions[capability]}`);
  }
}

/** "a", "a or b", "a, b or c". */
function orList(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}
