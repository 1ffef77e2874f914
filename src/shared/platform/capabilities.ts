/**
 * Who may do what in a school: the role sets per capability, written once. The server's access
 * policy (server/platform/access) checks them before any work; the web app reads the same sets
 * to show or hide actions. Plain constants without Zod, so the browser bundle stays small.
 * The order of each list is the order error messages name the roles in.
 */

/** The roles held inside a school, in the order lists show them. */
export const schoolRoleList = ['teacher', 'ict_coordinator', 'principal', 'board_admin'] as const;
export type SchoolRoleName = (typeof schoolRoleList)[number];

export const schoolCapabilities = {
  /** See the school and its team (members of any role). */
  viewSchool: schoolRoleList,
  /** Manage the team: members, invitations, join code. */
  manageTeam: ['ict_coordinator', 'principal', 'board_admin'],
  /** Open, close, reopen and remind Digisnap campaigns (KD: the principal or the ICT coordinator requests the round). */
  manageCampaigns: ['principal', 'ict_coordinator'],
  /** Read campaigns and their team report: also the board, which gets aggregates only like them. */
  readCampaigns: ['principal', 'ict_coordinator', 'board_admin'],
  /** Start, answer and submit the school's cyber check. */
  runCyberChecks: ['principal', 'ict_coordinator'],
  readCyberChecks: ['principal', 'ict_coordinator', 'board_admin'],
  /** Open, change and close reflection rounds. */
  manageReflections: ['principal', 'ict_coordinator'],
  readReflections: ['principal', 'ict_coordinator', 'board_admin'],
  /** Read the ICT policy plan: every member of the school. */
  readPolicyPlan: schoolRoleList,
  editPolicyPlan: ['principal', 'ict_coordinator'],
  /** Plan study days for the team, and read the training budget. */
  planTrainings: ['principal', 'ict_coordinator', 'board_admin'],
  /** Change the training budget's amounts: the school's leadership; the ICT coordinator reads them. */
  setTrainingBudget: ['principal', 'board_admin'],
} as const satisfies Record<string, readonly SchoolRoleName[]>;

export type SchoolCapability = keyof typeof schoolCapabilities;

/** Whether any of these roles (held at one school) grants the capability there. */
export function grants(roles: readonly string[], capability: SchoolCapability): boolean {
  const allowed: readonly string[] = schoolCapabilities[capability];
  return roles.some((role) => allowed.includes(role));
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
