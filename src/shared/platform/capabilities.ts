/**
 * Who may do what: the role sets per capability, written once. A school capability is granted
 * by the roles held at that school; a platform capability by the roles held platform-wide. The
 * server's access policy (server/platform/access) checks them before any work; the web app asks
 * `grants` to show or hide actions. Plain constants without Zod, so the browser bundle stays
 * small. The order of each list is the order error messages name the roles in.
 */

/** The roles held inside a school, in the order lists show them. */
export const schoolRoleList = ['teacher', 'ict_coordinator', 'principal', 'board_admin'] as const;
export type SchoolRoleName = (typeof schoolRoleList)[number];

export const schoolCapabilities = {
  /** See the school and its team (members of any role). */
  viewSchool: schoolRoleList,
  /** Manage the team: members, invitations, join code. */
  manageTeam: ['ict_coordinator', 'principal', 'board_admin'],
  /** Change the school's own settings, such as requiring the identity provider for everyone who joins. */
  manageSchoolSettings: ['principal', 'board_admin'],
  /** Open, close, reopen and remind Digisnap campaigns (KD: the principal or the ICT coordinator requests the round). */
  manageCampaigns: ['principal', 'ict_coordinator'],
  /** Read campaigns and their team report: also the board, which gets aggregates only like them. */
  readCampaigns: ['principal', 'ict_coordinator', 'board_admin'],
  /** Start, answer and submit the school's cyber check. */
  runCyberChecks: ['principal', 'ict_coordinator'],
  readCyberChecks: ['principal', 'ict_coordinator', 'board_admin'],
  /** Say who holds which ICT task; every member reads the team. */
  manageIctTeam: ['principal', 'ict_coordinator'],
  /** Open, change and close reflection rounds. */
  manageReflections: ['principal', 'ict_coordinator'],
  readReflections: ['principal', 'ict_coordinator', 'board_admin'],
  /** Read the ICT policy plan: every member of the school, the board's admins included; a policy plan is meant to be shared. */
  readPolicyPlan: schoolRoleList,
  /** Edit the plan: the principal owns it and the ICT coordinator drafts it (KD). */
  editPolicyPlan: ['principal', 'ict_coordinator'],
  /** Plan study days for the team, and read the training budget. */
  planTrainings: ['principal', 'ict_coordinator', 'board_admin'],
  /** Change the training budget's amounts: the school's leadership; the ICT coordinator reads them. */
  setTrainingBudget: ['principal', 'board_admin'],
  /** Read the ICT park (devices, their history, the export): the school's leadership, its ICT coordinator and the board; teachers do not see it. */
  readDevices: ['principal', 'ict_coordinator', 'board_admin'],
  /** Add, change, import devices and move them through their lifecycle; the board reads only. */
  manageDevices: ['principal', 'ict_coordinator'],
  /** Read the loans of devices to pupils and staff, their agreements and the list of devices not returned. */
  readLoans: ['principal', 'ict_coordinator', 'board_admin'],
  /** Lend devices, alone or to a whole class, and take them back; the board reads only. */
  manageLoans: ['principal', 'ict_coordinator'],
  /** Read the school's funding: pupil counts, budgets, spending lines and their evidence. */
  readFunding: ['principal', 'ict_coordinator', 'board_admin'],
  /** Enter pupil counts and terms, record spending and attach its evidence; the board reads only. */
  manageFunding: ['principal', 'ict_coordinator'],
} as const satisfies Record<string, readonly SchoolRoleName[]>;

export type SchoolCapability = keyof typeof schoolCapabilities;

/** The roles held platform-wide, outside any school. */
export const platformRoleList = ['provider', 'centre_analyst', 'admin'] as const;
export type PlatformRoleName = (typeof platformRoleList)[number];

export const platformCapabilities = {
  /** Add training providers to the catalogue. */
  addProviders: ['admin', 'centre_analyst'],
  /** Verify providers, and see the ones not verified yet. */
  verifyProviders: ['admin', 'centre_analyst'],
  /** Act for every provider: their trainings, sessions, imports and lists (provider staff act for their own). */
  actForEveryProvider: ['admin'],
  /** Read the outbox of mail sent and kept. */
  readOutbox: ['admin'],
  /** Import the STEM monitor's counts, replacing the school years in the file; everyone reads the monitor. */
  importStemCounts: ['centre_analyst', 'admin'],
  /** Set the knowledge centre's target level per competence, and mail providers about a gap in the offer. */
  actOnGaps: ['centre_analyst', 'admin'],
  /** Find accounts, block and unblock them, mail them a password-reset link. */
  manageAccounts: ['admin'],
  /** Read the audit log. */
  readAuditLog: ['admin'],
  /** List every school and board of the platform. */
  listAllSchools: ['admin'],
  /** Open any board's overview for support work: the same figures its board admins see, behind the same privacy gate. */
  supportBoards: ['admin'],
  /** Read the knowledge centre's Flanders-wide figures and pages. */
  readCentre: ['centre_analyst', 'admin'],
  /** Create and change the knowledge centre's actions and projects, and record bootcamp attendance. */
  manageCentreActions: ['centre_analyst', 'admin'],
  /** Change the knowledge centre's steps after a Digisnap round, which every school's checklist shows. */
  editFollowUpSteps: ['centre_analyst', 'admin'],
} as const satisfies Record<string, readonly PlatformRoleName[]>;

export type PlatformCapability = keyof typeof platformCapabilities;
export type Capability = SchoolCapability | PlatformCapability;

/** A capability is school-scoped or platform-wide, never both: a name in both lists fails to compile here. */
const noCapabilityInBothScopes: Record<SchoolCapability & PlatformCapability, never> = {};
const capabilityRoles: Readonly<Record<Capability, readonly string[]>> = { ...noCapabilityInBothScopes, ...schoolCapabilities, ...platformCapabilities };

/** The roles that grant a capability. */
export function rolesGranting(capability: Capability): readonly string[] {
  return capabilityRoles[capability];
}

/**
 * Whether any of these roles grants the capability: for a school capability, pass the roles
 * held at that one school (`school.myRoles`); for a platform capability, the roles held
 * platform-wide.
 */
export function grants(roles: Iterable<string>, capability: Capability): boolean {
  const allowed = capabilityRoles[capability];
  for (const role of roles) if (allowed.includes(role)) return true;
  return false;
}

/**
 * The roles a manager may give or take away. An ICT coordinator builds the team; a principal
 * also appoints principals; only a board admin names board admins.
 */
export const grantableRoles: Record<SchoolRoleName, readonly SchoolRoleName[]> = {
  teacher: [],
  ict_coordinator: ['teacher', 'ict_coordinator'],
  principal: ['teacher', 'ict_coordinator', 'principal'],
  board_admin: ['teacher', 'ict_coordinator', 'principal', 'board_admin'],
};
