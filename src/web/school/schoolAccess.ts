import type { CurrentUser } from '../../shared/platform/api';
import { schoolCapabilities } from '../../shared/platform/capabilities';
import type { SchoolRole } from './types';

// The role sets are the server's own (shared/platform/capabilities.ts: plain constants, no Zod in the bundle).
/** Who manages a school's team, and so sees the school's pages in the menu. */
export const managerRoles: readonly SchoolRole[] = schoolCapabilities.manageTeam;
/** Who may open, close and remind campaigns (board admins read them). */
export const campaignRunnerRoles: readonly SchoolRole[] = schoolCapabilities.manageCampaigns;
/** Who changes the budget's amounts on screen: the school's leadership; the ICT coordinator reads them. */
export const budgetEditorRoles: readonly SchoolRole[] = schoolCapabilities.setTrainingBudget;

export interface ManagedSchool {
  schoolId: string;
  schoolName: string;
}

/** The schools where the user manages the team (ICT coordinator, principal, board admin), each once. */
export function managedSchools(user: CurrentUser | null): ManagedSchool[] {
  const seen = new Map<string, ManagedSchool>();
  for (const membership of user?.memberships ?? []) {
    if (!(managerRoles as readonly string[]).includes(membership.role) || seen.has(membership.schoolId)) continue;
    seen.set(membership.schoolId, { schoolId: membership.schoolId, schoolName: membership.schoolName });
  }
  return [...seen.values()];
}

export const schoolPath = (schoolId: string) => `/school/${encodeURIComponent(schoolId)}`;
export const campaignsPath = (schoolId: string) => `${schoolPath(schoolId)}/digisnap`;
export const reportPath = (schoolId: string, campaignId: string) => `${campaignsPath(schoolId)}/${encodeURIComponent(campaignId)}/rapport`;
/** The training plan, for one campaign's report or (without one) the latest campaign. */
export const trainingPlanPath = (schoolId: string, campaignId?: string) => `${schoolPath(schoolId)}/opleidingsplan${campaignId ? `?campagne=${encodeURIComponent(campaignId)}` : ''}`;
export const budgetPath = (schoolId: string) => `${schoolPath(schoolId)}/budget`;
