import type { CurrentUser } from '../../shared/platform/api';
import { grants } from '../../shared/platform/capabilities';

export interface ManagedSchool {
  schoolId: string;
  schoolName: string;
}

/** The schools where the user manages the team (`manageTeam`: ICT coordinator, principal, board admin), each once; they see the school's pages in the menu. */
export function managedSchools(user: CurrentUser | null): ManagedSchool[] {
  const seen = new Map<string, ManagedSchool>();
  for (const membership of user?.memberships ?? []) {
    if (!grants([membership.role], 'manageTeam') || seen.has(membership.schoolId)) continue;
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
